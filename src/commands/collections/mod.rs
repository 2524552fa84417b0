//! The member functions of `4D.Collection` (`$c.push(1)`). Like commands,
//! they are rows of one table; each handler receives the collection it is
//! called on. Indexes are 0-based; a negative start counts from the end.
//! Those that run a callback (a formula or a method name) live in
//! `callbacks.rs`; `query` and `indices` in `query.rs`.

use std::cmp::Ordering;
use std::collections::HashSet;
use std::rc::Rc;
use std::sync::Arc;

mod callbacks;
mod query;

use super::{Args, Ctx};
use crate::runtime::compare;
use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::format;
use crate::runtime::json::MAX_DEPTH;
use crate::runtime::shared::SharedCollection;
use crate::runtime::text;
use crate::runtime::types::{MAX_ELEMENTS, too_many_elements};
use crate::runtime::value::{CollectionRef, Props, Value};

// Rows are built with `f`, short for `members::member`.
use super::members::{CHANGES_RECEIVER, MANY, MemberSpec, SHARED_RESULT, member as f};

/// The collection functions fourd implements, sorted by name (the member
/// table of collections, standard and shared).
pub static FUNCTIONS: &[MemberSpec<CollectionRef>] = &[
    f("at", (1, 1), at).on_shared(at_shared),
    f("average", (0, 1), average),
    f("clear", (0, 0), clear).flags(CHANGES_RECEIVER),
    f("combine", (1, 2), combine).flags(CHANGES_RECEIVER),
    f("concat", (1, MANY), concat),
    f("copy", (0, 2), copy),
    f("count", (0, 1), count),
    f("countValues", (1, 2), count_values),
    f("distinct", (0, 2), distinct),
    f("equal", (1, 2), equal),
    f("every", (1, MANY), callbacks::every),
    f("extract", (1, MANY), extract),
    f("fill", (1, 3), fill).flags(CHANGES_RECEIVER),
    f("filter", (1, MANY), callbacks::filter).flags(SHARED_RESULT),
    f("find", (1, MANY), callbacks::find),
    f("findIndex", (1, MANY), callbacks::find_index),
    f("first", (0, 0), first).on_shared(first_shared),
    f("flat", (0, 1), flat),
    f("flatMap", (1, MANY), callbacks::flat_map),
    f("includes", (1, 2), includes),
    f("indexOf", (1, 2), index_of),
    f("indices", (1, MANY), query::indices),
    f("insert", (2, 2), insert).flags(CHANGES_RECEIVER).on_shared(insert_shared),
    f("join", (1, 2), join),
    f("last", (0, 0), last).on_shared(last_shared),
    f("lastIndexOf", (1, 2), last_index_of),
    f("map", (1, MANY), callbacks::map),
    f("max", (0, 1), max),
    f("min", (0, 1), min),
    f("multiSort", (0, MANY), callbacks::multi_sort).flags(CHANGES_RECEIVER),
    f("orderBy", (0, 1), order_by),
    f("orderByMethod", (1, MANY), callbacks::order_by_method),
    f("pop", (0, 0), pop).flags(CHANGES_RECEIVER).on_shared(pop_shared),
    f("push", (0, MANY), push).flags(CHANGES_RECEIVER).on_shared(push_shared).single(push_one),
    f("query", (1, MANY), query::query),
    f("reduce", (1, MANY), callbacks::reduce),
    f("reduceRight", (1, MANY), callbacks::reduce_right),
    f("remove", (1, 2), remove).flags(CHANGES_RECEIVER).on_shared(remove_shared),
    f("resize", (1, 2), resize).flags(CHANGES_RECEIVER),
    f("reverse", (0, 0), reverse).flags(SHARED_RESULT),
    f("shift", (0, 0), shift).flags(CHANGES_RECEIVER).on_shared(shift_shared),
    f("slice", (1, 2), slice),
    f("some", (1, MANY), callbacks::some),
    f("sort", (0, MANY), sort).flags(CHANGES_RECEIVER),
    f("sum", (0, 1), sum),
    f("unshift", (0, MANY), unshift).flags(CHANGES_RECEIVER).on_shared(unshift_shared),
];

/// A value as a collection stores it: numbers are Reals, undefined is null.
fn stored(value: &Value) -> Value {
    super::objects::stored(value)
}

/// A start index: negative counts from the end, then clamped to 0.
fn start_index(n: f64, len: usize) -> usize {
    let n = n.trunc() as i64;
    let n = if n < 0 { n + len as i64 } else { n };
    n.max(0) as usize
}

/// `.at(index)`: negative counts from the end; undefined out of range.
fn at(_: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let c = c.borrow();
    let i = at_index(args, c.len())?;
    Ok(i.and_then(|i| c.get(i)).cloned().unwrap_or_default())
}

/// The element `.at()` names, if it is within `len`.
fn at_index(args: &Args<'_>, len: usize) -> Result<Option<usize>, RuntimeError> {
    let i = args.number(0)?.trunc() as i64;
    let i = if i < 0 { i + len as i64 } else { i };
    Ok(usize::try_from(i).ok().filter(|&i| i < len))
}

// The functions below work on a shared collection in place, without a copy
// of its elements: reading one element, or moving only those after it. Those
// that change the collection run under its group's lock, taken by the caller.

/// `.at()` of a shared collection.
fn at_shared(c: &Arc<SharedCollection>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(at_index(args, c.len())?.map_or(Value::Undefined, |i| c.get(i)))
}

/// `.first()` of a shared collection.
fn first_shared(c: &Arc<SharedCollection>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(c.get(0))
}

/// `.last()` of a shared collection.
fn last_shared(c: &Arc<SharedCollection>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(c.len().checked_sub(1).map_or(Value::Undefined, |i| c.get(i)))
}

/// `.shift()` of a shared collection.
fn shift_shared(c: &Arc<SharedCollection>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(c.splice(0, 1, &[])?.into_iter().next().unwrap_or_default())
}

/// `.pop()` of a shared collection.
fn pop_shared(c: &Arc<SharedCollection>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    let Some(last) = c.len().checked_sub(1) else { return Ok(Value::Undefined) };
    Ok(c.splice(last, 1, &[])?.into_iter().next().unwrap_or_default())
}

/// `.remove(index {; howMany})` of a shared collection.
fn remove_shared(c: &Arc<SharedCollection>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let len = c.len();
    let at = start_index(args.number(0)?, len).min(len);
    let how_many = if args.len() > 1 { args.number(1)?.trunc().max(0.0) as usize } else { 1 };
    c.splice(at, how_many, &[])?;
    Ok(Value::SharedCollection(Arc::clone(c)))
}

/// `.insert(index; value)` of a shared collection.
fn insert_shared(c: &Arc<SharedCollection>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let at = start_index(args.number(0)?, c.len());
    c.splice(at, 0, std::slice::from_ref(args.get(1)))?;
    Ok(Value::SharedCollection(Arc::clone(c)))
}

/// `.unshift(value...)` of a shared collection.
fn unshift_shared(c: &Arc<SharedCollection>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    c.splice(0, 0, args.values)?;
    Ok(Value::SharedCollection(Arc::clone(c)))
}

/// The numbers of the collection (or of a property path of its objects).
fn numbers(c: &CollectionRef, args: &Args<'_>) -> Result<Vec<f64>, RuntimeError> {
    let path = if args.is_empty() { None } else { Some(args.text(0)?.to_string()) };
    Ok(c.borrow()
        .iter()
        .filter_map(|v| match &path {
            Some(path) => property(v, path),
            None => Some(v.clone()),
        })
        .filter_map(|v| v.as_number())
        .collect())
}

/// The value at a dotted property path of an object element.
fn property(value: &Value, path: &str) -> Option<Value> {
    let mut current = value.clone();
    for part in path.split('.') {
        current = crate::runtime::access::own_property(&current, part)?;
    }
    Some(current)
}

/// `.sum({path})`: the sum of the numbers; 0 if none.
fn sum(_: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Real(numbers(c, args)?.iter().sum()))
}

/// `.average({path})`: undefined if there are no numbers.
fn average(_: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let n = numbers(c, args)?;
    if n.is_empty() {
        return Ok(Value::Undefined);
    }
    Ok(Value::Real(n.iter().sum::<f64>() / n.len() as f64))
}

/// `.count({path})`: the non-null elements (with a path: those having the property).
fn count(_: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let path = if args.is_empty() { None } else { Some(args.text(0)?.to_string()) };
    let n = c
        .borrow()
        .iter()
        .filter(|v| match &path {
            Some(path) => property(v, path).is_some_and(|p| !matches!(p, Value::Null | Value::Undefined)),
            None => !matches!(v, Value::Null | Value::Undefined),
        })
        .count();
    Ok(Value::Real(n as f64))
}

fn extreme(c: &CollectionRef, args: &Args<'_>, wanted: Ordering) -> Result<Value, RuntimeError> {
    let path = if args.is_empty() { None } else { Some(args.text(0)?.to_string()) };
    let c = c.borrow();
    let values = c.iter().filter_map(|v| match &path {
        Some(path) => property(v, path),
        None => Some(v.clone()),
    });
    let mut best: Option<Value> = None;
    for value in values.filter(|v| !matches!(v, Value::Null | Value::Undefined)) {
        if best.as_ref().is_none_or(|b| compare::order(&value, b) == wanted) {
            best = Some(value);
        }
    }
    Ok(best.unwrap_or_default())
}

/// `.max({path})`.
fn max(_: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    extreme(c, args, Ordering::Greater)
}

/// `.min({path})`.
fn min(_: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    extreme(c, args, Ordering::Less)
}

/// `.clear()`.
fn clear(_: &mut Ctx<'_>, c: &CollectionRef, _: &Args<'_>) -> Result<Value, RuntimeError> {
    c.borrow_mut().clear();
    Ok(Value::Collection(c.clone()))
}

/// `.combine(other {; index})`: inserts the elements of `other`.
fn combine(_: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let Some(other) = args.collection(0)? else { return Ok(Value::Collection(c.clone())) };
    let items: Vec<Value> = other.borrow().clone();
    let mut target = c.borrow_mut();
    let at = if args.len() > 1 { start_index(args.number(1)?, target.len()).min(target.len()) } else { target.len() };
    target.splice(at..at, items);
    drop(target);
    Ok(Value::Collection(c.clone()))
}

/// `.concat(value {; value...})`: a new collection; collections are spread.
fn concat(_: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let mut items = c.borrow().clone();
    for value in args.values {
        match value {
            Value::Collection(other) => items.extend(other.borrow().iter().cloned()),
            other => items.push(stored(other)),
        }
    }
    Ok(Value::new_collection(items))
}

/// `.copy({option {; groupWith}})`: a deep copy, shared with `ck shared`,
/// with pointers replaced by what they point to with `ck resolve pointers`.
fn copy(ctx: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    super::objects::copy_value(ctx, &Value::Collection(c.clone()), args.get(0), (args.len() > 1).then(|| args.get(1)))
}

/// `.fill(value {; start {; end}})`: end excluded.
fn fill(_: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let mut items = c.borrow_mut();
    let len = items.len();
    let from = if args.len() > 1 { start_index(args.number(1)?, len) } else { 0 };
    let to = if args.len() > 2 { start_index(args.number(2)?, len).min(len) } else { len };
    let value = stored(args.get(0));
    for item in items.iter_mut().take(to).skip(from) {
        *item = value.clone();
    }
    drop(items);
    Ok(Value::Collection(c.clone()))
}

/// `.first()`.
fn first(_: &mut Ctx<'_>, c: &CollectionRef, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(c.borrow().first().cloned().unwrap_or_default())
}

/// `.last()`.
fn last(_: &mut Ctx<'_>, c: &CollectionRef, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(c.borrow().last().cloned().unwrap_or_default())
}

fn find_from(c: &CollectionRef, args: &Args<'_>) -> Result<i64, RuntimeError> {
    let items = c.borrow();
    // A missing start reads as 0.
    let from = start_index(args.number(1)?, items.len());
    let wanted = args.get(0);
    Ok(items.iter().enumerate().skip(from).find(|(_, v)| compare::equal(v, wanted)).map_or(-1, |(i, _)| i as i64))
}

/// `.indexOf(value {; start})`: -1 when absent.
fn index_of(_: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Real(find_from(c, args)? as f64))
}

/// `.includes(value {; start})`.
fn includes(_: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Bool(find_from(c, args)? >= 0))
}

/// `.lastIndexOf(value {; start})`: searches backwards from `start`.
fn last_index_of(_: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let items = c.borrow();
    let len = items.len() as i64;
    let from = if args.len() > 1 {
        let n = args.number(1)?.trunc() as i64;
        if n < 0 { n + len } else { n.min(len - 1) }
    } else {
        len - 1
    };
    let wanted = args.get(0);
    let mut i = from;
    while i >= 0 {
        if compare::equal(&items[i as usize], wanted) {
            return Ok(Value::Real(i as f64));
        }
        i -= 1;
    }
    Ok(Value::Real(-1.0))
}

/// `.insert(index; value)`: past the end appends.
fn insert(_: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let mut items = c.borrow_mut();
    let at = start_index(args.number(0)?, items.len()).min(items.len());
    items.insert(at, stored(args.get(1)));
    drop(items);
    Ok(Value::Collection(c.clone()))
}

/// `.join(delimiter {; ck ignore null or empty})`: null shows as `null`.
fn join(_: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let delimiter = args.text(0)?;
    let skip_empty = args.len() > 1 && args.number(1)? != 0.0;
    let parts: Vec<String> = c
        .borrow()
        .iter()
        .filter(|v| {
            !skip_empty
                || !(matches!(v, Value::Null | Value::Undefined)
                    || matches!(v, Value::Text(t) if t.as_str().is_empty()))
        })
        .map(format::string_of)
        .collect();
    Ok(Value::text(parts.join(delimiter)))
}

/// `.pop()`: removes and returns the last element.
fn pop(_: &mut Ctx<'_>, c: &CollectionRef, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(c.borrow_mut().pop().unwrap_or_default())
}

/// `.push(value {; value...})`.
fn push(_: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    c.borrow_mut().extend(args.values.iter().map(stored));
    Ok(Value::Collection(c.clone()))
}

/// `.push(value)`, the value given (stored without a copy).
fn push_one(c: &CollectionRef, value: Value) -> Result<Value, RuntimeError> {
    c.borrow_mut().push(value.stored());
    Ok(Value::Collection(c.clone()))
}

/// `.push(value...)` on a shared collection: appended in place (amortised
/// O(1), as on a standard collection); gives the collection back.
fn push_shared(c: &Arc<SharedCollection>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    c.push(args.values)?;
    Ok(Value::SharedCollection(Arc::clone(c)))
}

/// `.remove(index {; howMany})`.
fn remove(_: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let mut items = c.borrow_mut();
    let len = items.len();
    let at = start_index(args.number(0)?, len).min(len);
    let how_many = if args.len() > 1 { args.number(1)?.trunc().max(0.0) as usize } else { 1 };
    let end = at.saturating_add(how_many).min(len);
    items.drain(at..end);
    drop(items);
    Ok(Value::Collection(c.clone()))
}

/// `.resize(size {; default})`: pads with null or the default.
fn resize(_: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let size = args.number(0)?.trunc().max(0.0);
    if size > MAX_ELEMENTS as f64 {
        return Err(too_many_elements(size));
    }
    let size = size as usize;
    let pad = if args.len() > 1 { stored(args.get(1)) } else { Value::Null };
    c.borrow_mut().resize(size, pad);
    Ok(Value::Collection(c.clone()))
}

/// `.reverse()`: a new collection in reverse order (a deep copy, as documented).
fn reverse(_: &mut Ctx<'_>, c: &CollectionRef, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::new_collection(c.borrow().iter().rev().map(Value::deep_copy).collect()))
}

/// `.shift()`: removes and returns the first element.
fn shift(_: &mut Ctx<'_>, c: &CollectionRef, _: &Args<'_>) -> Result<Value, RuntimeError> {
    let mut items = c.borrow_mut();
    if items.is_empty() {
        return Ok(Value::Undefined);
    }
    Ok(items.remove(0))
}

/// `.slice(start {; end})`: a shallow copy of `start..end`.
fn slice(_: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let items = c.borrow();
    let len = items.len();
    let from = start_index(args.number(0)?, len).min(len);
    let to = if args.len() > 1 { start_index(args.number(1)?, len).min(len) } else { len };
    Ok(Value::new_collection(if to > from { items[from..to].to_vec() } else { Vec::new() }))
}

/// `.sort({ck ascending | ck descending})`: sorts in place by 4D's type order;
/// `.sort(callback {; param...})` sorts by the callback.
fn sort(ctx: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let descending = match args.get(0) {
        Value::Undefined => false,
        value if value.as_number().is_some() && args.len() == 1 => value.as_number() == Some(1.0),
        _ => return callbacks::sort_with(ctx, c, args),
    };
    let mut items = c.borrow_mut();
    if let Some(mut numbers) =
        items.iter().map(|v| if let Value::Real(n) = v { Some(*n) } else { None }).collect::<Option<Vec<f64>>>()
    {
        // Reals only (the usual case: a collection stores its numbers as
        // Reals): sorted as bare numbers, which equal ones cannot tell apart.
        numbers.sort_unstable_by(f64::total_cmp);
        for (item, n) in items.iter_mut().zip(numbers) {
            *item = Value::Real(n);
        }
    } else if items.iter().all(|v| matches!(v, Value::Real(_) | Value::Long(_))) {
        // Numbers only (the usual case): the same order, without the type ranks.
        items.sort_by(|a, b| a.as_number().unwrap_or(0.0).total_cmp(&b.as_number().unwrap_or(0.0)));
    } else {
        items.sort_by(compare::order);
    }
    if descending {
        items.reverse();
    }
    drop(items);
    Ok(Value::Collection(c.clone()))
}

/// `.unshift(value {; value...})`: inserts at the start, keeping the arguments' order.
fn unshift(_: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let values: Vec<Value> = args.values.iter().map(stored).collect();
    c.borrow_mut().splice(0..0, values);
    Ok(Value::Collection(c.clone()))
}

/// The option bits of collection functions.
const CK_KEEP_NULL: i64 = 1;
const CK_DIACRITICAL: i64 = 8;
const CK_COUNT_VALUES: i64 = 32;

/// An option argument as bits (undefined is 0).
fn option_bits(args: &Args<'_>, i: usize) -> Result<i64, RuntimeError> {
    Ok(args.number(i)?.trunc() as i64)
}

/// The value of each element at `path` (the element itself without a path);
/// `None` where an element has no such property.
fn values_at(c: &CollectionRef, path: Option<&str>) -> Vec<Option<Value>> {
    c.borrow()
        .iter()
        .map(|v| match path {
            Some(path) => property(v, path),
            None => Some(v.clone()),
        })
        .collect()
}

/// `.countValues(value {; path})`: how many elements (or values at `path`)
/// equal `value` by the `=` of their type.
fn count_values(_: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let path = if args.len() > 1 { Some(args.text(1)?.to_string()) } else { None };
    let wanted = args.get(0);
    let n = values_at(c, path.as_deref()).into_iter().flatten().filter(|v| compare::equal(v, wanted)).count();
    Ok(Value::Real(n as f64))
}

/// Whether two scalars are the same distinct value: texts at primary strength
/// (`@` is an ordinary character), or exactly with `ck diacritical`; objects
/// and collections are the same instance.
fn same_value(a: &Value, b: &Value, diacritical: bool) -> bool {
    match (a, b) {
        (Value::Text(x), Value::Text(y)) if diacritical => x.as_str() == y.as_str(),
        (Value::Text(x), Value::Text(y)) => text::compare_primary(x.as_str(), y.as_str()) == Ordering::Equal,
        _ => compare::equal(a, b),
    }
}

/// `.distinct({path}{; options})`: the distinct non-null values, sorted as
/// `.sort()` sorts them; with `ck count values`, `[{value; count}...]`.
fn distinct(_: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let (path, options) = match args.get(0) {
        Value::Text(t) => (Some(t.as_str().to_string()), option_bits(args, 1)?),
        _ => (None, option_bits(args, 0)?),
    };
    let diacritical = options & CK_DIACRITICAL != 0;
    let mut values: Vec<Value> = values_at(c, path.as_deref())
        .into_iter()
        .flatten()
        .filter(|v| !matches!(v, Value::Null | Value::Undefined))
        .collect();
    values.sort_by(compare::order);
    // Equal scalars are neighbours once sorted; objects and collections are
    // distinct unless they are the same instance.
    let mut groups: Vec<(Value, usize)> = Vec::new();
    let mut instances: HashSet<*const ()> = HashSet::new();
    for value in values {
        let instance = match &value {
            Value::Object(o) => Some(Rc::as_ptr(o).cast::<()>()),
            Value::Collection(c) => Some(Rc::as_ptr(c).cast::<()>()),
            _ => None,
        };
        let seen = match instance {
            Some(ptr) if !instances.insert(ptr) => groups.iter_mut().find(|(v, _)| compare::equal(v, &value)),
            Some(_) => None,
            None => groups.last_mut().filter(|(last, _)| same_value(last, &value, diacritical)),
        };
        match seen {
            Some(group) => group.1 += 1,
            None => groups.push((value, 1)),
        }
    }
    let items = if options & CK_COUNT_VALUES != 0 {
        groups
            .into_iter()
            .map(|(value, count)| {
                let mut entry = Props::default();
                entry.insert(crate::runtime::value::key("value"), value);
                entry.insert(crate::runtime::value::key("count"), Value::Real(count as f64));
                Value::new_object(entry)
            })
            .collect()
    } else {
        groups.into_iter().map(|(value, _)| value).collect()
    };
    Ok(Value::new_collection(items))
}

/// Deep equality of two values, as `.equal()` compares elements.
fn deep_equal(a: &Value, b: &Value, diacritical: bool, depth: usize) -> Result<bool, RuntimeError> {
    if depth > MAX_DEPTH {
        return Err(super::objects::too_deep());
    }
    Ok(match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            if Rc::ptr_eq(x, y) {
                return Ok(true);
            }
            let (x, y) = (x.borrow(), y.borrow());
            if x.props.len() != y.props.len() {
                return Ok(false);
            }
            for (key, value) in &x.props {
                match y.props.get(key) {
                    Some(other) if deep_equal(value, other, diacritical, depth + 1)? => {}
                    _ => return Ok(false),
                }
            }
            true
        }
        (Value::Collection(x), Value::Collection(y)) => {
            if Rc::ptr_eq(x, y) {
                return Ok(true);
            }
            let (x, y) = (x.borrow(), y.borrow());
            if x.len() != y.len() {
                return Ok(false);
            }
            for (p, q) in x.iter().zip(y.iter()) {
                if !deep_equal(p, q, diacritical, depth + 1)? {
                    return Ok(false);
                }
            }
            true
        }
        (Value::Null, Value::Null) | (Value::Undefined, Value::Undefined) => true,
        (Value::Null | Value::Undefined, _) | (_, Value::Null | Value::Undefined) => false,
        _ => same_value(a, b, diacritical),
    })
}

/// `.equal(collection2 {; ck diacritical})`: a deep comparison; texts ignore case
/// and accents unless `ck diacritical`; objects must have the same property
/// names (case-sensitive, in any order) with equal values.
fn equal(_: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let Some(other) = args.collection(0)? else { return Ok(Value::Bool(false)) };
    let diacritical = option_bits(args, 1)? & CK_DIACRITICAL != 0;
    Ok(Value::Bool(deep_equal(&Value::Collection(c.clone()), &Value::Collection(other), diacritical, 0)?))
}

/// Sets `value` at a dotted `path` of `object`, creating the intermediate objects.
fn set_path(object: &mut Props, path: &str, value: Value) {
    match path.split_once('.') {
        None => {
            object.insert(crate::runtime::value::key(path), value);
        }
        Some((head, rest)) => {
            let child = match object.get(head) {
                Some(Value::Object(o)) => o.clone(),
                _ => {
                    let o = Rc::new(std::cell::RefCell::new(crate::runtime::value::Object::default()));
                    object.insert(crate::runtime::value::key(head), Value::Object(o.clone()));
                    o
                }
            };
            set_path(&mut child.borrow_mut().props, rest, value);
        }
    }
}

/// `.extract(path {; ck keep null})`: the values at `path` (null and missing
/// ones left out unless `ck keep null`); `.extract(path; target {; path2;
/// target2...})`: one object per element, with each value found (null
/// included) set at its target path.
fn extract(_: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    if args.len() == 1 || (args.len() == 2 && args.get(1).as_number().is_some()) {
        let path = args.text(0)?;
        let keep_null = option_bits(args, 1)? & CK_KEEP_NULL != 0;
        let items = values_at(c, Some(path))
            .into_iter()
            .filter_map(|v| match v {
                Some(Value::Null | Value::Undefined) | None => keep_null.then_some(Value::Null),
                Some(v) => Some(v),
            })
            .collect();
        return Ok(Value::new_collection(items));
    }
    if !args.len().is_multiple_of(2) {
        return Err(super::bad_argument(".extract() takes pairs of a property path and a target path"));
    }
    let mut pairs = Vec::new();
    for pair in 0..args.len() / 2 {
        pairs.push((args.text(pair * 2)?.to_string(), args.text(pair * 2 + 1)?.to_string()));
    }
    let items = c
        .borrow()
        .iter()
        .map(|element| {
            let mut props = Props::default();
            for (path, target) in &pairs {
                if let Some(value) = property(element, path) {
                    set_path(&mut props, target, value);
                }
            }
            Value::new_object(props)
        })
        .collect();
    Ok(Value::new_collection(items))
}

/// `.flat({depth})`: nested collections spread into a new one, `depth` levels
/// deep (1 by default).
fn flat(_: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let depth = if args.is_empty() { 1.0 } else { args.number(0)?.trunc() };
    let depth = if depth.is_nan() { 0 } else { depth.clamp(0.0, f64::from(u32::MAX)) as u64 };
    let mut out = Vec::new();
    flatten_into(&mut out, &c.borrow(), depth, 0)?;
    Ok(Value::new_collection(out))
}

fn flatten_into(out: &mut Vec<Value>, items: &[Value], depth: u64, level: usize) -> Result<(), RuntimeError> {
    if level > MAX_DEPTH {
        return Err(super::objects::too_deep());
    }
    for item in items {
        match item {
            Value::Collection(inner) if depth > 0 => flatten_into(out, &inner.borrow(), depth - 1, level + 1)?,
            other => out.push(other.clone()),
        }
    }
    Ok(())
}

/// One sort criterion of `.orderBy()`: a property path (none for the elements
/// themselves) and a direction.
struct Criterion {
    path: Option<String>,
    descending: bool,
}

/// The criteria of `"path1 {asc|desc}, path2 {asc|desc}..."`.
fn criteria_of_text(text: &str) -> Result<Vec<Criterion>, RuntimeError> {
    if text.trim().is_empty() {
        return Ok(vec![Criterion { path: None, descending: false }]);
    }
    let mut criteria = Vec::new();
    for part in text.split(',') {
        let words: Vec<&str> = part.split_whitespace().collect();
        let (path, descending) = match words[..] {
            [path] => (path, false),
            [path, order] if order.eq_ignore_ascii_case("asc") => (path, false),
            [path, order] if order.eq_ignore_ascii_case("desc") => (path, true),
            _ => {
                return Err(super::bad_argument(&format!(
                    ".orderBy(): `{}` is not a property path followed by an optional asc or desc",
                    part.trim()
                )));
            }
        };
        criteria.push(Criterion { path: Some(path.to_string()), descending });
    }
    Ok(criteria)
}

/// The criteria of a collection of `{propertyPath; descending}` objects.
fn criteria_of_objects(c: &CollectionRef) -> Result<Vec<Criterion>, RuntimeError> {
    let mut criteria = Vec::new();
    for item in c.borrow().iter() {
        let Value::Object(o) = item else {
            return Err(super::bad_argument(".orderBy() criteria must be objects {propertyPath; descending}"));
        };
        let o = o.borrow();
        let Some(Value::Text(path)) = o.props.get("propertyPath") else {
            return Err(super::bad_argument(".orderBy() criteria need a propertyPath text"));
        };
        let descending = matches!(o.props.get("descending"), Some(Value::Bool(true)));
        criteria.push(Criterion { path: Some(path.as_str().to_string()), descending });
    }
    Ok(criteria)
}

/// Compares two elements by the criteria, in turn. An element without the
/// property sorts as null, before all values in ascending order.
fn by_criteria(a: &Value, b: &Value, criteria: &[Criterion]) -> Ordering {
    for criterion in criteria {
        let order = match &criterion.path {
            None => compare::order(a, b),
            Some(path) => {
                compare::order(&property(a, path).unwrap_or_default(), &property(b, path).unwrap_or_default())
            }
        };
        let order = if criterion.descending { order.reverse() } else { order };
        if order != Ordering::Equal {
            return order;
        }
    }
    Ordering::Equal
}

/// `.orderBy()`, `.orderBy(ck ascending | ck descending)`, `.orderBy("path
/// {asc|desc}, ...")`, `.orderBy(criteria)`: a sorted shallow copy. The sort is
/// stable; objects and collections keep their order among themselves.
fn order_by(_: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let criteria = match args.get(0) {
        Value::Undefined => vec![Criterion { path: None, descending: false }],
        Value::Text(t) => criteria_of_text(t.as_str())?,
        Value::Collection(crit) => criteria_of_objects(crit)?,
        value => match value.as_number() {
            Some(n) => vec![Criterion { path: None, descending: n == 1.0 }],
            None => {
                return Err(RuntimeError::new(
                    codes::NOT_SUPPORTED,
                    format!(".orderBy() with {} is not supported by fourd (formulas come later)", value.type_name()),
                ));
            }
        },
    };
    let mut items = c.borrow().clone();
    items.sort_by(|a, b| by_criteria(a, b, &criteria));
    Ok(Value::new_collection(items))
}
