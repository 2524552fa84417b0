//! Files and folders as 4D objects: a `4D.File` or a `4D.Folder` is an
//! object whose class link holds an [`Item`] (the path 4D shows and the path
//! on the disk), and a `4D.FileHandle` one that holds a [`Handle`] (an open
//! file). Their properties are read from the disk each time they are asked
//! for, as 4D documents (`exists`, `size`, dates); none of them can be set,
//! except a handle's `offset`.

use std::cell::{Cell, RefCell};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use super::class::ClassLink;
use super::error::{RuntimeError, codes};
use super::value::{Date, Object, Value};

/// A file or a folder, which may or may not exist on the disk.
#[derive(Debug, Clone)]
pub struct Item {
    /// A folder (`4D.Folder`) or a file (`4D.File`).
    pub folder: bool,
    /// The POSIX path as 4D shows it (`/PACKAGE/Data/x.txt`); a folder's ends with `/`.
    pub path: String,
    /// Where it is on the disk.
    pub native: PathBuf,
}

/// An open file (`4D.FileHandle`).
#[derive(Debug)]
pub struct Handle {
    /// The file that was opened.
    pub item: Rc<Item>,
    /// `"read"`, `"write"` or `"append"`.
    pub mode: &'static str,
    /// The character set name of `readText` and `writeText`.
    pub charset: String,
    /// The line-end modes of reading and writing (`Document with...` values).
    pub break_read: i32,
    pub break_write: i32,
    /// The file, until the handle is closed (dropped) or fails.
    pub file: RefCell<Option<std::fs::File>>,
    /// Where the next read or write happens, in bytes.
    pub offset: Cell<u64>,
}

/// A `4D.File` or `4D.Folder` object for `item`.
pub fn item_object(item: Item) -> Value {
    native_object(ClassLink::File(Rc::new(item)))
}

/// A `4D.FileHandle` object for `handle`.
pub fn handle_object(handle: Handle) -> Value {
    native_object(ClassLink::Handle(Rc::new(handle)))
}

fn native_object(link: ClassLink) -> Value {
    Value::Object(Rc::new(RefCell::new(Object { class: Some(Rc::new(link)), ..Object::default() })))
}

/// The file or folder an object stands for; `None` for any other object.
pub fn item_of(object: &Object) -> Option<Rc<Item>> {
    match object.class.as_deref() {
        Some(ClassLink::File(item)) => Some(Rc::clone(item)),
        _ => None,
    }
}

/// The open file an object stands for; `None` for any other object.
pub fn handle_of(object: &Object) -> Option<Rc<Handle>> {
    match object.class.as_deref() {
        Some(ClassLink::Handle(handle)) => Some(Rc::clone(handle)),
        _ => None,
    }
}

/// The file or folder of a value, when it is a `4D.File` or `4D.Folder`.
pub fn item_of_value(value: &Value) -> Option<Rc<Item>> {
    match value {
        Value::Object(o) => item_of(&o.borrow()),
        _ => None,
    }
}

impl Item {
    /// The last part of the path, without a folder's final `/`.
    pub fn full_name(&self) -> String {
        let trimmed = self.path.trim_end_matches('/');
        match trimmed.rsplit_once('/') {
            // Below a filesystem (`/PACKAGE/x`): the last part; a filesystem
            // itself (`/PACKAGE/`) is named by its folder on the disk.
            Some((head, last)) if !head.is_empty() && !last.is_empty() => last.to_string(),
            _ => self.native.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        }
    }

    /// The name without its extension, and the extension with its dot
    /// (a name that starts with its only dot has no extension).
    pub fn name_and_extension(&self) -> (String, String) {
        split_extension(&self.full_name())
    }

    /// The folder that holds this item.
    pub fn parent(&self) -> Option<Item> {
        let native = self.native.parent()?.to_path_buf();
        let trimmed = self.path.trim_end_matches('/');
        let path = match trimmed.rsplit_once('/') {
            Some((head, _)) if !head.is_empty() => format!("{head}/"),
            // The root of a filesystem (`/PACKAGE/`): its parent is shown by its place on the disk.
            _ => posix_of(&native, true),
        };
        Some(Item { folder: true, path, native })
    }

    /// The path on the disk in the system's syntax (a folder's ends with a separator).
    pub fn platform_path(&self) -> String {
        let mut text = self.native.to_string_lossy().into_owned();
        if self.folder && !text.ends_with(std::path::MAIN_SEPARATOR) {
            text.push(std::path::MAIN_SEPARATOR);
        }
        text
    }

    /// Whether the item is on the disk, as a file for a `4D.File` and as a folder for a `4D.Folder`.
    pub fn exists(&self) -> bool {
        match std::fs::metadata(&self.native) {
            Ok(meta) => meta.is_dir() == self.folder,
            Err(_) => false,
        }
    }

    /// The item `relative` inside this folder (a POSIX relative path).
    pub fn child(&self, relative: &str, folder: bool) -> Item {
        let relative = relative.trim_start_matches('/');
        let mut path = self.path.clone();
        if !path.ends_with('/') {
            path.push('/');
        }
        path.push_str(relative.trim_end_matches('/'));
        if folder {
            path.push('/');
        }
        let mut native = self.native.clone();
        for part in relative.split('/').filter(|p| !p.is_empty()) {
            native.push(part);
        }
        Item { folder, path, native }
    }
}

/// `name.ext` as (`name`, `.ext`); `.hidden` has no extension.
pub fn split_extension(full: &str) -> (String, String) {
    match full.rfind('.') {
        Some(0) | None => (full.to_string(), String::new()),
        Some(i) => (full[..i].to_string(), full[i..].to_string()),
    }
}

/// A disk path in POSIX syntax (a folder's ends with `/`).
pub fn posix_of(native: &Path, folder: bool) -> String {
    let mut text = native.to_string_lossy().replace(std::path::MAIN_SEPARATOR, "/");
    if folder && !text.ends_with('/') {
        text.push('/');
    }
    text
}

/// A property of a file or a folder (`Undefined` for a name it does not have).
pub fn item_property(item: &Item, name: &str) -> Value {
    let meta = || std::fs::metadata(&item.native).ok().filter(|m| m.is_dir() == item.folder);
    match name {
        "exists" => Value::Bool(item.exists()),
        "name" => Value::text(item.name_and_extension().0),
        "extension" => Value::text(item.name_and_extension().1),
        "fullName" => Value::text(item.full_name()),
        "path" => Value::text(item.path.as_str()),
        "platformPath" => Value::text(item.platform_path()),
        "isFile" => Value::Bool(!item.folder),
        "isFolder" => Value::Bool(item.folder),
        "isAlias" => Value::Bool(std::fs::symlink_metadata(&item.native).is_ok_and(|m| m.file_type().is_symlink())),
        "isPackage" => Value::Bool(false),
        "hidden" => Value::Bool(item.full_name().starts_with('.')),
        "isWritable" => Value::Bool(meta().is_some_and(|m| !m.permissions().readonly())),
        "size" if !item.folder => Value::Real(meta().map_or(0.0, |m| m.len() as f64)),
        "parent" => item.parent().map_or(Value::Null, item_object),
        "original" => item_object(item.clone()),
        "creationDate" => Value::Date(meta().and_then(|m| m.created().ok()).map_or(Date::NULL, |t| local(t).0)),
        "creationTime" => Value::Time(meta().and_then(|m| m.created().ok()).map_or(0, |t| local(t).1)),
        "modificationDate" => Value::Date(meta().and_then(|m| m.modified().ok()).map_or(Date::NULL, |t| local(t).0)),
        "modificationTime" => Value::Time(meta().and_then(|m| m.modified().ok()).map_or(0, |t| local(t).1)),
        _ => Value::Undefined,
    }
}

/// The property of a handle that gives its file.
const FILE_PROPERTY: &str = "file";

/// A property of an open file.
pub fn handle_property(handle: &Handle, name: &str) -> Value {
    match name {
        // (A property, named like the function `folder.file()`.)
        FILE_PROPERTY => item_object(Item::clone(&handle.item)),
        "mode" => Value::text(handle.mode),
        "charset" => Value::text(handle.charset.as_str()),
        "breakModeRead" => Value::Real(f64::from(handle.break_read)),
        "breakModeWrite" => Value::Real(f64::from(handle.break_write)),
        "offset" => Value::Real(handle.offset.get() as f64),
        "eof" => {
            let size = handle.file.borrow().as_ref().and_then(|f| f.metadata().ok()).map_or(0, |m| m.len());
            Value::Bool(handle.offset.get() >= size)
        }
        _ => Value::Undefined,
    }
}

/// Sets a property of a file, a folder or an open file: only a handle's `offset` can be set.
pub fn set_property(object: &Object, name: &str, value: &Value) -> Result<(), RuntimeError> {
    if let (Some(handle), "offset") = (handle_of(object), name) {
        let n = value.as_number().unwrap_or(0.0).trunc();
        handle.offset.set(if n > 0.0 { n as u64 } else { 0 });
        return Ok(());
    }
    Err(RuntimeError::new(codes::READ_ONLY_PROPERTY, format!("the property `{name}` is read-only")))
}

/// A moment of the disk's clock as a local date and time of day (seconds).
pub fn local(moment: std::time::SystemTime) -> (Date, i64) {
    let Ok(stamp) = jiff::Timestamp::try_from(moment) else { return (Date::NULL, 0) };
    let zoned = stamp.to_zoned(jiff::tz::TimeZone::system());
    let (d, t) = (zoned.date(), zoned.time());
    let date = match (u16::try_from(d.year()), u8::try_from(d.month()), u8::try_from(d.day())) {
        (Ok(year), Ok(month), Ok(day)) => Date { year, month, day },
        _ => Date::NULL,
    };
    (date, i64::from(t.hour()) * 3600 + i64::from(t.minute()) * 60 + i64::from(t.second()))
}
