//! Commands of the "Objects (Language)" and "Collections" themes, and JSON.

use std::rc::Rc;

use indexmap::IndexMap;

use super::{Args, Ctx};
use crate::runtime::error::RuntimeError;
use crate::runtime::format;
use crate::runtime::value::Value;

/// `New object({name; value; ...})` (1471).
pub(crate) fn new_object(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    if !args.len().is_multiple_of(2) {
        return Err(super::bad_argument("New object takes pairs of a property name and a value"));
    }
    let mut props = IndexMap::new();
    for pair in 0..args.len() / 2 {
        let name = args.text(pair * 2)?;
        props.insert(Rc::from(name), stored(args.get(pair * 2 + 1)));
    }
    Ok(Value::new_object(props))
}

/// `New collection({value; ...})` (1472).
pub(crate) fn new_collection(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::new_collection(args.values.iter().map(stored).collect()))
}

/// A value as an object or collection stores it: numbers become Reals,
/// undefined becomes null.
pub(crate) fn stored(value: &Value) -> Value {
    match value {
        Value::Long(n) => Value::Real(f64::from(*n)),
        Value::Undefined => Value::Null,
        other => other.clone(),
    }
}

/// `OB Keys(object)` (1719): the property names, in creation order.
pub(crate) fn ob_keys(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let keys = match args.object(0)? {
        Some(o) => o.borrow().props.keys().map(|k| Value::text(k.as_ref())).collect(),
        None => Vec::new(),
    };
    Ok(Value::new_collection(keys))
}

/// `JSON Stringify(value {; *})` (1217); `*` indents the text.
pub(crate) fn json_stringify(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::text(format::json(args.get(0), args.star)))
}

/// `JSON Parse(text)` (1218): numbers become Reals, objects keep their property order.
pub(crate) fn json_parse(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let text = args.text(0)?;
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(json) => Ok(from_json(json)),
        Err(error) => Err(super::bad_argument(&format!("JSON Parse: the text is not valid JSON ({error})"))),
    }
}

fn from_json(json: serde_json::Value) -> Value {
    match json {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(b),
        serde_json::Value::Number(n) => Value::Real(n.as_f64().unwrap_or(0.0)),
        serde_json::Value::String(s) => Value::text(s),
        serde_json::Value::Array(items) => Value::new_collection(items.into_iter().map(from_json).collect()),
        serde_json::Value::Object(map) => {
            Value::new_object(map.into_iter().map(|(k, v)| (Rc::from(k.as_str()), from_json(v))).collect())
        }
    }
}
