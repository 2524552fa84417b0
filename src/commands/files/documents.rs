//! The classic document commands (theme System Documents): documents opened
//! by reference (`Create document`, `Open document`, `Append document`,
//! `SEND PACKET`, `RECEIVE PACKET`, `CLOSE DOCUMENT`), whole documents
//! (`Document to text`, `TEXT TO DOCUMENT`, `DOCUMENT TO BLOB`, `BLOB TO
//! DOCUMENT`), and documents and folders on the disk (`COPY DOCUMENT`,
//! `MOVE DOCUMENT`, `DELETE DOCUMENT`, `DOCUMENT LIST`, `FOLDER LIST`,
//! `CREATE FOLDER`, `Test path name`, `GET DOCUMENT PROPERTIES`, `Get
//! document size`).
//!
//! A document reference is a Time value that numbers an open document of the
//! running process ([`Documents`]); numbers are never given twice in a
//! process. A command that would show a file dialog (an empty path) sets OK
//! to 0 and does nothing: fourd shows no dialogs.

use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::{Roots, code, file_error, io_error, set_document, system_path, system_text};
use crate::commands::blob::{blob_arg, put_blob};
use crate::commands::charsets::document_charset;
use crate::commands::{Args, Ctx, bad_argument, wrong_type};
use crate::runtime::error::RuntimeError;
use crate::runtime::types::code as types;
use crate::runtime::value::{Array, ArrayType, Value};

/// The documents a process has open, by reference number.
#[derive(Default, Debug)]
pub struct Documents {
    open: Vec<(i64, OpenDocument)>,
    last: i64,
}

#[derive(Debug)]
struct OpenDocument {
    file: std::fs::File,
    path: PathBuf,
}

impl Documents {
    fn add(&mut self, file: std::fs::File, path: PathBuf) -> i64 {
        self.last += 1;
        self.open.push((self.last, OpenDocument { file, path }));
        self.last
    }

    fn get(&mut self, reference: i64) -> Result<&mut OpenDocument, RuntimeError> {
        match self.open.iter_mut().find(|(r, _)| *r == reference) {
            Some((_, document)) => Ok(document),
            None => Err(not_open(reference)),
        }
    }

    /// Whether the document at `path` is open in this process.
    pub fn is_open(&self, path: &Path) -> bool {
        self.open.iter().any(|(_, d)| d.path == path)
    }
}

fn not_open(reference: i64) -> RuntimeError {
    RuntimeError::new(code::NOT_OPEN, format!("no document is open with the reference {reference}"))
}

/// A document reference argument.
fn reference(args: &Args<'_>, i: usize) -> Result<i64, RuntimeError> {
    match args.get(i) {
        Value::Time(t) => Ok(*t),
        other => match other.as_number() {
            Some(n) => Ok(n.trunc() as i64),
            None => Err(wrong_type(i, "a document reference (Time)", other)),
        },
    }
}

/// The path argument `i` of a classic command, as a path of the disk.
fn path_arg(ctx: &Ctx<'_>, args: &Args<'_>, i: usize) -> Result<PathBuf, RuntimeError> {
    let text = args.text(i)?;
    if text.is_empty() {
        return Err(bad_argument("an empty path names no document"));
    }
    Ok(system_path(&Roots::of(ctx)?, text))
}

/// The name of a new document: a name without a dot gets the extension of
/// its file type (the first of a `;` list: `.ext`, or `TEXT` for `.txt`,
/// 4D's default); a name that ends with a dot has no extension.
fn with_default_extension(path: PathBuf, file_type: Option<&str>) -> PathBuf {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else { return path };
    if let Some(bare) = name.strip_suffix('.') {
        return path.with_file_name(bare);
    }
    let extension = match file_type.map(|t| t.split(';').next().unwrap_or("").trim()) {
        None | Some("TEXT") => ".txt",
        Some(t) if t.starts_with('.') && t != ".*" => t,
        Some(_) => "",
    };
    if name.contains('.') { path } else { path.with_file_name(format!("{name}{extension}")) }
}

/// How `Open document` opens a document (the `mode` constants).
mod mode {
    pub const READ_WRITE: i32 = 0;
    pub const WRITE: i32 = 1;
    pub const READ: i32 = 2;
    pub const GET_PATHNAME: i32 = 3;
}

/// Opens a document and gives its reference; OK 0 and an error when it fails.
fn open(ctx: &mut Ctx<'_>, args: &Args<'_>, create: bool, append: bool) -> Result<Value, RuntimeError> {
    if args.text(0)?.is_empty() {
        // A file dialog: fourd shows none.
        ctx.set_ok(false)?;
        return Ok(Value::Time(0));
    }
    let mut path = path_arg(ctx, args, 0)?;
    if create {
        let file_type = if args.len() > 1 { Some(args.text(1)?) } else { None };
        path = with_default_extension(path, file_type);
    }
    let mode = if args.len() > 2 { args.number(2)?.trunc() as i32 } else { mode::READ_WRITE };
    ctx.set_ok(false)?;
    if mode == mode::GET_PATHNAME && !create {
        if !path.is_file() {
            return Err(file_error(code::NOT_FOUND, "document not found", &path));
        }
        set_document(ctx, &path)?;
        ctx.set_ok(true)?;
        return Ok(Value::Time(0));
    }
    let mut options = std::fs::OpenOptions::new();
    if create {
        options.read(true).write(true).create(true).truncate(true);
    } else {
        match mode {
            mode::READ => options.read(true),
            mode::WRITE => options.write(true),
            _ => options.read(true).write(true),
        };
    }
    if path.is_dir() {
        return Err(file_error(code::NOT_FOUND, "a folder is not a document", &path));
    }
    let mut file = options.open(&path).map_err(|e| io_error(&e, &path))?;
    if append {
        file.seek(SeekFrom::End(0)).map_err(|e| io_error(&e, &path))?;
    }
    set_document(ctx, &path)?;
    let reference = ctx.host.documents().add(file, path);
    ctx.set_ok(true)?;
    Ok(Value::Time(reference))
}

/// `Create document(document {; fileType})` (266).
pub(crate) fn create_document(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    open(ctx, args, true, false)
}

/// `Open document(document {; fileType {; mode}})` (264).
pub(crate) fn open_document(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    open(ctx, args, false, false)
}

/// `Append document(document {; fileType})` (265).
pub(crate) fn append_document(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    open(ctx, args, false, true)
}

/// `CLOSE DOCUMENT(docRef)` (267).
pub(crate) fn close_document(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let reference = reference(args, 0)?;
    let documents = ctx.host.documents();
    match documents.open.iter().position(|(r, _)| *r == reference) {
        Some(at) => {
            // Writes are not buffered: closing is letting go of the file.
            documents.open.remove(at);
            Ok(Value::Undefined)
        }
        None => Err(not_open(reference)),
    }
}

/// `SEND PACKET({docRef;} packet)` (103): the text (in UTF-8) or the BLOB's
/// bytes, written at the document's position.
pub(crate) fn send_packet(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    if args.len() < 2 {
        return Err(no_channel());
    }
    let reference = reference(args, 0)?;
    let bytes: Vec<u8> = match args.get(1) {
        Value::Text(t) => t.as_str().as_bytes().to_vec(),
        _ => blob_arg(args, 1)?.to_vec(),
    };
    let document = ctx.host.documents().get(reference)?;
    document.file.write_all(&bytes).map_err(|e| io_error(&e, &document.path))?;
    Ok(Value::Undefined)
}

fn no_channel() -> RuntimeError {
    RuntimeError::new(
        crate::runtime::error::codes::NOT_SUPPORTED,
        "serial ports and SET CHANNEL are not supported by fourd: pass a document reference",
    )
}

/// `RECEIVE PACKET({docRef;} receiveVar; stopChar | numBytes)` (104): reads
/// up to the stop text (not included, passed over) or the number of bytes;
/// at the end of the document, what was read and OK 1, then "" and OK 0.
pub(crate) fn receive_packet(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    if args.len() < 3 {
        return Err(no_channel());
    }
    let reference = reference(args, 0)?;
    let pointer = args.pointer(1)?;
    let stop = match args.get(2) {
        Value::Text(t) => Some(t.as_str().as_bytes().to_vec()),
        _ => None,
    };
    let count = if stop.is_none() { args.number(2)?.trunc().max(0.0) as usize } else { 0 };
    let document = ctx.host.documents().get(reference)?;
    let path = document.path.clone();
    let start = document.file.stream_position().map_err(|e| io_error(&e, &path))?;
    let size = document.file.metadata().map_err(|e| io_error(&e, &path))?.len();
    let at_end = start >= size;
    let mut read = Vec::new();
    match &stop {
        Some(stop) => {
            let mut rest = Vec::new();
            document.file.read_to_end(&mut rest).map_err(|e| io_error(&e, &path))?;
            let found = if stop.is_empty() { None } else { rest.windows(stop.len()).position(|w| w == &stop[..]) };
            let (taken, skip) = match found {
                Some(at) => (at, at + stop.len()),
                None => (rest.len(), rest.len()),
            };
            read.extend_from_slice(&rest[..taken]);
            document.file.seek(SeekFrom::Start(start + skip as u64)).map_err(|e| io_error(&e, &path))?;
        }
        None => {
            (&mut document.file).take(count as u64).read_to_end(&mut read).map_err(|e| io_error(&e, &path))?;
        }
    }
    if ctx.host.variable_type(&pointer)? == types::IS_BLOB {
        put_blob(ctx, &pointer, read)?;
    } else {
        ctx.host.assign(&pointer, Value::text(String::from_utf8_lossy(&read).into_owned()))?;
    }
    ctx.set_ok(!at_end)?;
    Ok(Value::Undefined)
}

/// `Get document position(docRef)` (481): where the next read or write happens, in bytes.
pub(crate) fn get_document_position(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let reference = reference(args, 0)?;
    let document = ctx.host.documents().get(reference)?;
    let at = document.file.stream_position().map_err(|e| io_error(&e, &document.path))?;
    Ok(Value::Real(at as f64))
}

/// `SET DOCUMENT POSITION(docRef; offset {; anchor})` (482): from the start
/// (1, the default), the end (2) or the current position (3); a position
/// before the start is the start.
pub(crate) fn set_document_position(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let reference = reference(args, 0)?;
    let offset = args.number(1)?.trunc();
    let anchor = if args.len() > 2 { args.number(2)?.trunc() as i32 } else { 1 };
    let document = ctx.host.documents().get(reference)?;
    let path = document.path.clone();
    let base = match anchor {
        2 => document.file.metadata().map_err(|e| io_error(&e, &path))?.len() as f64,
        3 => document.file.stream_position().map_err(|e| io_error(&e, &path))? as f64,
        1 => 0.0,
        other => return Err(bad_argument(&format!("{other} is not an anchor of SET DOCUMENT POSITION (1, 2 or 3)"))),
    };
    let at = (base + offset).max(0.0) as u64;
    document.file.seek(SeekFrom::Start(at)).map_err(|e| io_error(&e, &path))?;
    Ok(Value::Undefined)
}

/// `SET DOCUMENT SIZE(docRef; size)` (480): cuts or extends the document (with zeros).
pub(crate) fn set_document_size(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let reference = reference(args, 0)?;
    let size = args.number(1)?.trunc().max(0.0) as u64;
    let document = ctx.host.documents().get(reference)?;
    document.file.set_len(size).map_err(|e| io_error(&e, &document.path))?;
    Ok(Value::Undefined)
}

/// Reads a whole document.
fn read_all(path: &Path) -> Result<Vec<u8>, RuntimeError> {
    if path.is_dir() {
        return Err(file_error(code::NOT_FOUND, "a folder is not a document", path));
    }
    std::fs::read(path).map_err(|e| io_error(&e, path))
}

/// Writes a whole document (created when missing); refused while the
/// process has it open.
fn write_all(ctx: &mut Ctx<'_>, path: &Path, bytes: &[u8]) -> Result<(), RuntimeError> {
    if ctx.host.documents().is_open(path) {
        return Err(file_error(code::BUSY, "the document is open", path));
    }
    std::fs::write(path, bytes).map_err(|e| io_error(&e, path))
}

/// `Document to text(fileName {; charSet {; breakMode}})` (1236): UTF-8
/// when no byte order mark and no character set say otherwise.
pub(crate) fn document_to_text(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let path = path_arg(ctx, args, 0)?;
    let charset = document_charset(args.get(1), 1, false)?;
    let mode = super::break_mode(args.get(2), 2)?;
    let bytes = read_all(&path)?;
    Ok(Value::text(super::convert_breaks(&charset.decode(&bytes), mode)))
}

/// `TEXT TO DOCUMENT(fileName; text {; charSet {; breakMode}})` (1237):
/// UTF-8 without a byte order mark by default.
pub(crate) fn text_to_document(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let path = path_arg(ctx, args, 0)?;
    let text = args.text(1)?;
    let charset = document_charset(args.get(2), 2, false)?;
    let mode = super::break_mode(args.get(3), 3)?;
    let bytes = charset.encode(&super::convert_breaks(text, mode));
    write_all(ctx, &path, &bytes)?;
    Ok(Value::Undefined)
}

/// `DOCUMENT TO BLOB(document; blob)` (525).
pub(crate) fn document_to_blob(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let pointer = args.pointer(1)?;
    if args.text(0)?.is_empty() {
        ctx.set_ok(false)?;
        return Ok(Value::Undefined);
    }
    let path = path_arg(ctx, args, 0)?;
    ctx.set_ok(false)?;
    let bytes = read_all(&path)?;
    put_blob(ctx, &pointer, bytes)?;
    set_document(ctx, &path)?;
    ctx.set_ok(true)?;
    Ok(Value::Undefined)
}

/// `BLOB TO DOCUMENT(document; blob)` (526).
pub(crate) fn blob_to_document(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    if args.text(0)?.is_empty() {
        ctx.set_ok(false)?;
        return Ok(Value::Undefined);
    }
    let path = path_arg(ctx, args, 0)?;
    let bytes = blob_arg(args, 1)?;
    ctx.set_ok(false)?;
    write_all(ctx, &path, &bytes)?;
    set_document(ctx, &path)?;
    ctx.set_ok(true)?;
    Ok(Value::Undefined)
}

/// The destination of `COPY DOCUMENT` and `MOVE DOCUMENT`: a path ending
/// with a separator is a folder that receives the document under its name
/// (or `new_name`).
fn destination(ctx: &Ctx<'_>, source: &Path, text: &str, new_name: Option<&str>) -> Result<PathBuf, RuntimeError> {
    let roots = Roots::of(ctx)?;
    let target = system_path(&roots, text);
    if text.ends_with(std::path::MAIN_SEPARATOR) || text.ends_with('/') || target.is_dir() {
        let name = match new_name {
            Some(name) if !name.is_empty() => std::ffi::OsString::from(name),
            _ => source.file_name().map(std::ffi::OsStr::to_os_string).unwrap_or_default(),
        };
        Ok(target.join(name))
    } else {
        // A new name replaces the name the destination gives (documented).
        Ok(match new_name {
            Some(name) if !name.is_empty() => target.with_file_name(name),
            _ => target,
        })
    }
}

/// `COPY DOCUMENT(source; destination {; newName} {; *})` (541): `*`
/// overwrites a document already there (otherwise -48).
pub(crate) fn copy_document(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let source = path_arg(ctx, args, 0)?;
    let new_name = if args.len() > 2 { Some(args.text(2)?) } else { None };
    let target = destination(ctx, &source, args.text(1)?, new_name)?;
    if !source.exists() {
        return Err(file_error(code::NOT_FOUND, "document not found", &source));
    }
    if target.exists() && !args.star {
        return Err(file_error(code::DUPLICATE, "a document with this name already exists", &target));
    }
    if source.is_dir() {
        copy_folder(&source, &target)?;
    } else {
        std::fs::copy(&source, &target).map_err(|e| io_error(&e, &target))?;
    }
    Ok(Value::Undefined)
}

/// Copies a folder and what it holds (not into itself).
pub(crate) fn copy_folder(source: &Path, target: &Path) -> Result<(), RuntimeError> {
    if target.starts_with(source) {
        return Err(file_error(code::BUSY, "a folder cannot be copied into itself", target));
    }
    std::fs::create_dir_all(target).map_err(|e| io_error(&e, target))?;
    for entry in std::fs::read_dir(source).map_err(|e| io_error(&e, source))?.flatten() {
        let from = entry.path();
        let to = target.join(entry.file_name());
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            copy_folder(&from, &to)?;
        } else {
            std::fs::copy(&from, &to).map_err(|e| io_error(&e, &to))?;
        }
    }
    Ok(())
}

/// `MOVE DOCUMENT(source; destination)` (540): moves or renames; a document
/// already at the destination is an error (-48).
pub(crate) fn move_document(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let source = path_arg(ctx, args, 0)?;
    let target = destination(ctx, &source, args.text(1)?, None)?;
    if !source.exists() {
        return Err(file_error(code::NOT_FOUND, "document not found", &source));
    }
    if target.exists() {
        return Err(file_error(code::DUPLICATE, "a document with this name already exists", &target));
    }
    std::fs::rename(&source, &target).map_err(|e| io_error(&e, &source))?;
    Ok(Value::Undefined)
}

/// `DELETE DOCUMENT(document)` (159): a document that is not there is an
/// error (-43), as is one the process has open (-47).
pub(crate) fn delete_document(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let path = path_arg(ctx, args, 0)?;
    if !path.is_file() {
        return Err(file_error(code::NOT_FOUND, "document not found", &path));
    }
    if ctx.host.documents().is_open(&path) {
        return Err(file_error(code::BUSY, "the document is open", &path));
    }
    std::fs::remove_file(&path).map_err(|e| io_error(&e, &path))?;
    Ok(Value::Undefined)
}

/// The options of `DOCUMENT LIST`.
mod list {
    pub const RECURSIVE: i64 = 1;
    pub const ABSOLUTE: i64 = 2;
    pub const POSIX: i64 = 4;
    pub const IGNORE_INVISIBLE: i64 = 8;
}

/// The entries of a folder, sorted by name (fourd's order: byte order of
/// the names, so that it is the same on every system).
pub(crate) fn entries(folder: &Path) -> Result<Vec<(String, bool)>, RuntimeError> {
    if !folder.is_dir() {
        return Err(file_error(code::NOT_FOUND, "folder not found", folder));
    }
    let mut names: Vec<(String, bool)> = std::fs::read_dir(folder)
        .map_err(|e| io_error(&e, folder))?
        .flatten()
        // A link to a folder is listed as a document, so that no listing loops.
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.file_type().is_ok_and(|t| t.is_dir())))
        .collect();
    names.sort();
    Ok(names)
}

/// Fills the Text array of by-reference argument `i`.
fn fill_text_array(ctx: &mut Ctx<'_>, args: &Args<'_>, i: usize, items: Vec<String>) -> Result<(), RuntimeError> {
    let pointer = args.pointer(i)?;
    let mut array = Array::new(ArrayType::Text, 0);
    array.items.extend(items.into_iter().map(Value::text));
    ctx.host.assign(&pointer, Value::new_array(array))
}

/// `DOCUMENT LIST(pathname; documents {; options})` (474): the documents of
/// the folder, sorted by name; recursively, each folder's documents come
/// before those of its subfolders.
pub(crate) fn document_list(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let folder = path_arg(ctx, args, 0)?;
    let options = if args.len() > 2 { args.number(2)?.trunc() as i64 } else { 0 };
    let mut found = Vec::new();
    list_documents(&folder, &folder, options, &mut found)?;
    fill_text_array(ctx, args, 1, found)?;
    Ok(Value::Undefined)
}

fn list_documents(root: &Path, folder: &Path, options: i64, found: &mut Vec<String>) -> Result<(), RuntimeError> {
    let names = entries(folder)?;
    let visible = |name: &str| options & list::IGNORE_INVISIBLE == 0 || !name.starts_with('.');
    for (name, _) in names.iter().filter(|(name, dir)| !dir && visible(name)) {
        let path = folder.join(name);
        let text = if options & list::ABSOLUTE != 0 {
            system_text(&path, false)
        } else {
            let relative = path.strip_prefix(root).map_or_else(|_| PathBuf::from(name), Path::to_path_buf);
            let relative = relative.to_string_lossy().into_owned();
            // Relative paths of subfolders' documents start with a separator, except in POSIX form.
            if relative.contains(std::path::MAIN_SEPARATOR) && options & list::POSIX == 0 {
                format!("{}{relative}", std::path::MAIN_SEPARATOR)
            } else {
                relative
            }
        };
        found.push(if options & list::POSIX != 0 { text.replace(std::path::MAIN_SEPARATOR, "/") } else { text });
    }
    if options & list::RECURSIVE != 0 {
        for (name, _) in names.iter().filter(|(name, dir)| *dir && visible(name)) {
            list_documents(root, &folder.join(name), options, found)?;
        }
    }
    Ok(())
}

/// `FOLDER LIST(pathname; directories)` (473): the folders it holds, sorted by name.
pub(crate) fn folder_list(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let folder = path_arg(ctx, args, 0)?;
    let names = entries(&folder)?.into_iter().filter(|(_, dir)| *dir).map(|(name, _)| name).collect();
    fill_text_array(ctx, args, 1, names)?;
    Ok(Value::Undefined)
}

/// `CREATE FOLDER(folderPath {; *})` (475): with `*`, the missing folders
/// above it too, and a last part without a final separator is a document
/// name, which is ignored (documented); a folder already there is left as it is.
pub(crate) fn create_folder(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let mut folder = path_arg(ctx, args, 0)?;
    let text = args.text(0)?;
    if args.star && !text.ends_with(std::path::MAIN_SEPARATOR) && !text.ends_with('/') {
        folder = folder.parent().map(Path::to_path_buf).unwrap_or(folder);
    }
    ctx.set_ok(false)?;
    if folder.is_dir() {
        ctx.set_ok(true)?;
        return Ok(Value::Undefined);
    }
    let made = if args.star { std::fs::create_dir_all(&folder) } else { std::fs::create_dir(&folder) };
    made.map_err(|e| io_error(&e, &folder))?;
    ctx.set_ok(true)?;
    Ok(Value::Undefined)
}

/// `DELETE FOLDER(folder {; deleteOption})` (693): `Delete only if empty`
/// (the default) refuses a folder that holds something (-47) and one that
/// is not there (-120); `Delete with contents` deletes it all, and nothing
/// when it is not there (documented).
pub(crate) fn delete_folder(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let folder = path_arg(ctx, args, 0)?;
    let with_contents = args.len() > 1 && args.number(1)? == 1.0;
    if !folder.is_dir() {
        return if with_contents {
            Ok(Value::Undefined)
        } else {
            Err(file_error(code::NO_FOLDER, "folder not found", &folder))
        };
    }
    if with_contents {
        std::fs::remove_dir_all(&folder).map_err(|e| io_error(&e, &folder))?;
    } else {
        if !entries(&folder)?.is_empty() {
            return Err(file_error(code::BUSY, "the folder is not empty", &folder));
        }
        std::fs::remove_dir(&folder).map_err(|e| io_error(&e, &folder))?;
    }
    Ok(Value::Undefined)
}

/// `Select document(directory; fileTypes; title; options {; selected})`
/// (905): a dialog, which fourd does not show: "" and OK 0, as when the user
/// cancels (documented).
pub(crate) fn select_document(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    if args.len() > 4 {
        let pointer = args.pointer(4)?;
        ctx.host.assign(&pointer, Value::new_array(Array::new(ArrayType::Text, 0)))?;
    }
    ctx.set_ok(false)?;
    Ok(Value::text(""))
}

/// `Select folder({message} {; defaultPath {; options}})` (670): a dialog,
/// which fourd does not show: "" and OK 0, as when the user cancels.
pub(crate) fn select_folder(ctx: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    ctx.set_ok(false)?;
    Ok(Value::text(""))
}

/// `Test path name(pathname)` (476): 1 for a document, 0 for a folder, -43 for nothing.
pub(crate) fn test_path_name(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let text = args.text(0)?;
    let path = system_path(&Roots::of(ctx)?, text);
    Ok(Value::Real(match std::fs::metadata(&path) {
        Ok(meta) if meta.is_dir() => 0.0,
        Ok(_) => 1.0,
        Err(_) => f64::from(code::NOT_FOUND),
    }))
}

/// `GET DOCUMENT PROPERTIES(document; locked; invisible; createdOn;
/// createdAt; modifiedOn; modifiedAt)` (477).
pub(crate) fn get_document_properties(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let path = path_arg(ctx, args, 0)?;
    let meta = std::fs::metadata(&path).map_err(|e| io_error(&e, &path))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let created = meta.created().or_else(|_| meta.modified()).map(crate::runtime::files::local);
    let modified = meta.modified().map(crate::runtime::files::local);
    let (created, modified) = (created.unwrap_or_default(), modified.unwrap_or_default());
    let values = [
        Value::Bool(meta.permissions().readonly()),
        Value::Bool(name.starts_with('.')),
        Value::Date(created.0),
        Value::Time(created.1),
        Value::Date(modified.0),
        Value::Time(modified.1),
    ];
    for (i, value) in values.into_iter().enumerate() {
        let pointer = args.pointer(i + 1)?;
        ctx.host.assign(&pointer, value)?;
    }
    Ok(Value::Undefined)
}

/// `Get document size(document | docRef)` (479): the size in bytes.
pub(crate) fn get_document_size(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let size = match args.get(0) {
        Value::Time(reference) => {
            let document = ctx.host.documents().get(*reference)?;
            document.file.metadata().map_err(|e| io_error(&e, &document.path))?.len()
        }
        _ => {
            let path = path_arg(ctx, args, 0)?;
            if !path.is_file() {
                return Err(file_error(code::NOT_FOUND, "document not found", &path));
            }
            std::fs::metadata(&path).map_err(|e| io_error(&e, &path))?.len()
        }
    };
    Ok(Value::Real(size as f64))
}
