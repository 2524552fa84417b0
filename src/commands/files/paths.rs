//! Paths as texts: `Path to object`, `Object to path`, the conversions
//! between system and POSIX paths, and the folders 4D and the system name
//! (`Get 4D folder`, `System folder`, `Temporary folder`, `Structure file`).
//! System paths are the host system's: on Linux and macOS they are POSIX
//! paths (fourd does not use the classic `Disk:Folder:` syntax of macOS).

use std::path::{MAIN_SEPARATOR, PathBuf};

use super::{Roots, home, system_text, user_preferences};
use crate::commands::{Args, Ctx, bad_argument};
use crate::runtime::error::RuntimeError;
use crate::runtime::files::split_extension;
use crate::runtime::value::{Props, Value, key};

/// `Path is POSIX` (the `pathType` of `Path to object`).
const PATH_IS_POSIX: f64 = 1.0;

fn separator(args: &Args<'_>, i: usize) -> Result<char, RuntimeError> {
    Ok(if args.len() > i && args.number(i)? == PATH_IS_POSIX { '/' } else { MAIN_SEPARATOR })
}

/// `Path to object(path {; pathType})` (1547): `parentFolder` (ending with a
/// separator), `name`, `extension` (with its dot) and `isFolder` (the path
/// ends with a separator). Only the text is read; nothing is looked for on
/// the disk.
pub(crate) fn path_to_object(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let path = args.text(0)?;
    let sep = separator(args, 1)?;
    let is_folder = path.len() > 1 && path.ends_with(sep);
    let trimmed = if is_folder { &path[..path.len() - sep.len_utf8()] } else { path };
    let (parent, last) = match trimmed.rfind(sep) {
        Some(at) => (&trimmed[..at + sep.len_utf8()], &trimmed[at + sep.len_utf8()..]),
        None => ("", trimmed),
    };
    let (name, extension) = split_extension(last);
    let mut props = Props::default();
    props.insert(key("parentFolder"), Value::text(parent));
    props.insert(key("name"), Value::text(name));
    props.insert(key("extension"), Value::text(extension));
    props.insert(key("isFolder"), Value::Bool(is_folder));
    Ok(Value::new_object(props))
}

/// `Object to path(pathObject {; pathType})` (1548): the parts of `Path to
/// object` put together again.
pub(crate) fn object_to_path(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let Some(object) = args.object(0)? else {
        return Err(bad_argument("Object to path needs an object"));
    };
    let sep = separator(args, 1)?;
    let object = object.borrow();
    let text = |name: &str| match object.props.get(name) {
        Some(Value::Text(t)) => t.as_str().to_string(),
        _ => String::new(),
    };
    let mut path = text("parentFolder");
    if !path.is_empty() && !path.ends_with(sep) {
        path.push(sep);
    }
    path.push_str(&text("name"));
    let extension = text("extension");
    if !extension.is_empty() && !extension.starts_with('.') {
        path.push('.');
    }
    path.push_str(&extension);
    if matches!(object.props.get("isFolder"), Some(Value::Bool(true))) {
        path.push(sep);
    }
    Ok(Value::text(path))
}

/// `Convert path system to POSIX(path {; *})` (1106): the same path on
/// Linux and macOS, whose system paths are POSIX paths, always absolute: a
/// relative path is taken from the folder of the structure file (documented);
/// with `*`, its special characters percent-encoded (`My folder` →
/// `My%20folder`).
pub(crate) fn convert_path_system_to_posix(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let text = args.text(0)?;
    let absolute = if std::path::Path::new(text).is_absolute() {
        text.to_string()
    } else {
        Roots::of(ctx)?.structure.join(text).to_string_lossy().into_owned()
    };
    let posix = absolute.replace(MAIN_SEPARATOR, "/");
    Ok(Value::text(if args.star { percent_encode(&posix) } else { posix }))
}

/// `Convert path POSIX to system(path {; *})` (1107); with `*`, the path is
/// percent-encoded and is decoded first.
pub(crate) fn convert_path_posix_to_system(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let text = args.text(0)?;
    let posix = if args.star { percent_decode(text) } else { text.to_string() };
    Ok(Value::text(posix.replace('/', std::path::MAIN_SEPARATOR_STR)))
}

/// A POSIX path with every byte but the unreserved characters of RFC 3986
/// and `/` written `%XX`.
fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A percent-encoded path decoded; a `%` not followed by two hexadecimal
/// digits stays as it is, and bytes that make no UTF-8 are replaced.
fn percent_decode(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).filter(|h| h.iter().all(u8::is_ascii_hexdigit));
        let hex = hex.and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The `Get 4D folder` constants.
mod four_d {
    pub const ACTIVE: i32 = 0;
    pub const LICENSES: i32 = 1;
    pub const CLIENT_DATABASE: i32 = 3;
    pub const DATABASE: i32 = 4;
    pub const DATABASE_UNIX: i32 = 5;
    pub const RESOURCES: i32 = 6;
    pub const LOGS: i32 = 7;
    pub const HTML_ROOT: i32 = 8;
    pub const DATA: i32 = 9;
    pub const MOBILE_APPS: i32 = 10;
}

/// The folder of a `Get 4D folder` constant (and of the matching `fk`
/// constant of `Folder`); `None` for a number 4D does not define.
pub(crate) fn four_d_folder(roots: &Roots, which: i32) -> Option<PathBuf> {
    Some(match which {
        four_d::ACTIVE => user_preferences(),
        four_d::LICENSES => user_preferences().join("Licenses"),
        four_d::CLIENT_DATABASE | four_d::DATABASE | four_d::DATABASE_UNIX => roots.package.clone(),
        four_d::RESOURCES => roots.package.join("Resources"),
        four_d::LOGS => roots.package.join("Logs"),
        four_d::HTML_ROOT => roots.package.join("WebFolder"),
        four_d::DATA => roots.package.join("Data"),
        four_d::MOBILE_APPS => roots.package.join("Data").join("MobileApps"),
        _ => return None,
    })
}

/// `Get 4D folder({folder {; options}} {; *})` (485): the folder's path with
/// its final separator; the Resources and Logs folders are created when
/// missing (documented). OK is 0 for an unknown folder.
pub(crate) fn get_4d_folder(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let which = if args.is_empty() { four_d::ACTIVE } else { args.number(0)?.trunc() as i32 };
    let Some(folder) = four_d_folder(&Roots::of(ctx)?, which) else {
        ctx.set_ok(false)?;
        return Ok(Value::text(""));
    };
    if which == four_d::RESOURCES || which == four_d::LOGS {
        std::fs::create_dir_all(&folder).map_err(|e| super::io_error(&e, &folder))?;
    }
    ctx.set_ok(true)?;
    let text = system_text(&folder, true);
    Ok(Value::text(if which == four_d::DATABASE_UNIX { text.replace(MAIN_SEPARATOR, "/") } else { text }))
}

/// The folder of a `System folder` constant: `None` for the Windows-only ones.
pub(crate) fn system_folder_of(which: i32) -> Option<PathBuf> {
    Some(match which {
        0 => PathBuf::from("/"),
        1 => PathBuf::from("/usr/share/fonts"),
        2 => PathBuf::from("/etc"),
        3 => home().join(".config"),
        15 => home().join("Desktop"),
        16 => PathBuf::from("/usr/bin"),
        17 => home().join("Documents"),
        18 => home(),
        _ => return None,
    })
}

/// `System folder({type})` (487): "" for the Windows-only folders (documented for macOS).
pub(crate) fn system_folder(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let which = if args.is_empty() { 0 } else { args.number(0)?.trunc() as i32 };
    Ok(Value::text(system_folder_of(which).map_or_else(String::new, |f| system_text(&f, true))))
}

/// `Temporary folder` (486): the system's folder for temporary files.
pub(crate) fn temporary_folder(_: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::text(system_text(&std::env::temp_dir(), true)))
}

/// `Structure file({*})` (489): the project's `.4DProject` file; for a
/// folder of loose methods, the file of that name the folder would hold.
pub(crate) fn structure_file(ctx: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    let roots = Roots::of(ctx)?;
    Ok(Value::text(system_text(&roots.structure.join(&roots.structure_name), false)))
}
