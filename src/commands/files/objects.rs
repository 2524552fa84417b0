//! `File` and `Folder` (commands 1566 and 1567) and the functions of
//! `4D.File` and `4D.Folder` objects. Their properties (`exists`, `name`,
//! `size`...) are read in `runtime::files`.

use std::path::{Path, PathBuf};
use std::rc::Rc;

use super::documents::{copy_folder, entries};
use super::{Roots, code, file_error, io_error, posix_item, system_item};
use crate::commands::blob::blob_arg;
use crate::commands::charsets::document_charset;
use crate::commands::members::{MemberSpec, member};
use crate::commands::{Args, Ctx, bad_argument, wrong_type};
use crate::runtime::error::RuntimeError;
use crate::runtime::files::{Item, item_object, item_of_value, posix_of};
use crate::runtime::value::Value;

/// `fk platform path`: the path is in the system's syntax.
const FK_PLATFORM_PATH: f64 = 1.0;
/// `fk overwrite` (`copyTo`).
const FK_OVERWRITE: f64 = 4.0;
/// `Delete with contents` (`Folder.delete()`).
const DELETE_WITH_CONTENTS: f64 = 1.0;
/// `fk recursive` and `fk ignore invisible` (`files()`, `folders()`).
const FK_RECURSIVE: i64 = 1;
const FK_IGNORE_INVISIBLE: i64 = 8;

/// `File(path {; pathType} {; *})` or `File(fileConstant {; *})` (1566).
pub(crate) fn file(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    make(ctx, args, false)
}

/// `Folder(path {; pathType} {; *})` or `Folder(folderConstant {; *})` (1567).
pub(crate) fn folder(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    make(ctx, args, true)
}

/// A `4D.File` or `4D.Folder` object for the arguments of `File`, `Folder`
/// or `4D.File.new()`.
pub(crate) fn make(ctx: &mut Ctx<'_>, args: &Args<'_>, folder: bool) -> Result<Value, RuntimeError> {
    let roots = Roots::of(ctx)?;
    match args.get(0) {
        Value::Text(path) => {
            let platform = args.len() > 1 && args.number(1)? == FK_PLATFORM_PATH;
            let path = path.as_str();
            let item = if platform {
                if !Path::new(path).is_absolute() {
                    return Err(relative(path));
                }
                system_item(&roots, path, folder)
            } else {
                posix_item(&roots, path, folder).ok_or_else(|| relative(path))?
            };
            Ok(item_object(item))
        }
        other => match other.as_number() {
            Some(n) if folder => Ok(constant_folder(&roots, n.trunc() as i32).map_or(Value::Null, item_object)),
            // The files of `File(fileConstant)` are logs and settings 4D writes, which fourd has not.
            Some(_) => Ok(Value::Null),
            None => Err(wrong_type(0, "a path or a constant", other)),
        },
    }
}

fn relative(path: &str) -> RuntimeError {
    bad_argument(&format!("\"{path}\" is not an absolute path: File and Folder take only absolute paths"))
}

/// The folder of an `fk ... folder` constant: a filesystem of the project
/// when 4D names one, the place on the disk otherwise.
fn constant_folder(roots: &Roots, which: i32) -> Option<Item> {
    let filesystem = match which {
        4 | 3 => Some("/PACKAGE/"),
        6 => Some("/RESOURCES/"),
        7 => Some("/LOGS/"),
        9 => Some("/DATA/"),
        _ => None,
    };
    if let Some(path) = filesystem {
        return posix_item(roots, path, true);
    }
    let native = match which {
        0 | 1 | 8 | 10 => super::paths::four_d_folder(roots, which)?,
        100 => PathBuf::from("/"),
        115 => super::home().join("Desktop"),
        116 => PathBuf::from("/usr/bin"),
        117 => super::home().join("Documents"),
        118 => super::home(),
        _ => return None,
    };
    Some(Item { folder: true, path: posix_of(&native, true), native })
}

/// The destination folder argument of `copyTo()` and `moveTo()`.
fn folder_arg(args: &Args<'_>, i: usize) -> Result<Rc<Item>, RuntimeError> {
    match item_of_value(args.get(i)) {
        Some(item) if item.folder => Ok(item),
        _ => Err(wrong_type(i, "a 4D.Folder", args.get(i))),
    }
}

/// A new name argument: a name, not a path.
fn name_arg<'a>(args: &'a Args<'_>, i: usize) -> Result<&'a str, RuntimeError> {
    let name = args.text(i)?;
    if name.is_empty() || name.contains('/') || name.contains(std::path::MAIN_SEPARATOR) || name.contains(':') {
        return Err(bad_argument(&format!("\"{name}\" is not a valid file or folder name")));
    }
    Ok(name)
}

/// The same item under a new name in `folder`.
fn placed(item: &Item, folder: &Item, name: &str) -> Item {
    folder.child(name, item.folder)
}

/// The item renamed in its own folder.
fn renamed(item: &Item, name: &str) -> Item {
    match item.parent() {
        Some(parent) => {
            let mut moved = parent.child(name, item.folder);
            // Keep the filesystem form of the path (`/PACKAGE/...`).
            let trimmed = item.path.trim_end_matches('/');
            if let Some((head, _)) = trimmed.rsplit_once('/') {
                moved.path = format!("{head}/{name}{}", if item.folder { "/" } else { "" });
            }
            moved
        }
        None => item.clone(),
    }
}

/// `copyTo(destinationFolder {; newName} {; overwrite})`: copies the file or
/// the folder with what it holds; an item already there is an error (-48)
/// without `fk overwrite`.
fn copy_to(_: &mut Ctx<'_>, item: &Rc<Item>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let destination = folder_arg(args, 0)?;
    let (name, overwrite) = match args.get(1) {
        Value::Text(_) => (name_arg(args, 1)?.to_string(), args.len() > 2 && args.number(2)? == FK_OVERWRITE),
        Value::Undefined => (item.full_name(), false),
        _ => (item.full_name(), args.number(1)? == FK_OVERWRITE),
    };
    if !item.exists() {
        return Err(file_error(code::NOT_FOUND, "not found", &item.native));
    }
    if !destination.exists() {
        return Err(file_error(code::NOT_FOUND, "destination folder not found", &destination.native));
    }
    let target = placed(item, &destination, &name);
    if target.native.exists() && !overwrite {
        return Err(file_error(code::DUPLICATE, "already exists", &target.native));
    }
    if item.folder {
        copy_folder(&item.native, &target.native)?;
    } else {
        std::fs::copy(&item.native, &target.native).map_err(|e| io_error(&e, &target.native))?;
    }
    Ok(item_object(target))
}

/// `moveTo(destinationFolder {; newName})`.
fn move_to(_: &mut Ctx<'_>, item: &Rc<Item>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let destination = folder_arg(args, 0)?;
    let name = if args.len() > 1 { name_arg(args, 1)?.to_string() } else { item.full_name() };
    if !destination.exists() {
        return Err(file_error(code::NOT_FOUND, "destination folder not found", &destination.native));
    }
    let target = placed(item, &destination, &name);
    move_item(item, target)
}

/// `rename(newName)`: a new full name in the same folder; an item of that name already there is an error (-48).
fn rename(_: &mut Ctx<'_>, item: &Rc<Item>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let name = name_arg(args, 0)?;
    move_item(item, renamed(item, name))
}

fn move_item(item: &Item, target: Item) -> Result<Value, RuntimeError> {
    if !item.exists() {
        return Err(file_error(code::NOT_FOUND, "not found", &item.native));
    }
    if target.native.exists() {
        return Err(file_error(code::DUPLICATE, "already exists", &target.native));
    }
    std::fs::rename(&item.native, &target.native).map_err(|e| io_error(&e, &item.native))?;
    Ok(item_object(target))
}

/// `create()`: True when the file or folder was made (with the folders
/// above it), False when it was already there.
fn create(_: &mut Ctx<'_>, item: &Rc<Item>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    if item.native.exists() {
        return Ok(Value::Bool(false));
    }
    let made = if item.folder {
        std::fs::create_dir_all(&item.native)
    } else {
        let parent_made = match item.native.parent() {
            Some(parent) => std::fs::create_dir_all(parent),
            None => Ok(()),
        };
        parent_made.and_then(|()| std::fs::OpenOptions::new().write(true).create_new(true).open(&item.native).map(drop))
    };
    made.map_err(|e| io_error(&e, &item.native))?;
    Ok(Value::Bool(true))
}

/// `File.delete()`: nothing when the file is not there.
fn delete_file(_: &mut Ctx<'_>, item: &Rc<Item>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    if item.exists() {
        std::fs::remove_file(&item.native).map_err(|e| io_error(&e, &item.native))?;
    }
    Ok(Value::Undefined)
}

/// `Folder.delete({option})`: `Delete only if empty` (the default) refuses
/// a folder that holds something (-47); `Delete with contents` deletes it all.
fn delete_folder(_: &mut Ctx<'_>, item: &Rc<Item>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    if !item.exists() {
        return Ok(Value::Undefined);
    }
    let with_contents = !args.is_empty() && args.number(0)? == DELETE_WITH_CONTENTS;
    if with_contents {
        std::fs::remove_dir_all(&item.native).map_err(|e| io_error(&e, &item.native))?;
    } else {
        if !entries(&item.native)?.is_empty() {
            return Err(file_error(code::BUSY, "the folder is not empty", &item.native));
        }
        std::fs::remove_dir(&item.native).map_err(|e| io_error(&e, &item.native))?;
    }
    Ok(Value::Undefined)
}

fn read_file(item: &Item) -> Result<Vec<u8>, RuntimeError> {
    if !item.exists() {
        return Err(file_error(code::NOT_FOUND, "file not found", &item.native));
    }
    std::fs::read(&item.native).map_err(|e| io_error(&e, &item.native))
}

/// `getContent()`: the file's bytes as a `4D.Blob`.
fn get_content(_: &mut Ctx<'_>, item: &Rc<Item>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(crate::runtime::blob::blob_object(Rc::new(read_file(item)?)))
}

/// `setContent(blob)`: the file's new bytes (the file is created when missing).
fn set_content(_: &mut Ctx<'_>, item: &Rc<Item>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let bytes = blob_arg(args, 0)?;
    std::fs::write(&item.native, &*bytes).map_err(|e| io_error(&e, &item.native))?;
    Ok(Value::Undefined)
}

/// `getText({charSet {; breakMode}})`: UTF-8 unless a byte order mark or the
/// character set says otherwise; line ends in the native format by default.
fn get_text(_: &mut Ctx<'_>, item: &Rc<Item>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let charset = document_charset(args.get(0), 0, false)?;
    let mode = super::break_mode(args.get(1), 1)?;
    let bytes = read_file(item)?;
    Ok(Value::text(super::convert_breaks(&charset.decode(&bytes), mode)))
}

/// `setText(text {; charSet {; breakMode}})`: UTF-8 with a byte order mark
/// by default (documented); `-no-bom` after a name leaves the mark out.
fn set_text(_: &mut Ctx<'_>, item: &Rc<Item>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let text = args.text(0)?;
    let charset = document_charset(args.get(1), 1, true)?;
    let mode = super::break_mode(args.get(2), 2)?;
    let bytes = charset.encode(&super::convert_breaks(text, mode));
    std::fs::write(&item.native, bytes).map_err(|e| io_error(&e, &item.native))?;
    Ok(Value::Undefined)
}

/// `folder.file(path)`: the file at a relative POSIX path in the folder.
fn child_file(_: &mut Ctx<'_>, item: &Rc<Item>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(item_object(item.child(args.text(0)?, false)))
}

/// `folder.folder(path)`: the folder at a relative POSIX path in the folder.
fn child_folder(_: &mut Ctx<'_>, item: &Rc<Item>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(item_object(item.child(args.text(0)?, true)))
}

/// The files or folders in a folder, sorted by name (recursively: each
/// folder's before those of its subfolders).
fn listing(item: &Item, args: &Args<'_>, folders: bool) -> Result<Value, RuntimeError> {
    let options = if args.is_empty() { 0 } else { args.number(0)?.trunc() as i64 };
    let mut found = Vec::new();
    if item.exists() {
        collect(item, options, folders, &mut found)?;
    }
    Ok(Value::new_collection(found))
}

fn collect(folder: &Item, options: i64, folders: bool, found: &mut Vec<Value>) -> Result<(), RuntimeError> {
    let names = entries(&folder.native)?;
    let visible = |name: &str| options & FK_IGNORE_INVISIBLE == 0 || !name.starts_with('.');
    for (name, _) in names.iter().filter(|(name, dir)| *dir == folders && visible(name)) {
        found.push(item_object(folder.child(name, folders)));
    }
    if options & FK_RECURSIVE != 0 {
        for (name, _) in names.iter().filter(|(name, dir)| *dir && visible(name)) {
            collect(&folder.child(name, true), options, folders, found)?;
        }
    }
    Ok(())
}

/// `files({options})`.
fn files(_: &mut Ctx<'_>, item: &Rc<Item>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    listing(item, args, false)
}

/// `folders({options})`.
fn folders(_: &mut Ctx<'_>, item: &Rc<Item>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    listing(item, args, true)
}

/// The functions of a `4D.File`.
pub static FILE: &[MemberSpec<Rc<Item>>] = &[
    member("copyTo", (1, 3), copy_to),
    member("create", (0, 0), create),
    member("delete", (0, 0), delete_file),
    member("getContent", (0, 0), get_content),
    member("getText", (0, 2), get_text),
    member("moveTo", (1, 2), move_to),
    member("open", (0, 1), super::handle::open),
    member("rename", (1, 1), rename),
    member("setContent", (1, 1), set_content),
    member("setText", (1, 3), set_text),
];

/// The functions of a `4D.Folder`.
pub static FOLDER: &[MemberSpec<Rc<Item>>] = &[
    member("copyTo", (1, 3), copy_to),
    member("create", (0, 0), create),
    member("delete", (0, 1), delete_folder),
    member("file", (1, 1), child_file),
    member("files", (0, 1), files),
    member("folder", (1, 1), child_folder),
    member("folders", (0, 1), folders),
    member("moveTo", (1, 2), move_to),
    member("rename", (1, 1), rename),
];
