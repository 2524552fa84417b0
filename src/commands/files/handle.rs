//! `file.open()` and the functions of `4D.FileHandle`: reading and writing
//! a file from its `offset`, as text (in the handle's character set, line
//! ends as its break modes say) or as bytes.

use std::cell::{Cell, RefCell};
use std::io::{Read, Seek, SeekFrom, Write};
use std::rc::Rc;

use super::{breaks, code, convert_breaks, file_error, io_error};
use crate::commands::blob::blob_arg;
use crate::commands::charsets::{DocumentCharset, document_charset};
use crate::commands::members::{MemberSpec, member};
use crate::commands::{Args, Ctx, bad_argument};
use crate::runtime::error::RuntimeError;
use crate::runtime::files::{Handle, Item, handle_object};
use crate::runtime::value::Value;

/// `file.open({mode | options})`: `"read"` (the default; the file must
/// exist), `"write"` or `"append"` (the file is created when missing; append
/// starts at its end); options `mode`, `charset`, `breakModeRead`,
/// `breakModeWrite`.
pub(crate) fn open(_: &mut Ctx<'_>, item: &Rc<Item>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let mut mode = String::from("read");
    let mut charset = Value::Undefined;
    let mut break_read = Value::Undefined;
    let mut break_write = Value::Undefined;
    match args.get(0) {
        Value::Text(t) => mode = t.as_str().to_string(),
        Value::Undefined => {}
        _ => {
            if let Some(options) = args.object(0)? {
                let options = options.borrow();
                if let Some(Value::Text(t)) = options.props.get("mode") {
                    mode = t.as_str().to_string();
                }
                charset = options.props.get("charset").cloned().unwrap_or(Value::Undefined);
                break_read = break_value(options.props.get("breakModeRead"));
                break_write = break_value(options.props.get("breakModeWrite"));
            }
        }
    }
    let mode: &'static str = match mode.as_str() {
        "read" => "read",
        "write" => "write",
        "append" => "append",
        other => return Err(bad_argument(&format!("\"{other}\" is not a mode of open(): read, write or append"))),
    };
    let charset_name = document_charset(&charset, 0, false)?.name;
    if mode == "read" && !item.exists() {
        return Err(file_error(code::NOT_FOUND, "file not found", &item.native));
    }
    let mut options = std::fs::OpenOptions::new();
    match mode {
        "read" => options.read(true),
        _ => options.read(true).write(true).create(true),
    };
    let file = options.open(&item.native).map_err(|e| io_error(&e, &item.native))?;
    let offset = if mode == "append" { file.metadata().map_or(0, |m| m.len()) } else { 0 };
    Ok(handle_object(Handle {
        item: Rc::clone(item),
        mode,
        charset: charset_name,
        break_read: super::break_mode(&break_read, 0)?,
        break_write: super::break_mode(&break_write, 0)?,
        file: RefCell::new(Some(file)),
        offset: Cell::new(offset),
    }))
}

/// A break mode option: a number, or one of the names 4D gives them.
fn break_value(value: Option<&Value>) -> Value {
    match value {
        Some(Value::Text(t)) => Value::Real(match t.as_str().to_ascii_lowercase().as_str() {
            "unchanged" => 0.0,
            "crlf" => 2.0,
            "cr" => 3.0,
            "lf" => 4.0,
            _ => 1.0,
        }),
        Some(other) => other.clone(),
        None => Value::Undefined,
    }
}

/// Runs `f` on the open file, positioned at the handle's offset.
fn with_file<T>(handle: &Handle, f: impl FnOnce(&mut std::fs::File) -> std::io::Result<T>) -> Result<T, RuntimeError> {
    let mut slot = handle.file.borrow_mut();
    let Some(file) = slot.as_mut() else {
        return Err(file_error(code::NOT_OPEN, "the file handle is closed", &handle.item.native));
    };
    file.seek(SeekFrom::Start(handle.offset.get())).map_err(|e| io_error(&e, &handle.item.native))?;
    f(file).map_err(|e| io_error(&e, &handle.item.native))
}

/// The handle's character set; a handle writes no byte order mark (it
/// writes anywhere in the file), and reads past one at the file's start.
fn charset_of(handle: &Handle) -> Result<DocumentCharset, RuntimeError> {
    let mut charset = document_charset(&Value::text(handle.charset.as_str()), 0, false)?;
    charset.bom = false;
    Ok(charset)
}

/// The rest of the file from the offset.
fn rest(handle: &Handle) -> Result<Vec<u8>, RuntimeError> {
    with_file(handle, |file| {
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)?;
        Ok(bytes)
    })
}

/// Reads text up to `stop` (passed over, not returned) or to the end.
fn read_until(handle: &Handle, stop: Option<&str>) -> Result<String, RuntimeError> {
    let charset = charset_of(handle)?;
    let bytes = rest(handle)?;
    let text = charset.decode(&bytes);
    let (taken, consumed) = match stop.filter(|s| !s.is_empty()).and_then(|s| text.find(s).map(|at| (at, s))) {
        Some((at, s)) => (&text[..at], &text[..at + s.len()]),
        None => (&text[..], &text[..]),
    };
    let used = if consumed.len() == text.len() { bytes.len() } else { charset.encode(consumed).len() };
    handle.offset.set(handle.offset.get() + used as u64);
    Ok(taken.to_string())
}

/// `readText({stopChar})`: the text from the offset up to `stopChar` or the
/// end ("" at the end of the file).
fn read_text(_: &mut Ctx<'_>, handle: &Rc<Handle>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let stop = if args.is_empty() { None } else { Some(args.text(0)?) };
    let text = read_until(handle, stop)?;
    Ok(Value::text(convert_breaks(&text, handle.break_read)))
}

/// `readLine()`: the text up to the next line end (CRLF, CR or LF), which is
/// passed over; "" at the end of the file.
fn read_line(_: &mut Ctx<'_>, handle: &Rc<Handle>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    let charset = charset_of(handle)?;
    let bytes = rest(handle)?;
    let text = charset.decode(&bytes);
    let (line, consumed) = match text.find(['\r', '\n']) {
        Some(at) => {
            let end = if text[at..].starts_with("\r\n") { at + 2 } else { at + 1 };
            (&text[..at], &text[..end])
        }
        None => (&text[..], &text[..]),
    };
    let used = if consumed.len() == text.len() { bytes.len() } else { charset.encode(consumed).len() };
    handle.offset.set(handle.offset.get() + used as u64);
    Ok(Value::text(line))
}

/// `readBlob(bytes)`: up to `bytes` bytes from the offset, as a `4D.Blob`
/// (fewer at the end of the file).
fn read_blob(_: &mut Ctx<'_>, handle: &Rc<Handle>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let count = args.number(0)?.trunc().max(0.0) as u64;
    let bytes = with_file(handle, |file| {
        let mut bytes = Vec::new();
        file.take(count).read_to_end(&mut bytes)?;
        Ok(bytes)
    })?;
    handle.offset.set(handle.offset.get() + bytes.len() as u64);
    Ok(crate::runtime::blob::blob_object(Rc::new(bytes)))
}

fn write_bytes(handle: &Handle, bytes: &[u8]) -> Result<(), RuntimeError> {
    if handle.mode == "read" {
        return Err(file_error(code::PERMISSION, "the file is open for reading only", &handle.item.native));
    }
    with_file(handle, |file| file.write_all(bytes))?;
    handle.offset.set(handle.offset.get() + bytes.len() as u64);
    Ok(())
}

/// `writeText(text)`: the text at the offset, line ends as `breakModeWrite` says.
fn write_text(_: &mut Ctx<'_>, handle: &Rc<Handle>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let text = convert_breaks(args.text(0)?, handle.break_write);
    write_bytes(handle, &charset_of(handle)?.encode(&text))?;
    Ok(Value::Undefined)
}

/// `writeLine(text)`: the text and a line end.
fn write_line(_: &mut Ctx<'_>, handle: &Rc<Handle>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let mode = if handle.break_write == breaks::UNCHANGED { breaks::NATIVE } else { handle.break_write };
    let text = convert_breaks(&format!("{}\n", args.text(0)?), mode);
    write_bytes(handle, &charset_of(handle)?.encode(&text))?;
    Ok(Value::Undefined)
}

/// `writeBlob(blob)`: the bytes at the offset.
fn write_blob(_: &mut Ctx<'_>, handle: &Rc<Handle>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let bytes = blob_arg(args, 0)?;
    write_bytes(handle, &bytes)?;
    Ok(Value::Undefined)
}

/// `getSize()`: the file's size in bytes.
fn get_size(_: &mut Ctx<'_>, handle: &Rc<Handle>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    let size = with_file(handle, |file| file.metadata().map(|m| m.len()))?;
    Ok(Value::Real(size as f64))
}

/// `setSize(size)`: cuts or extends the file (with zeros).
fn set_size(_: &mut Ctx<'_>, handle: &Rc<Handle>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    if handle.mode == "read" {
        return Err(file_error(code::PERMISSION, "the file is open for reading only", &handle.item.native));
    }
    let size = args.number(0)?.trunc().max(0.0) as u64;
    with_file(handle, |file| file.set_len(size))?;
    Ok(Value::Undefined)
}

/// The functions of a `4D.FileHandle`.
pub static HANDLE: &[MemberSpec<Rc<Handle>>] = &[
    member("getSize", (0, 0), get_size),
    member("readBlob", (1, 1), read_blob),
    member("readLine", (0, 0), read_line),
    member("readText", (0, 1), read_text),
    member("setSize", (1, 1), set_size),
    member("writeBlob", (1, 1), write_blob),
    member("writeLine", (1, 1), write_line),
    member("writeText", (1, 1), write_text),
];
