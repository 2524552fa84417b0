//! Commands of the "Arrays" theme, and the two array/collection conversions.
//! An array argument is passed by reference: the handler receives a pointer
//! to the variable and reads or replaces the array through the host.

use std::cmp::Ordering;

use super::{Args, Ctx};
use crate::runtime::compare;
use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::text;
use crate::runtime::value::{Array, ArrayRef, ArrayType, Props, Value};

/// The largest array fourd creates (elements), so that a typo cannot eat the memory.
const MAX_SIZE: f64 = crate::runtime::types::MAX_ELEMENTS as f64;

fn size_argument(args: &Args<'_>, i: usize) -> Result<usize, RuntimeError> {
    let n = args.number(i)?.trunc();
    if n > MAX_SIZE {
        return Err(super::bad_argument(&format!("an array of {n} elements is larger than fourd allows")));
    }
    Ok(n.max(0.0) as usize)
}

/// `ARRAY TEXT(array; size)` and its kin: creates the array, or resizes it
/// keeping its elements when it already has this type.
fn declare(ctx: &mut Ctx<'_>, args: &Args<'_>, ty: ArrayType, at: usize) -> Result<Value, RuntimeError> {
    if args.len() > at + 2 {
        return Err(RuntimeError::new(codes::NOT_SUPPORTED, "two-dimensional arrays are not supported by fourd"));
    }
    let pointer = args.pointer(at)?;
    let size = size_argument(args, at + 1)?;
    if let Value::Array(a) = ctx.host.deref(&pointer)?
        && a.borrow().ty == ty
    {
        a.borrow_mut().items.resize(size + 1, ty.default_value());
        return Ok(Value::Undefined);
    }
    ctx.host.assign(&pointer, Value::new_array(Array::new(ty, size)))?;
    Ok(Value::Undefined)
}

macro_rules! array_commands {
    ($($name:ident => $ty:ident),* $(,)?) => {
        $(
            #[doc = concat!("`", stringify!($name), "(array; size)`.")]
            pub(crate) fn $name(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
                declare(ctx, args, ArrayType::$ty, 0)
            }
        )*
    };
}

array_commands! {
    array_text => Text,
    array_real => Real,
    array_integer => Integer,
    array_longint => Longint,
    array_boolean => Boolean,
    array_date => Date,
    array_time => Time,
    array_object => Object,
    array_pointer => Pointer,
    array_picture => Picture,
    array_blob => Blob,
}

/// `ARRAY STRING(length; array; size)` (218): a Text array in Unicode mode.
pub(crate) fn array_string(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    declare(ctx, args, ArrayType::Text, 1)
}

/// `Size of array(array)` (274).
pub(crate) fn size_of_array(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let array = ctx.array(args, 0)?;
    Ok(Value::Real(array.borrow().size() as f64))
}

/// An element value converted to the array's type, or the error.
fn element(array: &ArrayRef, value: &Value) -> Result<Value, RuntimeError> {
    let ty = array.borrow().ty;
    ty.element(value.clone()).ok_or_else(|| {
        RuntimeError::new(codes::TYPE_MISMATCH, format!("cannot put {} into a {}", value.type_name(), ty.name()))
    })
}

/// `APPEND TO ARRAY(array; value)` (911).
pub(crate) fn append_to_array(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let array = ctx.array(args, 0)?;
    let value = element(&array, args.get(1))?;
    array.borrow_mut().items.push(value);
    Ok(Value::Undefined)
}

/// The `(array; where {; howMany})` arguments of `INSERT IN ARRAY` and `DELETE FROM ARRAY`.
fn position_and_count(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<(ArrayRef, f64, usize), RuntimeError> {
    let array = ctx.array(args, 0)?;
    let at = args.number(1)?.trunc();
    let count = if args.len() > 2 { size_argument(args, 2)? } else { 1 };
    Ok((array, at, count))
}

/// `INSERT IN ARRAY(array; where {; howMany})` (227): new elements at
/// `where`, or at the end when `where` is past it.
pub(crate) fn insert_in_array(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let (array, at, count) = position_and_count(ctx, args)?;
    let mut a = array.borrow_mut();
    let len = a.items.len();
    let at = if at < 1.0 { return Ok(Value::Undefined) } else { (at as usize).min(len) };
    let filler = a.ty.default_value();
    a.items.splice(at..at, std::iter::repeat_n(filler, count));
    Ok(Value::Undefined)
}

/// `DELETE FROM ARRAY(array; where {; howMany})` (228).
pub(crate) fn delete_from_array(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let (array, at, count) = position_and_count(ctx, args)?;
    let mut a = array.borrow_mut();
    let len = a.items.len();
    if at < 1.0 || at as usize >= len {
        return Ok(Value::Undefined);
    }
    let at = at as usize;
    let end = at.saturating_add(count).min(len);
    a.items.drain(at..end);
    Ok(Value::Undefined)
}

/// Whether an element matches a searched value (texts with `@`, as `=` does).
fn matches(element: &Value, wanted: &Value) -> bool {
    match (element, wanted) {
        (Value::Pointer(a), Value::Pointer(b)) => a == b,
        _ => compare::equal(element, wanted),
    }
}

/// `Find in array(array; value {; start})` (230): the first matching
/// element's number from `start`, or -1.
pub(crate) fn find_in_array(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let array = ctx.array(args, 0)?;
    let wanted = args.get(1);
    let start = if args.len() > 2 { args.number(2)?.trunc().max(1.0) as usize } else { 1 };
    let a = array.borrow();
    let found = a.items.iter().enumerate().skip(start).find(|(_, e)| matches(e, wanted)).map(|(i, _)| i as f64);
    Ok(Value::Real(found.unwrap_or(-1.0)))
}

/// `Count in array(array; value)` (907).
pub(crate) fn count_in_array(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let array = ctx.array(args, 0)?;
    let wanted = args.get(1);
    let a = array.borrow();
    Ok(Value::Real(a.items.iter().skip(1).filter(|e| matches(e, wanted)).count() as f64))
}

/// The order of two array elements: texts by collation, then numbers, dates, times, Booleans.
fn order(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        (Value::Text(x), Value::Text(y)) => text::compare(x.as_str(), y.as_str()),
        _ => compare::order(a, b),
    }
}

/// `SORT ARRAY(array {; array2...} {; > or <})` (229): sorts the first array
/// (ascending unless `<`) and reorders the others the same way.
pub(crate) fn sort_array(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let descending = match args.marker {
        None | Some(">") => false,
        Some("<") => true,
        Some(other) => return Err(super::bad_argument(&format!("SORT ARRAY sorts with > or <, not {other}"))),
    };
    let arrays: Vec<ArrayRef> = (0..args.len()).map(|i| ctx.array(args, i)).collect::<Result<_, _>>()?;
    let Some(first) = arrays.first() else { return Ok(Value::Undefined) };
    let mut order_of: Vec<usize> = (1..first.borrow().items.len()).collect();
    {
        let keys = first.borrow();
        order_of.sort_by(|&x, &y| {
            let o = order(&keys.items[x], &keys.items[y]);
            if descending { o.reverse() } else { o }
        });
    }
    for array in &arrays {
        let mut a = array.borrow_mut();
        if a.items.len() < order_of.len() + 1 {
            return Err(super::bad_argument("SORT ARRAY needs arrays of the same size"));
        }
        let sorted: Vec<Value> = order_of.iter().map(|&i| a.items[i].clone()).collect();
        for (slot, value) in a.items.iter_mut().skip(1).zip(sorted) {
            *slot = value;
        }
    }
    Ok(Value::Undefined)
}

/// `COPY ARRAY(source; destination)` (226).
pub(crate) fn copy_array(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let source = ctx.array(args, 0)?;
    let copy = source.borrow().clone();
    let destination = args.pointer(1)?;
    ctx.host.assign(&destination, Value::new_array(copy))?;
    Ok(Value::Undefined)
}

/// A collection element as an array of `ty` holds it: numbers, texts,
/// dates, Booleans convert; other values give the element's default.
fn from_collection(ty: ArrayType, value: &Value) -> Value {
    ty.element(value.clone()).unwrap_or_else(|| ty.default_value())
}

/// `COLLECTION TO ARRAY(collection; array {; property; array2...})` (1562):
/// the elements, or their properties, into arrays (resized to fit).
pub(crate) fn collection_to_array(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let collection =
        args.collection(0)?.ok_or_else(|| super::bad_argument("COLLECTION TO ARRAY needs a collection"))?;
    let items = collection.borrow().clone();
    if args.len() == 2 {
        let array = ctx.array(args, 1)?;
        let mut a = array.borrow_mut();
        let ty = a.ty;
        a.items.truncate(1);
        a.items.extend(items.iter().map(|v| from_collection(ty, v)));
        return Ok(Value::Undefined);
    }
    let mut i = 1;
    while i + 1 < args.len() {
        let array = ctx.array(args, i)?;
        let property = args.text(i + 1)?.to_string();
        let mut a = array.borrow_mut();
        let ty = a.ty;
        a.items.truncate(1);
        a.items.extend(items.iter().map(|item| match item {
            Value::Object(o) => from_collection(ty, o.borrow().props.get(property.as_str()).unwrap_or(&Value::Null)),
            _ => ty.default_value(),
        }));
        i += 2;
    }
    Ok(Value::Undefined)
}

/// A value from an array as a collection stores it (numbers as Reals).
fn to_collection(value: &Value) -> Value {
    super::objects::stored(value)
}

/// `ARRAY TO COLLECTION(collection; array {; property; array2...})` (1563):
/// the collection's content is replaced by the arrays' elements, or by
/// objects with one property per array.
pub(crate) fn array_to_collection(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let collection =
        args.collection(0)?.ok_or_else(|| super::bad_argument("ARRAY TO COLLECTION needs a collection"))?;
    if args.len() == 2 {
        let array = ctx.array(args, 1)?;
        let items: Vec<Value> = array.borrow().items.iter().skip(1).map(to_collection).collect();
        *collection.borrow_mut() = items;
        return Ok(Value::Undefined);
    }
    let mut columns = Vec::new();
    let mut i = 1;
    while i + 1 < args.len() {
        let array = ctx.array(args, i)?;
        let property = args.text(i + 1)?.to_string();
        columns.push((property, array));
        i += 2;
    }
    let rows = columns.iter().map(|(_, a)| a.borrow().size()).max().unwrap_or(0);
    let mut items = Vec::with_capacity(rows);
    for row in 1..=rows {
        let mut props = Props::default();
        for (property, array) in &columns {
            let a = array.borrow();
            let value = a.items.get(row).map(to_collection).unwrap_or(Value::Null);
            props.insert(crate::runtime::value::key(property.as_str()), value);
        }
        items.push(Value::new_object(props));
    }
    *collection.borrow_mut() = items;
    Ok(Value::Undefined)
}
