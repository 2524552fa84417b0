//! `VARIABLE TO BLOB` and `BLOB TO VARIABLE`: a variable's value stored in a
//! BLOB and read back.
//!
//! 4D's layout is internal and undocumented; fourd's own is this (numbers
//! little-endian, lengths and counts as 32-bit unsigned integers): a stored
//! variable starts with the two bytes `FD 01` (fourd, layout 1), then the
//! value. A value is its `Value type` (or array `Type`) number as one byte,
//! then its content: nothing for undefined (5) and null (255); one byte for
//! a Boolean (6); 8 bytes for a Real (1); 4 for a Longint (9); year (2
//! bytes), month and day for a date (4); 8 bytes of seconds for a time
//! (11); the length and the UTF-8 bytes of a text (2); the length and the
//! bytes of a BLOB (30, a `4D.Blob` inside an object too); for a picture
//! (3), its codec id (length and UTF-8; empty for the empty picture), then the
//! length and the bytes of the picture in that codec; the count of
//! properties, then each name (length and UTF-8) and value for an object
//! (38); the count and the elements for a collection (42); for an array
//! (its array type number), its size, then elements 0 to the size, each a
//! value. Objects and collections are stored as copies (shared ones and
//! class instances as plain ones), pointers inside them as the values they
//! point to (documented); a pointer variable, an array of pointers and a
//! formula cannot be stored.

use std::rc::Rc;

use super::blob::blob_arg;
use super::{Args, Ctx};
use crate::runtime::blob::scalar_of;
use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::picture::{Codec, Picture};
use crate::runtime::types::{ArrayType, MAX_ELEMENTS, code};
use crate::runtime::value::{Array, Date, Props, Value, key};

/// What starts each stored variable.
const MAGIC: [u8; 2] = [0xfd, 0x01];
/// How deep objects and collections may nest to be stored.
const MAX_DEPTH: usize = 512;

fn refused(what: &str) -> RuntimeError {
    RuntimeError::new(codes::BAD_ARGUMENTS, format!("VARIABLE TO BLOB cannot store {what}"))
}

fn put_len(out: &mut Vec<u8>, len: usize) -> Result<(), RuntimeError> {
    let len = u32::try_from(len).map_err(|_| refused("a value of more than 4 GB"))?;
    out.extend_from_slice(&len.to_le_bytes());
    Ok(())
}

fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) -> Result<(), RuntimeError> {
    put_len(out, bytes.len())?;
    out.extend_from_slice(bytes);
    Ok(())
}

/// Writes `value` (see the module's layout).
fn write(ctx: &mut Ctx<'_>, out: &mut Vec<u8>, value: &Value, depth: usize) -> Result<(), RuntimeError> {
    if depth > MAX_DEPTH {
        return Err(refused("objects nested this deeply (an object that contains itself?)"));
    }
    let tag = |out: &mut Vec<u8>, n: i32| out.push(n as u8);
    match value {
        Value::Undefined => tag(out, code::IS_UNDEFINED),
        Value::Null => tag(out, code::IS_NULL),
        Value::Bool(b) => {
            tag(out, code::IS_BOOLEAN);
            out.push(u8::from(*b));
        }
        Value::Real(x) => {
            tag(out, code::IS_REAL);
            out.extend_from_slice(&x.to_le_bytes());
        }
        Value::Long(n) => {
            tag(out, code::IS_LONGINT);
            out.extend_from_slice(&n.to_le_bytes());
        }
        Value::Date(d) => {
            tag(out, code::IS_DATE);
            out.extend_from_slice(&d.year.to_le_bytes());
            out.extend_from_slice(&[d.month, d.day]);
        }
        Value::Time(t) => {
            tag(out, code::IS_TIME);
            out.extend_from_slice(&t.to_le_bytes());
        }
        Value::Text(t) => {
            tag(out, code::IS_TEXT);
            put_bytes(out, t.as_str().as_bytes())?;
        }
        Value::Blob(b) => {
            tag(out, code::IS_BLOB);
            put_bytes(out, b)?;
        }
        Value::Picture(p) => {
            tag(out, code::IS_PICTURE);
            match p.codec() {
                None => put_bytes(out, b"")?,
                Some(codec) => {
                    put_bytes(out, codec.id().as_bytes())?;
                    put_bytes(out, &p.encode(codec, None)?)?;
                }
            }
        }
        Value::Pointer(p) if depth > 0 => {
            // One level deeper: a pointer may point to a variable that holds itself.
            let target = ctx.host.deref(p)?;
            write(ctx, out, &target, depth + 1)?;
        }
        Value::Pointer(_) => return Err(refused("a pointer (documented)")),
        Value::Object(o) => {
            if let Some(bytes) = scalar_of(value) {
                tag(out, code::IS_BLOB);
                return put_bytes(out, &bytes);
            }
            if o.borrow().code.is_some() {
                return Err(refused("a formula"));
            }
            let props: Vec<(crate::runtime::value::Key, Value)> =
                o.borrow().props.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
            write_object(ctx, out, &props, depth)?;
        }
        Value::SharedObject(o) => {
            let props: Vec<(crate::runtime::value::Key, Value)> =
                o.props().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
            write_object(ctx, out, &props, depth)?;
        }
        Value::Collection(c) => {
            let items = c.borrow().clone();
            write_items(ctx, out, code::IS_COLLECTION, &items, depth)?;
        }
        Value::SharedCollection(c) => write_items(ctx, out, code::IS_COLLECTION, &c.values(), depth)?,
        Value::Array(a) => {
            let (ty, items) = {
                let a = a.borrow();
                (a.ty, a.items.clone())
            };
            if ty == ArrayType::Pointer {
                return Err(refused(&format!("a {} (documented for pointers)", ty.name())));
            }
            tag(out, ty.type_number());
            put_len(out, items.len().saturating_sub(1))?;
            for item in &items {
                write(ctx, out, item, depth + 1)?;
            }
        }
    }
    Ok(())
}

fn write_object(
    ctx: &mut Ctx<'_>,
    out: &mut Vec<u8>,
    props: &[(crate::runtime::value::Key, Value)],
    depth: usize,
) -> Result<(), RuntimeError> {
    out.push(code::IS_OBJECT as u8);
    put_len(out, props.len())?;
    for (name, value) in props {
        put_bytes(out, name.as_bytes())?;
        write(ctx, out, value, depth + 1)?;
    }
    Ok(())
}

fn write_items(
    ctx: &mut Ctx<'_>,
    out: &mut Vec<u8>,
    tag: i32,
    items: &[Value],
    depth: usize,
) -> Result<(), RuntimeError> {
    out.push(tag as u8);
    put_len(out, items.len())?;
    for item in items {
        write(ctx, out, item, depth + 1)?;
    }
    Ok(())
}

/// A reader of stored values; every read fails with `None` on bytes that
/// are not in the layout.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let piece = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(piece)
    }

    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.take(N)?.try_into().ok()
    }

    fn len(&mut self) -> Option<usize> {
        usize::try_from(u32::from_le_bytes(self.array()?)).ok()
    }

    /// A count of elements that the rest of the bytes can hold (each takes a byte at least).
    fn count(&mut self) -> Option<usize> {
        let n = self.len()?;
        (n <= self.bytes.len() - self.at && n <= MAX_ELEMENTS).then_some(n)
    }

    fn text(&mut self) -> Option<String> {
        let n = self.len()?;
        String::from_utf8(self.take(n)?.to_vec()).ok()
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        if depth > MAX_DEPTH {
            return None;
        }
        let tag = i32::from(*self.take(1)?.first()?);
        Some(match tag {
            code::IS_UNDEFINED => Value::Undefined,
            code::IS_NULL => Value::Null,
            code::IS_BOOLEAN => Value::Bool(*self.take(1)?.first()? != 0),
            code::IS_REAL => Value::Real(f64::from_le_bytes(self.array()?)),
            code::IS_LONGINT => Value::Long(i32::from_le_bytes(self.array()?)),
            code::IS_DATE => {
                let year = u16::from_le_bytes(self.array()?);
                let [month, day] = self.array()?;
                Value::Date(Date { year, month, day })
            }
            code::IS_TIME => Value::Time(i64::from_le_bytes(self.array()?)),
            code::IS_TEXT => Value::text(self.text()?),
            code::IS_BLOB => {
                let n = self.len()?;
                Value::Blob(Rc::new(self.take(n)?.to_vec()))
            }
            code::IS_PICTURE => {
                let id = self.text()?;
                if id.is_empty() {
                    Value::Picture(Picture::empty())
                } else {
                    let n = self.len()?;
                    let bytes = self.take(n)?.to_vec();
                    Value::Picture(match Codec::from_id(&id) {
                        Some(_) => Picture::decode(bytes)?,
                        None => Picture::wrap(bytes, &id),
                    })
                }
            }
            code::IS_OBJECT => {
                let n = self.count()?;
                let mut props = Props::with_capacity(n);
                for _ in 0..n {
                    let name = self.text()?;
                    let value = self.value(depth + 1)?.stored();
                    props.insert(key(&name), value);
                }
                Value::new_object(props)
            }
            code::IS_COLLECTION => {
                let n = self.count()?;
                let mut items = Vec::with_capacity(n);
                for _ in 0..n {
                    items.push(self.value(depth + 1)?.stored());
                }
                Value::new_collection(items)
            }
            array => {
                let ty = array_type(array)?;
                let size = self.count()?;
                let mut items = Vec::with_capacity(size + 1);
                for _ in 0..=size {
                    items.push(ty.element(self.value(depth + 1)?)?);
                }
                Value::new_array(Array { ty, items })
            }
        })
    }
}

/// The array type whose `Type` number is `n`.
fn array_type(n: i32) -> Option<ArrayType> {
    use ArrayType as A;
    [A::Text, A::Real, A::Integer, A::Longint, A::Boolean, A::Date, A::Time, A::Object, A::Blob]
        .into_iter()
        .find(|ty| ty.type_number() == n)
}

/// `VARIABLE TO BLOB(variable; blob {; offset | *})` (532): OK is 1 when
/// the variable was stored.
pub(crate) fn variable_to_blob(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let pointer = args.pointer(0)?;
    let value = ctx.host.deref(&pointer)?;
    let mut data = MAGIC.to_vec();
    if let Err(error) = write(ctx, &mut data, &value, 0) {
        ctx.set_ok(false)?;
        return Err(error);
    }
    super::blob::write_value(ctx, args, 1, 2, &data)?;
    ctx.set_ok(true)?;
    Ok(Value::Undefined)
}

/// `BLOB TO VARIABLE(blob; variable {; offset})` (533): the variable gets
/// the value stored at the offset (0 without it), which then moves past it.
/// Bytes that hold no stored variable set OK to 0 and leave the variable
/// and the offset as they were.
pub(crate) fn blob_to_variable(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let bytes = blob_arg(args, 0)?;
    let target = args.pointer(1)?;
    let offset = if args.len() > 2 { Some(args.pointer(2)?) } else { None };
    let at = match &offset {
        Some(p) => super::blob::offset_value(ctx, p)?,
        None => 0.0,
    };
    let mut reader = Reader { bytes: &bytes, at: if at >= 0.0 { at as usize } else { usize::MAX } };
    let value = match reader.take(2) {
        Some(magic) if magic == MAGIC => reader.value(0),
        _ => None,
    };
    let Some(value) = value else {
        ctx.set_ok(false)?;
        return Ok(Value::Undefined);
    };
    ctx.host.assign(&target, value)?;
    if let Some(p) = offset {
        ctx.host.assign(&p, Value::Real(reader.at as f64))?;
    }
    ctx.set_ok(true)?;
    Ok(Value::Undefined)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_reads_as_nothing() {
        for bytes in [&[][..], &[0xfd, 0x01], &[0xfd, 0x01, 2, 255, 255, 255, 255], &[0xfd, 0x01, 42, 0, 0, 0, 16]] {
            let mut reader = Reader { bytes, at: 2 };
            assert!(reader.value(0).is_none(), "{bytes:?}");
        }
    }
}
