//! Files and folders: the `File` and `Folder` commands with the functions of
//! `4D.File`, `4D.Folder` and `4D.FileHandle` (`objects.rs`, `handle.rs`),
//! the classic document commands (`documents.rs`) and the path commands
//! (`paths.rs`).
//!
//! Where things are: 4D's POSIX filesystems (`/PACKAGE`, `/PROJECT`,
//! `/SOURCES`, `/RESOURCES`, `/DATA`, `/LOGS`) are folders of the project
//! the run runs ([`Roots`]); a document named without a folder is next to the
//! structure file. System paths are the host system's own (POSIX on Linux
//! and macOS). Failures of the disk are 4D's file manager errors
//! ([`io_error`]: -43 for a file that is not there...).

pub(crate) mod documents;
pub(crate) mod handle;
pub(crate) mod objects;
pub(crate) mod paths;

use std::path::{Path, PathBuf};

use super::Ctx;
use crate::runtime::error::RuntimeError;
use crate::runtime::files::Item;
use crate::runtime::value::Value;

/// 4D's file manager error codes.
pub mod code {
    /// I/O error.
    pub const IO: i32 = -36;
    /// File not open (a document reference that designates nothing).
    pub const NOT_OPEN: i32 = -38;
    /// Read past the end of the file.
    pub const END_OF_FILE: i32 = -39;
    /// File or folder not found.
    pub const NOT_FOUND: i32 = -43;
    /// File busy, folder not empty.
    pub const BUSY: i32 = -47;
    /// A file or folder with this name already exists.
    pub const DUPLICATE: i32 = -48;
    /// A path through a folder that does not exist.
    pub const NO_FOLDER: i32 = -120;
    /// Permission denied.
    pub const PERMISSION: i32 = -54;
}

/// The 4D error of a failed disk operation on `path`.
pub(crate) fn io_error(error: &std::io::Error, path: &Path) -> RuntimeError {
    use std::io::ErrorKind as K;
    let (code, what) = match error.kind() {
        K::NotFound => (code::NOT_FOUND, "file or folder not found"),
        K::AlreadyExists => (code::DUPLICATE, "a file or folder with this name already exists"),
        K::PermissionDenied => (code::PERMISSION, "permission denied"),
        K::DirectoryNotEmpty => (code::BUSY, "the folder is not empty"),
        K::UnexpectedEof => (code::END_OF_FILE, "end of file"),
        _ => (code::IO, "input/output error"),
    };
    RuntimeError::new(code, format!("{what}: {}", shown(path)))
}

/// An error of `code` about `path`.
pub(crate) fn file_error(code: i32, what: &str, path: &Path) -> RuntimeError {
    RuntimeError::new(code, format!("{what}: {}", shown(path)))
}

/// How a path is named in a message: its last part (a message never holds
/// the machine's folders).
fn shown(path: &Path) -> String {
    path.file_name().map_or_else(|| path.to_string_lossy().into_owned(), |n| n.to_string_lossy().into_owned())
}

/// The folders of the project that 4D's filesystems designate.
pub(crate) struct Roots {
    pub package: PathBuf,
    pub project: PathBuf,
    pub sources: PathBuf,
    /// The folder of the structure file: where a document named without a folder is.
    pub structure: PathBuf,
    pub structure_name: String,
}

impl Roots {
    /// The roots of the running project: a 4D project folder (`Project/Sources`
    /// inside), or a folder of loose methods, which is then every one of
    /// `/PACKAGE`, `/PROJECT` and `/SOURCES`.
    /// A run without access to the disk (a fuzz target's) refuses.
    pub(crate) fn of(ctx: &Ctx<'_>) -> Result<Roots, RuntimeError> {
        let Some((root, is_project)) = ctx.host.project_folder() else {
            return Err(RuntimeError::new(
                crate::runtime::error::codes::NOT_SUPPORTED,
                "this run has no access to files and folders",
            ));
        };
        let name = root.file_name().map_or_else(|| "project".to_string(), |n| n.to_string_lossy().into_owned());
        Ok(if is_project {
            // The project's `.4DProject` file, whatever its name.
            let structure_name = std::fs::read_dir(root.join("Project"))
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".4DProject"))
                .min()
                .unwrap_or_else(|| format!("{name}.4DProject"));
            Roots {
                project: root.join("Project"),
                sources: root.join("Project").join("Sources"),
                structure: root.join("Project"),
                structure_name,
                package: root,
            }
        } else {
            Roots {
                project: root.clone(),
                sources: root.clone(),
                structure: root.clone(),
                structure_name: format!("{name}.4DProject"),
                package: root,
            }
        })
    }

    /// The folder of a filesystem name (`PACKAGE`...).
    fn filesystem(&self, name: &str) -> Option<PathBuf> {
        Some(match name {
            "PACKAGE" => self.package.clone(),
            "PROJECT" => self.project.clone(),
            "SOURCES" => self.sources.clone(),
            "RESOURCES" => self.package.join("Resources"),
            "DATA" => self.package.join("Data"),
            "LOGS" => self.package.join("Logs"),
            _ => return None,
        })
    }
}

/// The item a POSIX path designates: a filesystem path (`/PACKAGE/x.txt`) or
/// an absolute path of the disk. `None` for a relative path.
pub(crate) fn posix_item(roots: &Roots, text: &str, folder: bool) -> Option<Item> {
    let rest = text.strip_prefix('/')?;
    let (first, tail) = rest.split_once('/').unwrap_or((rest, ""));
    let tail = tail.trim_end_matches('/');
    let (mut native, mut path) = match roots.filesystem(first) {
        Some(root) => (root, format!("/{first}")),
        None => (PathBuf::from("/"), String::new()),
    };
    let parts = if path.is_empty() { rest.trim_end_matches('/') } else { tail };
    for part in parts.split('/').filter(|p| !p.is_empty()) {
        native.push(part);
        path.push('/');
        path.push_str(part);
    }
    if folder || path.is_empty() {
        path.push('/');
    }
    Some(Item { folder, path, native })
}

/// The item a system path designates (absolute, or relative to the
/// structure file's folder).
pub(crate) fn system_item(roots: &Roots, text: &str, folder: bool) -> Item {
    let native = system_path(roots, text);
    let path = crate::runtime::files::posix_of(&native, folder);
    let path = if folder { path } else { path.trim_end_matches('/').to_string() };
    Item { folder, path, native }
}

/// A system path as a path of the disk: absolute, or relative to the
/// structure file's folder.
pub(crate) fn system_path(roots: &Roots, text: &str) -> PathBuf {
    let path = Path::new(text);
    if path.is_absolute() { path.to_path_buf() } else { roots.structure.join(text) }
}

/// A path of the disk as a system path, a folder's with its final separator.
pub(crate) fn system_text(path: &Path, folder: bool) -> String {
    let mut text = path.to_string_lossy().into_owned();
    if folder && !text.ends_with(std::path::MAIN_SEPARATOR) {
        text.push(std::path::MAIN_SEPARATOR);
    }
    text
}

/// Sets the system variable `Document` to a path.
pub(crate) fn set_document(ctx: &mut Ctx<'_>, path: &Path) -> Result<(), RuntimeError> {
    match ctx.host.variable_pointer("Document") {
        Some(pointer) => ctx.host.assign(&pointer, Value::text(system_text(path, false))),
        None => Ok(()),
    }
}

/// The line-end modes of the `Document with...` constants.
pub(crate) mod breaks {
    pub const UNCHANGED: i32 = 0;
    pub const NATIVE: i32 = 1;
    pub const CRLF: i32 = 2;
    pub const CR: i32 = 3;
    pub const LF: i32 = 4;
}

/// `text` with its line ends (CRLF, CR or LF) written as `mode` says; the
/// native format of the systems fourd runs on is LF (Windows: CRLF).
pub(crate) fn convert_breaks(text: &str, mode: i32) -> String {
    let end = match mode {
        breaks::CRLF => "\r\n",
        breaks::CR => "\r",
        breaks::LF => "\n",
        breaks::NATIVE if cfg!(windows) => "\r\n",
        breaks::NATIVE => "\n",
        _ => return text.to_string(),
    };
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str(end);
            }
            '\n' => out.push_str(end),
            c => out.push(c),
        }
    }
    out
}

/// A line-end mode argument (`Document with native format` when absent).
pub(crate) fn break_mode(value: &Value, i: usize) -> Result<i32, RuntimeError> {
    match value {
        Value::Undefined => Ok(breaks::NATIVE),
        other => match other.as_number() {
            Some(n) if (0.0..=4.0).contains(&n.trunc()) => Ok(n.trunc() as i32),
            Some(n) => Err(super::bad_argument(&format!("{n} is not a line-end mode (0 to 4)"))),
            None => Err(super::wrong_type(i, "a number", other)),
        },
    }
}

/// The user's home folder.
pub(crate) fn home() -> PathBuf {
    std::env::var_os("HOME").map_or_else(|| PathBuf::from("/"), PathBuf::from)
}

/// The folder of the user's preferences for fourd (4D's active 4D folder).
pub(crate) fn user_preferences() -> PathBuf {
    match std::env::var_os("XDG_CONFIG_HOME") {
        Some(config) if !config.is_empty() => PathBuf::from(config).join("fourd"),
        _ => home().join(".config").join("fourd"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roots() -> Roots {
        let root = PathBuf::from("/work/app");
        Roots {
            package: root.clone(),
            project: root.join("Project"),
            sources: root.join("Project/Sources"),
            structure: root.join("Project"),
            structure_name: String::from("app.4DProject"),
        }
    }

    #[test]
    fn filesystems_map_onto_the_project() {
        let item = posix_item(&roots(), "/RESOURCES/img/a.png", false).unwrap_or_else(|| unreachable!());
        assert_eq!(item.path, "/RESOURCES/img/a.png");
        assert_eq!(item.native, PathBuf::from("/work/app/Resources/img/a.png"));
        let folder = posix_item(&roots(), "/SOURCES", true).unwrap_or_else(|| unreachable!());
        assert_eq!(folder.path, "/SOURCES/");
        assert_eq!(folder.native, PathBuf::from("/work/app/Project/Sources"));
        let absolute = posix_item(&roots(), "/tmp//x/", true).unwrap_or_else(|| unreachable!());
        assert_eq!((absolute.path.as_str(), absolute.native), ("/tmp/x/", PathBuf::from("/tmp/x")));
        assert!(posix_item(&roots(), "relative.txt", false).is_none());
        assert_eq!(system_path(&roots(), "notes.txt"), PathBuf::from("/work/app/Project/notes.txt"));
    }

    #[test]
    fn line_ends_convert_whatever_they_were() {
        assert_eq!(convert_breaks("a\r\nb\rc\nd", breaks::LF), "a\nb\nc\nd");
        assert_eq!(convert_breaks("a\r\nb\rc\nd", breaks::CRLF), "a\r\nb\r\nc\r\nd");
        assert_eq!(convert_breaks("a\nb", breaks::CR), "a\rb");
        assert_eq!(convert_breaks("a\r\nb", breaks::UNCHANGED), "a\r\nb");
    }
}
