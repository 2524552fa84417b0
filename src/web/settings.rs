//! The web settings of a project, where 4D keeps them: the structure
//! settings `Project/Sources/settings.4DSettings`, overridden by the user
//! settings `Settings/settings.4DSettings` beside `Project/` (4D's order of
//! priority), then by the command line.
//!
//! Read from the `web/standalone_server/configuration` element: the port
//! (`port_number`), the session mode (`session_mode`), and from its
//! `hosts/host` the HTML root (`html_root`, relative to the folder that
//! holds `Project/`) and the home page (`home_page`).
//!
//! Decisions (4D does not document them):
//! - `session_mode` "1" (what every project built on scalable sessions
//!   holds) and an absent attribute (scalable sessions are the default of a
//!   new project) mean scalable sessions; any other value means no sessions
//!   (fourd has no legacy sessions).
//! - Without a port in the settings, fourd listens on 8080: 4D's own default,
//!   80, needs privileges on most systems.

use std::path::{Path, PathBuf};

/// The port `fourd serve` listens on when neither the settings nor the
/// command line give one.
pub const DEFAULT_PORT: u16 = 8080;

/// A project's web settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebSettings {
    pub port: u16,
    /// The HTML root (absolute, maybe missing on the disk).
    pub root: PathBuf,
    /// The page served for `/` and for folders; "" for none (`/` then goes
    /// to `On Web Connection`).
    pub home_page: String,
    pub scalable_sessions: bool,
}

impl WebSettings {
    /// The settings of the project in `folder` (the one holding `Project/`).
    /// A settings file that cannot be read or parsed is an error naming it.
    pub fn read(folder: &Path) -> Result<WebSettings, String> {
        let mut settings = WebSettings {
            port: DEFAULT_PORT,
            root: folder.join("WebFolder"),
            home_page: String::from("index.html"),
            scalable_sessions: true,
        };
        for file in [
            folder.join("Project").join("Sources").join("settings.4DSettings"),
            folder.join("Settings").join("settings.4DSettings"),
        ] {
            if file.is_file() {
                let text =
                    std::fs::read_to_string(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
                settings.apply(folder, &text).map_err(|e| format!("{}: {e}", file.display()))?;
            }
        }
        Ok(settings)
    }

    /// Applies the web settings that `text` (a settings file) holds.
    fn apply(&mut self, folder: &Path, text: &str) -> Result<(), String> {
        let doc = roxmltree::Document::parse(text).map_err(|e| format!("not a valid settings file: {e}"))?;
        let configuration = doc.descendants().find(|n| {
            n.has_tag_name("configuration")
                && n.parent().is_some_and(|p| p.has_tag_name("standalone_server"))
                && n.ancestors().any(|a| a.has_tag_name("web"))
        });
        let Some(configuration) = configuration else { return Ok(()) };
        if let Some(port) = configuration.attribute("port_number") {
            let port: u16 = port.trim().parse().map_err(|_| format!("the web port `{port}` is not a port number"))?;
            // 4D takes 0 for its default port.
            if port != 0 {
                self.port = port;
            }
        }
        if let Some(mode) = configuration.attribute("session_mode") {
            self.scalable_sessions = mode.trim() == "1";
        }
        let host = configuration
            .descendants()
            .filter(|n| n.has_tag_name("host"))
            .find(|n| n.attribute("name").is_none_or(|name| name == "default"));
        if let Some(host) = host {
            if let Some(root) = host.attribute("html_root") {
                let root = root.trim();
                self.root = if Path::new(root).is_absolute() { PathBuf::from(root) } else { folder.join(root) };
            }
            if let Some(home) = host.attribute("home_page") {
                self.home_page = home.trim().trim_matches('/').to_string();
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_web_configuration() {
        let mut s = WebSettings {
            port: DEFAULT_PORT,
            root: PathBuf::from("/p/WebFolder"),
            home_page: String::from("index.html"),
            scalable_sessions: true,
        };
        let xml = r#"<preferences><com.4d><web><standalone_server>
            <configuration port_number="8044" session_mode="0">
              <hosts><host html_root="./www/" home_page="start.html" name="default"/></hosts>
            </configuration></standalone_server>
            <remote><configuration port_number="80"/></remote></web></com.4d></preferences>"#;
        s.apply(Path::new("/p"), xml).ok();
        assert_eq!(s.port, 8044);
        assert!(!s.scalable_sessions);
        assert_eq!(s.root, PathBuf::from("/p/./www/"));
        assert_eq!(s.home_page, "start.html");
        assert!(s.apply(Path::new("/p"), "<a>").is_err());
        let bad = r#"<web><standalone_server><configuration port_number="http"/></standalone_server></web>"#;
        assert!(s.apply(Path::new("/p"), bad).is_err());
    }
}
