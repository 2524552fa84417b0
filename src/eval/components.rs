//! Components: the 4D projects a host project loads beside its own code.
//!
//! 4D finds a project's components in its `Components/` folder (each a
//! `<name>.4dbase` package folder holding a `Project/` folder) and in its
//! `Project/Sources/dependencies.json` (a name per component, whose package
//! folder lies beside the host's, or where `environment4d.json` puts it).
//! The `Components/` folder comes first: a component found there is not
//! loaded again from the dependencies.
//!
//! Each component is a context of its own in the run: its methods, classes,
//! process and interprocess variables and `Storage` are its own. The host
//! calls the component methods that are shared ("Shared by components and
//! host project", `"shared":true` in a method's attributes), and reaches its
//! classes as `cs.<namespace>.<Class>` when the component declares a
//! namespace in its settings (`component_classStore_name`).

use rustc_hash::FxHashMap as HashMap;
use std::path::{Path, PathBuf};

use crate::names::normalize;

use super::resolve;
use super::run::{ClassSlot, MethodSlot, Run, method_files_under, names_in_text};
use super::system_variables::is_system_variable;

/// The context of the host project's code.
pub const HOST: u16 = 0;

/// One component of a run.
pub struct Component {
    /// The package folder's name without `.4dbase` (`COMPONENT LIST`).
    pub name: String,
    /// `cs.<namespace>` in the host, when the component declares one.
    pub namespace: Option<String>,
    /// The folder holding the component's `Project/`.
    pub folder: PathBuf,
    /// `Project/Sources` of the component.
    pub sources: PathBuf,
    /// Its project methods by normalised name: name as written, file.
    pub files: HashMap<String, (String, PathBuf)>,
    /// Its class files by class name (case-sensitive).
    pub class_files: HashMap<String, PathBuf>,
    /// Whether each method asked about is shared with the host (read from
    /// the first line of its file when first asked).
    pub shared: HashMap<String, bool>,
    /// Whether its files have been read for the process variables they assign.
    pub prepassed: bool,
}

impl Component {
    /// The component whose package folder is `folder`, if it holds an
    /// interpreted project (`Project/Sources`).
    fn load(folder: &Path) -> Option<Component> {
        let sources = folder.join("Project").join("Sources");
        if !sources.is_dir() {
            return None;
        }
        let file_name = folder.file_name()?.to_string_lossy().into_owned();
        let name = match file_name.rsplit_once('.') {
            Some((stem, ext)) if ext.eq_ignore_ascii_case("4dbase") => stem.to_string(),
            _ => file_name,
        };
        let mut files = HashMap::default();
        for path in method_files(&sources.join("Methods")) {
            if let Some(stem) = path.file_stem().map(|s| s.to_string_lossy().into_owned()) {
                files.insert(normalize(&stem), (stem, path));
            }
        }
        let mut class_files = HashMap::default();
        for path in method_files(&sources.join("Classes")) {
            if let Some(stem) = path.file_stem().map(|s| s.to_string_lossy().into_owned()) {
                class_files.insert(stem, path);
            }
        }
        let namespace = namespace_of(&sources);
        Some(Component {
            name,
            namespace,
            folder: folder.to_path_buf(),
            sources,
            files,
            class_files,
            shared: HashMap::default(),
            prepassed: false,
        })
    }

    /// Whether the method of normalised name `key` is shared with the host.
    pub fn is_shared(&mut self, key: &str) -> bool {
        if let Some(&shared) = self.shared.get(key) {
            return shared;
        }
        let shared = self.files.get(key).is_some_and(|(_, path)| method_is_shared(path));
        self.shared.insert(key.to_string(), shared);
        shared
    }
}

/// The `.4dm` files of a folder (not its subfolders).
fn method_files(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else { return Vec::new() };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("4dm")))
        .collect();
    files.sort();
    files
}

/// Whether the method file's `//%attributes` line says `"shared":true`.
pub(super) fn method_is_shared(path: &Path) -> bool {
    use std::io::BufRead;
    let Ok(file) = std::fs::File::open(path) else { return false };
    let mut first = String::new();
    if std::io::BufReader::new(file).read_line(&mut first).is_err() {
        return false;
    }
    let first = first.trim_start_matches('\u{FEFF}');
    let Some(rest) = first.strip_prefix("//%attributes") else { return false };
    let json = rest.trim_start().strip_prefix('=').unwrap_or(rest).trim();
    serde_json::from_str::<serde_json::Value>(json)
        .ok()
        .and_then(|v| v.get("shared").and_then(serde_json::Value::as_bool))
        .unwrap_or(false)
}

/// The namespace a component declares: `component_classStore_name` of the
/// `general` element of its `settings.4DSettings`.
fn namespace_of(sources: &Path) -> Option<String> {
    let text = std::fs::read_to_string(sources.join("settings.4DSettings")).ok()?;
    let doc = roxmltree::Document::parse(&text).ok()?;
    let general =
        doc.descendants().find(|n| n.has_tag_name("general") && n.attribute("component_classStore_name").is_some())?;
    let name = general.attribute("component_classStore_name")?.trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// The components of the project in `root` (the folder holding `Project/`),
/// in the order 4D loads them: `Components/` (by name), then the local
/// dependencies of `dependencies.json` not found there.
pub fn find(root: &Path) -> Vec<Component> {
    let mut found: Vec<Component> = Vec::new();
    let mut folders: Vec<PathBuf> = match std::fs::read_dir(root.join("Components")) {
        Ok(entries) => entries
            .flatten()
            .map(|e| e.path())
            .map(|p| p.strip_prefix(".").map(Path::to_path_buf).unwrap_or(p))
            .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("4dbase")))
            .collect(),
        Err(_) => Vec::new(),
    };
    folders.sort();
    for folder in folders {
        if let Some(component) = Component::load(&folder) {
            found.push(component);
        }
    }
    for (name, folder) in dependencies(root) {
        if found.iter().any(|c| c.name.eq_ignore_ascii_case(&name)) {
            continue;
        }
        if let Some(component) = Component::load(&folder) {
            found.push(component);
        }
    }
    found
}

/// The local dependencies of `Project/Sources/dependencies.json`: each
/// name with the folder 4D looks for it in — the path `environment4d.json`
/// gives (that file in the project folder or the nearest folder above it;
/// relative to it), else the folder of that name beside the project's own.
/// Dependencies on GitHub are left out (fourd downloads nothing).
fn dependencies(root: &Path) -> Vec<(String, PathBuf)> {
    let Ok(text) = std::fs::read_to_string(root.join("Project").join("Sources").join("dependencies.json")) else {
        return Vec::new();
    };
    let Ok(json) = serde_json::from_str::<serde_json::Value>(&text) else { return Vec::new() };
    let Some(deps) = json.get("dependencies").and_then(serde_json::Value::as_object) else { return Vec::new() };
    let root = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    let environment = root.ancestors().find_map(|folder| {
        let file = folder.join("environment4d.json");
        let text = std::fs::read_to_string(&file).ok()?;
        let json = serde_json::from_str::<serde_json::Value>(&text).ok()?;
        Some((folder.to_path_buf(), json))
    });
    let mut out = Vec::new();
    let mut names: Vec<&String> = deps.keys().collect();
    names.sort();
    for name in names {
        let declared = &deps[name.as_str()];
        let from_environment = environment.as_ref().and_then(|(folder, json)| {
            let entry = json.get("dependencies")?.get(name.as_str())?;
            Some((folder, entry.clone()))
        });
        let is_github = |v: &serde_json::Value| v.get("github").is_some();
        if is_github(declared) || from_environment.as_ref().is_some_and(|(_, v)| is_github(v)) {
            continue;
        }
        let folder = match from_environment {
            Some((folder, serde_json::Value::String(path))) => {
                let path = path.strip_prefix("file://").unwrap_or(&path);
                let path = Path::new(path);
                if path.is_absolute() { path.to_path_buf() } else { folder.join(path) }
            }
            _ => root.parent().map_or_else(|| PathBuf::from(name), |parent| parent.join(name)),
        };
        // The package folder may be named with or without `.4dbase`.
        let folder = if folder.join("Project").is_dir() {
            folder
        } else {
            let mut with_ext = folder.clone().into_os_string();
            with_ext.push(".4dbase");
            PathBuf::from(with_ext)
        };
        out.push((name.clone(), folder));
    }
    out
}

/// The key of a component's method, class or process variable in the run's
/// tables: the context's number before the name.
fn context_key(context: u16, name: &str) -> String {
    format!("{context}\u{1f}{name}")
}

impl Run {
    /// The method of normalised name `normalized` of component context `context`.
    pub(super) fn component_method(&mut self, context: u16, normalized: &str) -> Option<usize> {
        let key = context_key(context, normalized);
        if let Some(&index) = self.method_index.get(&key) {
            return Some(index);
        }
        let component = self.components.get(usize::from(context).checked_sub(1)?)?;
        let (name, path) = component.files.get(normalized)?.clone();
        let index = self.methods.len();
        self.methods.push(MethodSlot { name, path, code: None, context });
        self.method_index.insert(key, index);
        Some(index)
    }

    /// The class `name` of context `context` (the host's or a component's).
    pub(super) fn class_in(&mut self, context: u16, name: &str) -> Option<usize> {
        if context == HOST {
            return self.in_context(HOST, |run| resolve::Names::class(run, name));
        }
        let key = context_key(context, name);
        if let Some(&index) = self.class_index.get(&key) {
            return Some(index);
        }
        let component = self.components.get(usize::from(context).checked_sub(1)?)?;
        let path = component.class_files.get(name)?.clone();
        let index = self.classes.len();
        self.classes.push(ClassSlot { name: name.to_string(), path, code: None, context });
        self.class_index.insert(key, index);
        Some(index)
    }

    /// A process variable of a component: the component's own, apart from
    /// the host's of the same name (documented).
    pub(super) fn component_process_var(&mut self, context: u16, normalized: &str, create: bool) -> Option<usize> {
        let key = context_key(context, normalized);
        if let Some(&slot) = self.process_var_index.get(&key) {
            return Some(slot);
        }
        if !create {
            let k = usize::from(context).checked_sub(1)?;
            if self.components.get(k)?.prepassed {
                return None;
            }
            // The names its methods assign, read once.
            self.components[k].prepassed = true;
            let mut paths: Vec<PathBuf> = Vec::new();
            method_files_under(&self.components[k].sources, &mut paths);
            paths.sort();
            for path in paths {
                if let Ok(text) = std::fs::read_to_string(&path) {
                    for name in names_in_text(&text) {
                        if !is_system_variable(&name) {
                            self.component_process_var(context, &name, true);
                        }
                    }
                }
            }
            return self.process_var_index.get(&key).copied();
        }
        let slot = self.process_var_index.len();
        self.process_var_index.insert(key, slot);
        self.process_var_names.push(normalized.to_string());
        Some(slot)
    }

    /// Runs `f` with names looked up in context `context`.
    pub(super) fn in_context<T>(&mut self, context: u16, f: impl FnOnce(&mut Run) -> T) -> T {
        let saved = std::mem::replace(&mut self.context, context);
        let out = f(self);
        self.context = saved;
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shared_attribute_is_read_from_the_first_line() {
        let dir = std::env::temp_dir().join(format!("fourd-components-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
        let shared = dir.join("a.4dm");
        std::fs::write(&shared, "//%attributes = {\"shared\":true,\"invisible\":false}\nALERT(\"x\")\n")
            .unwrap_or_else(|e| panic!("{e}"));
        let private = dir.join("b.4dm");
        std::fs::write(&private, "//%attributes = {\"invisible\":true}\n").unwrap_or_else(|e| panic!("{e}"));
        let plain = dir.join("c.4dm");
        std::fs::write(&plain, "ALERT(\"x\")\n").unwrap_or_else(|e| panic!("{e}"));
        assert!(method_is_shared(&shared));
        assert!(!method_is_shared(&private));
        assert!(!method_is_shared(&plain));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
