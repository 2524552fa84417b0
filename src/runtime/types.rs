//! The 4D types of variables: `VarType`, the `Type` codes, the value a
//! variable holds before anything is assigned, and the conversions that
//! assigning to a typed variable makes.

use super::error::{RuntimeError, codes};
use super::value::{Blob, Date, Text, Value};

/// The `Type` and `Value type` codes (the `Is ...` constants, theme 295).
pub mod code {
    pub const IS_REAL: i32 = 1;
    pub const IS_TEXT: i32 = 2;
    pub const IS_PICTURE: i32 = 3;
    pub const IS_DATE: i32 = 4;
    pub const IS_UNDEFINED: i32 = 5;
    pub const IS_BOOLEAN: i32 = 6;
    pub const IS_INTEGER: i32 = 8;
    pub const IS_LONGINT: i32 = 9;
    pub const IS_TIME: i32 = 11;
    pub const IS_VARIANT: i32 = 12;
    pub const REAL_ARRAY: i32 = 14;
    pub const INTEGER_ARRAY: i32 = 15;
    pub const LONGINT_ARRAY: i32 = 16;
    pub const DATE_ARRAY: i32 = 17;
    pub const TEXT_ARRAY: i32 = 18;
    pub const PICTURE_ARRAY: i32 = 19;
    pub const POINTER_ARRAY: i32 = 20;
    pub const BOOLEAN_ARRAY: i32 = 22;
    pub const IS_POINTER: i32 = 23;
    pub const IS_BLOB: i32 = 30;
    pub const BLOB_ARRAY: i32 = 31;
    pub const TIME_ARRAY: i32 = 32;
    pub const IS_OBJECT: i32 = 38;
    pub const OBJECT_ARRAY: i32 = 39;
    pub const IS_COLLECTION: i32 = 42;
    pub const IS_NULL: i32 = 255;
}

/// The longest text, in bytes: 4D's texts hold up to 2 GB.
pub const MAX_TEXT_BYTES: usize = i32::MAX as usize;
/// The most elements a collection or an array may have (fourd's limit, so that
/// a typo such as `$c[1000000000]:=1` stops with an error instead of
/// exhausting the machine).
pub const MAX_ELEMENTS: usize = 100_000_000;

/// The error of a text of `bytes` bytes, past [`MAX_TEXT_BYTES`].
pub fn text_too_long(bytes: usize) -> RuntimeError {
    RuntimeError::new(
        codes::NOT_ENOUGH_MEMORY,
        format!("a text of {bytes} bytes is longer than fourd allows ({MAX_TEXT_BYTES} bytes)"),
    )
}

/// The error of a collection of `elements` elements, past [`MAX_ELEMENTS`].
pub fn too_many_elements(elements: f64) -> RuntimeError {
    RuntimeError::new(
        codes::NOT_ENOUGH_MEMORY,
        format!("a collection of {elements} elements is larger than fourd allows ({MAX_ELEMENTS} elements)"),
    )
}

/// The declared type of a variable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VarType {
    Variant,
    Text,
    Integer,
    Real,
    Boolean,
    Date,
    Time,
    Object,
    Collection,
    Pointer,
    Picture,
    Blob,
}

thread_local! {
    /// One empty text shared by every new Text variable (no allocation per call).
    static EMPTY_TEXT: Text = Text::new("");
    /// One empty BLOB shared by every new Blob variable (copied on its first change).
    static EMPTY_BLOB: Blob = Blob::default();
}

/// An empty BLOB (no allocation: the thread's shared one).
pub fn empty_blob() -> Value {
    Value::Blob(EMPTY_BLOB.with(Blob::clone))
}

/// The element type of an array.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArrayType {
    Text,
    Real,
    Integer,
    Longint,
    Boolean,
    Date,
    Time,
    Object,
    Pointer,
    Picture,
    Blob,
}

impl ArrayType {
    /// The `Type` number of an array of this type (`Text array` is 18).
    pub fn type_number(self) -> i32 {
        match self {
            ArrayType::Real => code::REAL_ARRAY,
            ArrayType::Integer => code::INTEGER_ARRAY,
            ArrayType::Longint => code::LONGINT_ARRAY,
            ArrayType::Date => code::DATE_ARRAY,
            ArrayType::Text => code::TEXT_ARRAY,
            ArrayType::Picture => code::PICTURE_ARRAY,
            ArrayType::Pointer => code::POINTER_ARRAY,
            ArrayType::Boolean => code::BOOLEAN_ARRAY,
            ArrayType::Blob => code::BLOB_ARRAY,
            ArrayType::Time => code::TIME_ARRAY,
            ArrayType::Object => code::OBJECT_ARRAY,
        }
    }

    /// The value of a new element.
    pub fn default_value(self) -> Value {
        match self {
            ArrayType::Text => Value::text(""),
            ArrayType::Real => Value::Real(0.0),
            ArrayType::Integer | ArrayType::Longint => Value::Long(0),
            ArrayType::Boolean => Value::Bool(false),
            ArrayType::Date => Value::Date(Date::NULL),
            ArrayType::Time => Value::Time(0),
            ArrayType::Object | ArrayType::Pointer => Value::Null,
            ArrayType::Picture => Value::Picture(super::picture::Picture::empty()),
            ArrayType::Blob => empty_blob(),
        }
    }

    /// `value` as an element of this array holds it, or `None` if it cannot be.
    pub fn element(self, value: Value) -> Option<Value> {
        Some(match (self, value) {
            (_, Value::Undefined) => self.default_value(),
            (ArrayType::Text, v @ Value::Text(_)) => v,
            (ArrayType::Real, Value::Long(n)) => Value::Real(f64::from(n)),
            (ArrayType::Real, v @ Value::Real(_)) => v,
            (ArrayType::Integer, Value::Real(n)) => Value::Long(n as i16 as i32),
            (ArrayType::Longint, Value::Real(n)) => Value::Long(n as i32),
            (ArrayType::Integer | ArrayType::Longint, v @ Value::Long(_)) => v,
            (ArrayType::Boolean, v @ Value::Bool(_)) => v,
            (ArrayType::Date, v @ Value::Date(_)) => v,
            (ArrayType::Time, v @ Value::Time(_)) => v,
            (ArrayType::Time, Value::Real(n)) => Value::Time(n as i64),
            (ArrayType::Object, v @ (Value::Object(_) | Value::Null)) => v,
            (ArrayType::Pointer, v @ (Value::Pointer(_) | Value::Null)) => v,
            (ArrayType::Blob, v @ Value::Blob(_)) => v,
            (ArrayType::Blob, v @ Value::Object(_)) => super::blob::scalar_of(&v).map(Value::Blob)?,
            (ArrayType::Picture, v @ Value::Picture(_)) => v,
            (ArrayType::Picture, Value::Null) => self.default_value(),
            _ => return None,
        })
    }

    /// The name used in messages (`Text array`).
    pub fn name(self) -> &'static str {
        match self {
            ArrayType::Text => "Text array",
            ArrayType::Real => "Real array",
            ArrayType::Integer => "Integer array",
            ArrayType::Longint => "Longint array",
            ArrayType::Boolean => "Boolean array",
            ArrayType::Date => "Date array",
            ArrayType::Time => "Time array",
            ArrayType::Object => "Object array",
            ArrayType::Pointer => "Pointer array",
            ArrayType::Picture => "Picture array",
            ArrayType::Blob => "Blob array",
        }
    }
}

/// The value a variable of this type holds before anything is assigned.
#[inline]
pub fn default_value(ty: VarType) -> Value {
    match ty {
        VarType::Text => Value::Text(EMPTY_TEXT.with(Text::clone)),
        VarType::Integer => Value::Long(0),
        VarType::Real => Value::Real(0.0),
        VarType::Boolean => Value::Bool(false),
        VarType::Date => Value::Date(Date::NULL),
        VarType::Time => Value::Time(0),
        VarType::Object | VarType::Collection | VarType::Pointer => Value::Null,
        VarType::Variant => Value::Undefined,
        VarType::Picture => Value::Picture(super::picture::Picture::empty()),
        VarType::Blob => empty_blob(),
    }
}

/// The `Type` number of a variable declared `ty` (arrays are typed by their content).
pub fn type_number(ty: VarType) -> i32 {
    match ty {
        VarType::Variant => code::IS_VARIANT,
        VarType::Text => code::IS_TEXT,
        VarType::Integer => code::IS_LONGINT,
        VarType::Real => code::IS_REAL,
        VarType::Boolean => code::IS_BOOLEAN,
        VarType::Date => code::IS_DATE,
        VarType::Time => code::IS_TIME,
        VarType::Object => code::IS_OBJECT,
        VarType::Collection => code::IS_COLLECTION,
        VarType::Pointer => code::IS_POINTER,
        VarType::Picture => code::IS_PICTURE,
        VarType::Blob => code::IS_BLOB,
    }
}

/// A value as a variable receives it: an array is copied (arrays are values).
pub fn own_array(value: Value) -> Value {
    match value {
        Value::Array(a) => Value::new_array(a.borrow().clone()),
        other => other,
    }
}

/// Stores `value` converted to `ty` into `dest`. Numbers are taken apart and
/// written word by word where they go: a value just returned was written as
/// two words, and copying it whole with one 16-byte load would stall.
#[inline(always)]
pub fn store_converted(dest: &mut Value, ty: VarType, value: Value, name: &str) -> Result<(), RuntimeError> {
    // Numbers are matched through a reference and let go of without a call
    // to the drop code.
    let new = match (ty, &value) {
        (VarType::Integer | VarType::Variant, &Value::Long(n)) => Some(Value::Long(n)),
        (VarType::Integer, &Value::Real(x)) => Some(Value::Long(x as i32)),
        (VarType::Real | VarType::Variant, &Value::Real(x)) => Some(Value::Real(x)),
        (VarType::Real, &Value::Long(n)) => Some(Value::Real(f64::from(n))),
        _ => None,
    };
    let new = match new {
        Some(number) => {
            value.discard();
            number
        }
        None => convert_fast(ty, value, name)?,
    };
    store(dest, new);
    Ok(())
}

/// Converts the value in `slot` to `ty` where it lies; a number is read
/// through a reference, not moved out whole (see `store_converted`).
#[inline(always)]
pub fn convert_in_place(slot: &mut Value, ty: VarType, name: &str) -> Result<(), RuntimeError> {
    match (ty, &*slot) {
        (VarType::Integer, &Value::Real(x)) => store(slot, Value::Long(x as i32)),
        (VarType::Real, &Value::Long(n)) => store(slot, Value::Real(f64::from(n))),
        _ => {
            let value = std::mem::take(slot);
            *slot = convert(ty, value, name)?;
        }
    }
    Ok(())
}

/// Puts `value` into `dest`, a number word by word (see `store_converted`):
/// rebuilding it from its fields makes the compiler write it as two words.
#[inline(always)]
pub fn store(dest: &mut Value, value: Value) {
    // Matched through a reference: a number is let go of without a call to
    // the drop code.
    let value = match &value {
        Value::Long(n) => {
            let n = *n;
            value.discard();
            Value::Long(n)
        }
        Value::Real(x) => {
            let x = *x;
            value.discard();
            Value::Real(x)
        }
        _ => value,
    };
    std::mem::replace(dest, value).discard();
}

/// Whether a variable declared `ty` holds `value` as it is.
#[inline(always)]
pub fn fits(ty: VarType, value: &Value) -> bool {
    matches!(
        (ty, value),
        (VarType::Variant, _)
            | (VarType::Integer, Value::Long(_))
            | (VarType::Real, Value::Real(_))
            | (VarType::Text, Value::Text(_))
            | (VarType::Blob, Value::Blob(_))
            | (VarType::Picture, Value::Picture(_))
            | (VarType::Boolean, Value::Bool(_))
            | (VarType::Object, Value::Object(_) | Value::SharedObject(_))
            | (VarType::Collection, Value::Collection(_) | Value::SharedCollection(_))
    )
}

/// `convert` without a call when the value already has the declared type.
#[inline(always)]
pub fn convert_fast(ty: VarType, value: Value, name: &str) -> Result<Value, RuntimeError> {
    if fits(ty, &value) {
        return Ok(value);
    }
    match (ty, &value) {
        (VarType::Integer, &Value::Real(n)) => Ok(Value::Long(n as i32)),
        (VarType::Real, &Value::Long(n)) => Ok(Value::Real(f64::from(n))),
        _ => convert(ty, value, name),
    }
}

/// A value as a variable of type `ty` holds it, or the error 4D gives.
#[inline(never)]
pub fn convert(ty: VarType, value: Value, name: &str) -> Result<Value, RuntimeError> {
    if matches!(value, Value::Undefined) {
        return Ok(default_value(ty));
    }
    let ok = match (ty, &value) {
        (VarType::Variant, _) | (VarType::Picture, Value::Picture(_)) => true,
        // Null assigned to a Picture variable empties it (documented: Null is assignable to one).
        (VarType::Picture, Value::Null) => return Ok(default_value(ty)),
        (VarType::Blob, Value::Blob(_)) => true,
        // A `4D.Blob` assigned to a Blob variable becomes a scalar BLOB (documented).
        (VarType::Blob, Value::Object(_)) => match super::blob::scalar_of(&value) {
            Some(bytes) => return Ok(Value::Blob(bytes)),
            None => false,
        },
        (VarType::Integer, Value::Real(n)) => return Ok(Value::Long(*n as i32)),
        (VarType::Integer, Value::Long(_)) => true,
        (VarType::Real, Value::Long(n)) => return Ok(Value::Real(f64::from(*n))),
        (VarType::Real, Value::Real(_)) => true,
        (VarType::Text, Value::Text(_)) => true,
        (VarType::Boolean, Value::Bool(_)) => true,
        (VarType::Date, Value::Date(_)) => true,
        (VarType::Time, Value::Time(_)) => true,
        (VarType::Time, Value::Real(n)) => return Ok(Value::Time(*n as i64)),
        (VarType::Object, Value::Object(_) | Value::SharedObject(_) | Value::Null) => true,
        // A scalar BLOB assigned to an object variable (`var $b : 4D.Blob`) becomes a 4D.Blob (documented).
        (VarType::Object, Value::Blob(b)) => return Ok(super::blob::blob_object(std::rc::Rc::clone(b))),
        (VarType::Collection, Value::Collection(_) | Value::SharedCollection(_) | Value::Null) => true,
        (VarType::Pointer, Value::Pointer(_) | Value::Null) => true,
        _ => false,
    };
    if ok {
        Ok(value)
    } else {
        Err(RuntimeError::new(
            codes::TYPE_MISMATCH,
            format!("cannot assign {} to {name}, declared {ty:?}", value.type_name()),
        ))
    }
}

#[cfg(test)]
mod tests;
