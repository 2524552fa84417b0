//! BLOBs: the scalar BLOB (`Value::Blob`, a value whose bytes are shared
//! until changed) and the `4D.Blob` object, an immutable object that boxes
//! the same bytes. 4D converts one into the other on assignment: a scalar
//! BLOB stored in an object or a collection becomes a `4D.Blob`, and a
//! `4D.Blob` assigned to a Blob variable becomes a scalar BLOB.

use std::cell::RefCell;
use std::rc::Rc;

use super::class::ClassLink;
use super::error::{RuntimeError, codes};
use super::value::{Blob, Object, Value};

/// The most bytes a BLOB holds (4D's 2 GB).
pub const MAX_BLOB_BYTES: usize = i32::MAX as usize;

/// The bytes of a scalar BLOB or of a `4D.Blob` object; `None` for any other value.
pub fn scalar_of(value: &Value) -> Option<Blob> {
    match value {
        Value::Blob(b) => Some(Rc::clone(b)),
        Value::Object(o) => match o.borrow().class.as_deref() {
            Some(ClassLink::Blob(b)) => Some(Rc::clone(b)),
            _ => None,
        },
        _ => None,
    }
}

/// A `4D.Blob` object boxing `bytes` (shared, not copied: neither can change them in place).
pub fn blob_object(bytes: Blob) -> Value {
    Value::Object(Rc::new(RefCell::new(Object { class: Some(Rc::new(ClassLink::Blob(bytes))), ..Object::default() })))
}

/// The bytes of a `4D.Blob` object; `None` for any other object.
pub fn boxed(object: &Object) -> Option<&Blob> {
    match object.class.as_deref() {
        Some(ClassLink::Blob(b)) => Some(b),
        _ => None,
    }
}

/// The error of a BLOB of `bytes` bytes, past [`MAX_BLOB_BYTES`].
pub fn blob_too_large(bytes: f64) -> RuntimeError {
    RuntimeError::new(
        codes::NOT_ENOUGH_MEMORY,
        format!("a BLOB of {bytes} bytes is larger than 4D allows ({MAX_BLOB_BYTES} bytes)"),
    )
}

/// `$blob{i}`: the byte at 0-based `index`, as a number.
pub fn byte_at(blob: &[u8], index: f64) -> Result<Value, RuntimeError> {
    let i = index.trunc();
    match blob.get(i as usize) {
        Some(&byte) if i >= 0.0 => Ok(Value::Real(f64::from(byte))),
        _ => Err(outside(i, blob.len())),
    }
}

/// `$blob{i}:=value`: sets the byte at 0-based `index` to the number's low 8 bits.
pub fn set_byte(blob: &mut Blob, index: f64, value: &Value) -> Result<(), RuntimeError> {
    let Some(n) = value.as_number() else {
        return Err(RuntimeError::new(
            codes::TYPE_MISMATCH,
            format!("a byte of a BLOB is a number, not {}", value.type_name()),
        ));
    };
    let i = index.trunc();
    if i < 0.0 || i as usize >= blob.len() {
        return Err(outside(i, blob.len()));
    }
    Rc::make_mut(blob)[i as usize] = (n.trunc() as i64).rem_euclid(256) as u8;
    Ok(())
}

fn outside(i: f64, len: usize) -> RuntimeError {
    RuntimeError::new(codes::INDEX_OUT_OF_RANGE, format!("byte {i} is outside the BLOB (size {len})"))
}
