//! Reading and writing inside values, without a process: `object.name`,
//! `collection[i]`, `object["name"]`, `$array{i}` and `$text[[i]]`.

use super::error::{RuntimeError, codes};
use super::types::{MAX_ELEMENTS, too_many_elements};
use super::value::{Date, Key, Text, Value, key, key_of};

thread_local! {
    /// The one-character ASCII texts, shared by `$t[[i]]` (no allocation per character).
    static ASCII_CHARS: Vec<Text> = (0u8..128).map(|b| Text::new(char::from(b).to_string())).collect();
}

/// Whether a value is an object tied to a class other than `4D.Object` and
/// `4D.Function` (an instance of a user class, a class object), whose
/// properties may be computed.
#[inline(always)]
pub fn has_class(value: &Value) -> bool {
    match value {
        Value::Object(o) => o.borrow().class.is_some(),
        Value::SharedObject(o) => o.class.is_some() || o.native.is_some(),
        _ => false,
    }
}

/// The property `name` of an object or a shared object, if it has one
/// (`None` for any other value): what property paths of collection
/// functions (`.sum("a.b")`, `.query("a = 1")`) read at each step.
pub fn own_property(value: &Value, name: &str) -> Option<Value> {
    match value {
        Value::Object(o) => o.borrow().props.get(name).cloned(),
        Value::SharedObject(o) if o.contains(name) => Some(o.get(name)),
        _ => None,
    }
}

/// `object.name`: undefined when missing or when `object` is undefined; an error on null.
pub fn member(object: &Value, name: &str) -> Result<Value, RuntimeError> {
    match object {
        Value::Object(o) => {
            let o = o.borrow();
            match o.props.get(name) {
                Some(v) => Ok(v.clone()),
                None => match (&o.code, name) {
                    (Some(code), "source") => Ok(Value::text(code.source())),
                    (None, "size") if super::blob::boxed(&o).is_some() => {
                        Ok(Value::Real(super::blob::boxed(&o).map_or(0, |b| b.len()) as f64))
                    }
                    (None, _) if o.class.is_some() => Ok(match o.class.as_deref() {
                        Some(super::class::ClassLink::File(item)) => super::files::item_property(item, name),
                        Some(super::class::ClassLink::Handle(handle)) => super::files::handle_property(handle, name),
                        Some(super::class::ClassLink::Native(state)) => state.property(name),
                        _ => Value::Undefined,
                    }),
                    _ => Ok(Value::Undefined),
                },
            }
        }
        Value::SharedObject(o) => Ok(o.get(name)),
        Value::Undefined => Ok(Value::Undefined),
        Value::Collection(c) if name == "length" => Ok(Value::Real(c.borrow().len() as f64)),
        Value::SharedCollection(c) if name == "length" => Ok(Value::Real(c.len() as f64)),
        other => Err(RuntimeError::new(
            codes::NOT_AN_OBJECT,
            format!("cannot read the property `{name}` of {}", other.type_name()),
        )),
    }
}

/// The empty value of the type `value` has, which undefined assigned to a
/// property gives it (Null for an object, a collection or a pointer).
pub fn empty_like(value: &Value) -> Value {
    match value {
        Value::Real(_) | Value::Long(_) | Value::Time(_) => Value::Real(0.0),
        Value::Text(_) => Value::text(""),
        Value::Bool(_) => Value::Bool(false),
        Value::Date(_) => Value::Date(Date::NULL),
        Value::Picture(_) => Value::Picture(super::picture::Picture::empty()),
        Value::Null
        | Value::Undefined
        | Value::Object(_)
        | Value::Collection(_)
        | Value::Pointer(_)
        | Value::Array(_)
        | Value::Blob(_)
        | Value::SharedObject(_)
        | Value::SharedCollection(_) => Value::Null,
    }
}

/// `object.name:=value`. Undefined assigned to a property resets it to the
/// empty value of the type it holds (Null for an object, a collection or a
/// pointer), and does nothing when the property does not exist.
pub fn set_member(target: &Value, name: &str, value: Value) -> Result<(), RuntimeError> {
    set_named(target, name, value, || key(name))
}

/// `set_member`, the name of a new property made by `new_key`.
fn set_named(target: &Value, name: &str, value: Value, new_key: impl FnOnce() -> Key) -> Result<(), RuntimeError> {
    match target {
        Value::Object(o) if super::blob::boxed(&o.borrow()).is_some() => Err(RuntimeError::new(
            codes::READ_ONLY_PROPERTY,
            format!("a 4D.Blob cannot be changed: its property `{name}` cannot be set"),
        )),
        Value::Object(o)
            if matches!(
                o.borrow().class.as_deref(),
                Some(super::class::ClassLink::File(_) | super::class::ClassLink::Handle(_))
            ) =>
        {
            super::files::set_property(&o.borrow(), name, &value)
        }
        Value::Object(o) if matches!(o.borrow().class.as_deref(), Some(super::class::ClassLink::Native(_))) => {
            match o.borrow().class.as_deref() {
                Some(super::class::ClassLink::Native(state)) => state.set_property(name, &value),
                _ => Ok(()),
            }
        }
        Value::Object(o) if matches!(value, Value::Undefined) => {
            if let Some(slot) = o.borrow_mut().props.get_mut(name) {
                *slot = empty_like(slot);
            }
            Ok(())
        }
        Value::SharedObject(o) => o.set(name, &value),
        Value::Object(o) => {
            let stored = value.stored();
            let mut o = o.borrow_mut();
            match o.props.get_mut(name) {
                Some(slot) => *slot = stored,
                None => {
                    o.props.insert(new_key(), stored);
                }
            }
            Ok(())
        }
        other => Err(RuntimeError::new(
            codes::NOT_AN_OBJECT,
            format!("cannot set the property `{name}` of {}", other.type_name()),
        )),
    }
}

/// `$a{i}`: an array element (element 0 included).
pub fn array_element(array: &Value, index: f64) -> Result<Value, RuntimeError> {
    if let Value::Blob(b) = array {
        return super::blob::byte_at(b, index);
    }
    let Value::Array(a) = array else {
        return Err(RuntimeError::new(
            codes::INCOMPATIBLE_TYPES,
            format!("`{{ }}` applies to an array, not {}", array.type_name()),
        ));
    };
    let a = a.borrow();
    let i = index.trunc();
    if i < 0.0 || i as usize >= a.items.len() {
        return Err(RuntimeError::new(
            codes::INDEX_OUT_OF_RANGE,
            format!("element {i} is outside the array (size {})", a.size()),
        ));
    }
    Ok(a.items[i as usize].clone())
}

pub fn set_array_element(array: &Value, index: f64, value: Value) -> Result<(), RuntimeError> {
    let Value::Array(a) = array else {
        return Err(RuntimeError::new(
            codes::INCOMPATIBLE_TYPES,
            format!("`{{ }}` applies to an array, not {}", array.type_name()),
        ));
    };
    let mut a = a.borrow_mut();
    let i = index.trunc();
    if i < 0.0 || i as usize >= a.items.len() {
        return Err(RuntimeError::new(
            codes::INDEX_OUT_OF_RANGE,
            format!("element {i} is outside the array (size {})", a.size()),
        ));
    }
    let ty = a.ty;
    let type_name = value.type_name();
    match ty.element(value) {
        Some(v) => {
            a.items[i as usize] = v;
            Ok(())
        }
        None => Err(RuntimeError::new(
            codes::TYPE_MISMATCH,
            format!("cannot put {type_name} into an element of a {}", ty.name()),
        )),
    }
}

/// `target[index]`: a collection element (0-based) or an object property.
pub fn element(target: &Value, index: &Value) -> Result<Value, RuntimeError> {
    match (target, index) {
        (Value::Collection(c), i) if i.as_number().is_some() => {
            let i = i.as_number().unwrap_or(0.0).trunc();
            let c = c.borrow();
            if i < 0.0 || i as usize >= c.len() {
                return Err(RuntimeError::new(
                    codes::INDEX_OUT_OF_RANGE,
                    format!("index {i} is outside the collection (length {})", c.len()),
                ));
            }
            Ok(c[i as usize].clone())
        }
        (Value::SharedCollection(c), i) if i.as_number().is_some() => {
            let i = i.as_number().unwrap_or(0.0).trunc();
            if i < 0.0 || i as usize >= c.len() {
                return Err(RuntimeError::new(
                    codes::INDEX_OUT_OF_RANGE,
                    format!("index {i} is outside the collection (length {})", c.len()),
                ));
            }
            Ok(c.get(i as usize))
        }
        (Value::Object(_) | Value::SharedObject(_) | Value::Undefined, Value::Text(key)) => {
            member(target, key.as_str())
        }
        // `$blobObject[i]`: a byte of a `4D.Blob` (documented; read only).
        (Value::Object(o), i) if i.as_number().is_some() && super::blob::boxed(&o.borrow()).is_some() => {
            let o = o.borrow();
            super::blob::byte_at(super::blob::boxed(&o).map_or(&[][..], |b| b.as_slice()), i.as_number().unwrap_or(0.0))
        }
        _ => Err(RuntimeError::new(
            codes::INCOMPATIBLE_TYPES,
            format!("cannot index {} with {}", target.type_name(), index.type_name()),
        )),
    }
}

pub fn set_element(target: &Value, index: &Value, value: Value) -> Result<(), RuntimeError> {
    match (target, index) {
        (Value::Collection(c), i) if i.as_number().is_some() => {
            let i = i.as_number().unwrap_or(0.0).trunc();
            if i < 0.0 {
                return Err(RuntimeError::new(codes::INDEX_OUT_OF_RANGE, format!("index {i} is negative")));
            }
            if i >= MAX_ELEMENTS as f64 {
                return Err(too_many_elements(i + 1.0));
            }
            let i = i as usize;
            let mut c = c.borrow_mut();
            if i >= c.len() {
                c.resize(i + 1, Value::Null);
            }
            c[i] = value.stored();
            Ok(())
        }
        (Value::SharedCollection(c), i) if i.as_number().is_some() => {
            let i = i.as_number().unwrap_or(0.0).trunc();
            if i < 0.0 {
                return Err(RuntimeError::new(codes::INDEX_OUT_OF_RANGE, format!("index {i} is negative")));
            }
            if i >= MAX_ELEMENTS as f64 {
                return Err(too_many_elements(i + 1.0));
            }
            c.set(i as usize, &value)
        }
        (Value::Object(_) | Value::SharedObject(_), Value::Text(key)) => {
            // A new property's name is the text itself (no copy of it).
            set_named(target, key.as_str(), value, || key_of(key))?;
            Ok(())
        }
        _ => Err(RuntimeError::new(
            codes::INCOMPATIBLE_TYPES,
            format!("cannot index {} with {}", target.type_name(), index.type_name()),
        )),
    }
}

/// `text[[i]]`: the UTF-16 code unit at 1-based position `i`.
pub fn char_at(text: &Value, index: f64) -> Result<Value, RuntimeError> {
    let Value::Text(t) = text else {
        return Err(RuntimeError::new(
            codes::INCOMPATIBLE_TYPES,
            format!("`[[ ]]` applies to a text, not {}", text.type_name()),
        ));
    };
    let s = t.as_str();
    // `as` truncates toward zero as `trunc` does, without the call to libm.
    if t.is_ascii() && index >= 1.0 && index < s.len() as f64 + 1.0 {
        let byte = s.as_bytes()[index as usize - 1];
        return Ok(Value::Text(ASCII_CHARS.with(|chars| chars[usize::from(byte & 0x7f)].clone())));
    }
    let i = index.trunc();
    if !t.is_ascii()
        && i >= 1.0
        && let Some(unit) = t.unit_at(i as usize - 1)
    {
        return Ok(Value::text(String::from_utf16_lossy(&[unit])));
    }
    Err(RuntimeError::new(
        codes::INDEX_OUT_OF_RANGE,
        format!("character {i} is outside the text (length {})", t.utf16_len()),
    ))
}

pub fn set_char(text: &Value, index: f64, value: &Value) -> Result<Value, RuntimeError> {
    let (Value::Text(t), Value::Text(c)) = (text, value) else {
        return Err(RuntimeError::new(codes::INCOMPATIBLE_TYPES, "`[[ ]]` assigns a text character into a text"));
    };
    let mut units: Vec<u16> = t.as_str().encode_utf16().collect();
    let i = index.trunc();
    if i < 1.0 || i as usize > units.len() {
        return Err(RuntimeError::new(
            codes::INDEX_OUT_OF_RANGE,
            format!("character {i} is outside the text (length {})", units.len()),
        ));
    }
    let replacement: Vec<u16> = c.as_str().encode_utf16().take(1).collect();
    units.splice(i as usize - 1..i as usize, replacement);
    Ok(Value::text(String::from_utf16_lossy(&units)))
}

#[cfg(test)]
mod tests;
