//! The method paths of the "Design Object Access" theme that make sense
//! outside 4D's IDE: `METHOD GET PATHS` and `METHOD Get path`.
//!
//! fourd's project has project methods, database methods and classes, each a
//! `.4dm` file; it has no forms, tables or triggers, so their selectors list
//! nothing. A method's stamp is its file's modification time in whole seconds
//! (4D keeps a counter of saves; the file system's clock plays its part).

use super::{Args, Ctx, DesignKind, DesignObject};
use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::types::ArrayType;
use crate::runtime::value::{Array, Value};

/// The `Path ...` constants.
pub(crate) const PATH_PROJECT_METHOD: i64 = 1;
pub(crate) const PATH_DATABASE_METHOD: i64 = 2;
pub(crate) const PATH_PROJECT_FORM: i64 = 4;
pub(crate) const PATH_TRIGGER: i64 = 8;
pub(crate) const PATH_TABLE_FORM: i64 = 16;
pub(crate) const PATH_CLASS: i64 = 32;
pub(crate) const PATH_ALL_OBJECTS: i64 = -1;

/// The database methods 4D knows, as its paths spell them.
const DATABASE_METHODS: &[&str] = &[
    "onStartup",
    "onExit",
    "onDrop",
    "onBackupStartup",
    "onBackupShutdown",
    "onWebConnection",
    "onWebAuthentication",
    "onWebSessionSuspend",
    "onServerStartup",
    "onServerShutdown",
    "onServerOpenConnection",
    "onServerCloseConnection",
    "onSystemEvent",
    "onSqlAuthentication",
    "onHostDatabaseEvent",
    "onRESTAuthentication",
    "onMobileAppAuthentication",
    "onMobileAppAction",
];

/// The path of a design object, as 4D writes it.
fn path_of(object: &DesignObject) -> String {
    match object.kind {
        DesignKind::ProjectMethod => object.name.clone(),
        DesignKind::DatabaseMethod => format!("[databaseMethod]/{}", object.name),
        DesignKind::Class => format!("[class]/{}", object.name),
    }
}

/// The stamp of a design object: its file's modification time in seconds.
fn stamp_of(object: &DesignObject) -> f64 {
    std::fs::metadata(&object.file)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0.0, |d| d.as_secs() as f64)
}

/// The selector argument as a whole number (a variable passed is read).
fn selector(ctx: &mut Ctx<'_>, args: &Args<'_>, i: usize) -> Result<i64, RuntimeError> {
    let n = match args.get(i) {
        Value::Pointer(p) => match ctx.host.deref(p)? {
            Value::Real(n) => n,
            Value::Long(n) => f64::from(n),
            other => return Err(super::wrong_type(i, "a number", &other)),
        },
        _ => args.number(i)?,
    };
    if n.fract() != 0.0 || !n.is_finite() {
        return Err(super::bad_argument("the method type must be a whole number (a Path constant)"));
    }
    Ok(n as i64)
}

/// The names of the methods the Explorer folder `folder` holds, from the
/// project's `Project/Sources/folders.json`, with those of its subfolders.
fn folder_members(ctx: &mut Ctx<'_>, folder: &str) -> Result<Vec<String>, RuntimeError> {
    let (root, is_project) = ctx.host.project_folder().unwrap_or_default();
    let file =
        if is_project { root.join("Project").join("Sources").join("folders.json") } else { root.join("folders.json") };
    let folders: serde_json::Value = match std::fs::read_to_string(&file) {
        Ok(text) => serde_json::from_str(&text).map_err(|e| {
            RuntimeError::new(codes::BAD_ARGUMENTS, format!("METHOD GET PATHS: folders.json is not valid JSON ({e})"))
        })?,
        Err(_) => serde_json::Value::Null,
    };
    let mut members = Vec::new();
    let mut pending = vec![folder.to_string()];
    let mut seen = Vec::new();
    while let Some(name) = pending.pop() {
        if seen.contains(&name) {
            continue;
        }
        let entry = folders.get(name.as_str());
        seen.push(name);
        let Some(entry) = entry else { continue };
        for key in ["methods", "classes"] {
            if let Some(list) = entry.get(key).and_then(|l| l.as_array()) {
                members.extend(list.iter().filter_map(|m| m.as_str()).map(str::to_string));
            }
        }
        if let Some(groups) = entry.get("groups").and_then(|l| l.as_array()) {
            pending.extend(groups.iter().filter_map(|g| g.as_str()).map(str::to_string));
        }
    }
    Ok(members)
}

/// `METHOD GET PATHS({folderName;} methodType; arrPaths {; stamp}{; *})` (1163).
pub(crate) fn method_get_paths(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    // The folder name comes first when the first argument is a text.
    let first = usize::from(matches!(args.get(0), Value::Text(_)));
    if args.len() < first + 2 {
        return Err(super::bad_argument("METHOD GET PATHS needs a method type and an array"));
    }
    let folder = if first == 1 {
        let name = args.text(0)?;
        if name.contains('@') {
            return Err(super::bad_argument("the folder name cannot hold \"@\""));
        }
        Some(folder_members(ctx, name)?)
    } else {
        None
    };
    let mask = selector(ctx, args, first)?;
    let wanted = |kind: DesignKind| {
        let bit = match kind {
            DesignKind::ProjectMethod => PATH_PROJECT_METHOD,
            DesignKind::DatabaseMethod => PATH_DATABASE_METHOD,
            DesignKind::Class => PATH_CLASS,
        };
        mask == PATH_ALL_OBJECTS || mask & bit != 0
    };
    let stamp_pointer = match args.get(first + 2) {
        Value::Pointer(p) => Some(p.clone()),
        _ => None,
    };
    let minimum = match &stamp_pointer {
        Some(p) => match ctx.host.deref(p)? {
            Value::Real(n) => n,
            Value::Long(n) => f64::from(n),
            _ => 0.0,
        },
        None => 0.0,
    };
    let mut highest = minimum;
    let mut paths = Vec::new();
    for object in ctx.host.design_objects() {
        if !wanted(object.kind) {
            continue;
        }
        if let Some(members) = &folder
            && (object.kind == DesignKind::DatabaseMethod || !members.iter().any(|m| m == &object.name))
        {
            continue;
        }
        if stamp_pointer.is_some() {
            let stamp = stamp_of(&object);
            highest = highest.max(stamp);
            if stamp < minimum {
                continue;
            }
        }
        paths.push(Value::text(path_of(&object)));
    }
    let mut array = Array::new(ArrayType::Text, 0);
    array.items.extend(paths);
    ctx.host.assign(&args.pointer(first + 1)?, Value::new_array(array))?;
    if let Some(p) = stamp_pointer {
        ctx.host.assign(&p, Value::Real(highest))?;
    }
    Ok(Value::Undefined)
}

/// `METHOD Get path(methodType {; aTable}{; objectName {; formObjectName}}{; *})` (1164):
/// the path of a method, which need not exist (documented).
pub(crate) fn method_get_path(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let kind = selector(ctx, args, 0)?;
    if args.len() > 3 {
        // (methodType; aTable; objectName; formObjectName): a table form or trigger.
        return Err(RuntimeError::new(codes::NOT_SUPPORTED, "METHOD Get path: fourd has no tables"));
    }
    if args.len() < 2 {
        return Err(super::bad_argument("METHOD Get path: the name of the method (objectName) is missing"));
    }
    let name = args.text(1)?;
    let object = if args.len() > 2 { args.text(2)? } else { "" };
    let path = match kind {
        PATH_PROJECT_METHOD => name.to_string(),
        PATH_DATABASE_METHOD => match DATABASE_METHODS.iter().find(|known| known.eq_ignore_ascii_case(name)) {
            Some(known) => format!("[databaseMethod]/{known}"),
            None => {
                return Err(RuntimeError::new(
                    codes::BAD_ARGUMENTS,
                    format!("METHOD Get path: \"{name}\" is not a database method"),
                ));
            }
        },
        PATH_CLASS => format!("[class]/{name}"),
        PATH_PROJECT_FORM if object.is_empty() => format!("[projectForm]/{name}/{{formMethod}}"),
        PATH_PROJECT_FORM => format!("[projectForm]/{name}/{object}"),
        PATH_TRIGGER | PATH_TABLE_FORM => {
            return Err(RuntimeError::new(codes::NOT_SUPPORTED, "METHOD Get path: fourd has no tables"));
        }
        _ => return Err(super::bad_argument("METHOD Get path: unknown method type")),
    };
    Ok(Value::text(path))
}
