//! The collection functions that run a callback on the elements: `every`,
//! `some`, `find`, `findIndex`, `filter`, `map`, `flatMap`, `reduce`,
//! `reduceRight`, `sort` with a callback, `orderByMethod` and `multiSort`.
//!
//! A callback is a formula object or the name of a project method. It gets a
//! fresh object in `$1` (`value`, and `value2` for comparisons or
//! `accumulator` for reductions) and the extra arguments of the function in
//! `$2`, `$3`... Its answer is the value it returns, or, when it returns
//! nothing (a method that sets `$1.result`), `$1.result`; for reductions, the
//! returned value or else `$1.accumulator`. Setting `$1.stop` to True ends the
//! walk after the current element. Only the Boolean True counts as true.
//!
//! The walk visits the indexes that existed when it started, reading each
//! element afresh, so a callback that changes the collection cannot make it
//! loop forever or read past the end. Sorts are stable merge sorts that ask
//! the callback "is a less than b?" and accept any answer without panicking.
//!
//! The `$1` of a call is made anew only when the callback kept the previous
//! one (stored it somewhere): otherwise nothing else can reach it, and its
//! allocation is filled again, so that it looks fresh all the same.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::{start_index, stored};
use crate::commands::{Args, Ctx};
use crate::runtime::compare;
use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::props::Layout;
use crate::runtime::value::{CollectionRef, Object, ObjectRef, Props, Value, key};

/// A callback argument and the extra arguments that follow it.
struct Callback<'a> {
    function: &'a Value,
    extra: &'a [Value],
    /// The `$1` of the last call, filled again by the next one if nothing
    /// else holds it by then.
    spare: Cell<Option<ObjectRef>>,
    /// The layout of `$1` for the names of the last call (they rarely change).
    layout: RefCell<Option<Layout>>,
    /// Names found to be those of `layout`: the same static texts again are
    /// known to be them by their addresses.
    names: RefCell<Vec<&'static str>>,
}

/// What one call of the callback answered.
struct Answer {
    /// The returned value, or `$1.result` when nothing was returned.
    result: Value,
    /// Whether the callback returned a value.
    returned: bool,
    /// Whether `$1.stop` was set to True.
    stop: bool,
    /// The `$1` object, as the callback left it.
    param: ObjectRef,
}

impl<'a> Callback<'a> {
    /// The callback at argument `i`, followed by the extra arguments from `extra_from`.
    fn at(args: &'a Args<'_>, i: usize, extra_from: usize) -> Result<Callback<'a>, RuntimeError> {
        let function = args.get(i);
        let valid = match function {
            Value::Object(o) => o.borrow().code.is_some(),
            Value::Text(_) => true,
            _ => false,
        };
        if !valid {
            return Err(RuntimeError::new(
                codes::BAD_ARGUMENTS,
                format!(
                    "argument {} must be a formula or the name of a project method, not {}",
                    i + 1,
                    if matches!(function, Value::Object(_)) {
                        "an object that is not a formula"
                    } else {
                        function.type_name()
                    }
                ),
            ));
        }
        Ok(Callback {
            function,
            extra: args.values.get(extra_from..).unwrap_or(&[]),
            spare: Cell::new(None),
            layout: RefCell::new(None),
            names: RefCell::new(Vec::new()),
        })
    }

    /// Calls the callback with `$1` holding `props`.
    fn call(&self, ctx: &mut Ctx<'_>, props: &[(&'static str, Value)]) -> Result<Answer, RuntimeError> {
        let param = self.param(props)?;
        self.spare.set(Some(Rc::clone(&param)));
        let first = Value::Object(param.clone());
        let returned = if self.extra.is_empty() {
            ctx.host.call_with(self.function, &Value::Undefined, std::slice::from_ref(&first))
        } else {
            let mut args = Vec::with_capacity(1 + self.extra.len());
            args.push(first.clone());
            args.extend(self.extra.iter().cloned());
            ctx.host.call_with(self.function, &Value::Undefined, &args)
        };
        drop(first);
        let returned = returned?;
        let gave = !matches!(returned, Value::Undefined);
        let (result, stop) = {
            let p = param.borrow();
            // `$1` still has the names it was given: neither `result` nor
            // `stop` was set.
            let untouched = self.layout.borrow().as_ref().is_some_and(|layout| p.props.has_layout(layout));
            let stop = !untouched && matches!(p.props.get("stop"), Some(Value::Bool(true)));
            match returned {
                Value::Undefined if untouched => (Value::Undefined, stop),
                Value::Undefined => (p.props.get("result").cloned().unwrap_or_default(), stop),
                other => (other, stop),
            }
        };
        Ok(Answer { result, returned: gave, stop, param })
    }

    /// The `$1` of a call, holding `props`: the last one filled again when
    /// nothing else holds it (its values written in place when it still has
    /// the same names), or a new object.
    fn param(&self, props: &[(&'static str, Value)]) -> Result<ObjectRef, RuntimeError> {
        if let Some(spare) = self.spare.take()
            && Rc::strong_count(&spare) == 1
            && Rc::weak_count(&spare) == 0
        {
            {
                let mut o = spare.borrow_mut();
                let kept = self.layout.borrow();
                match kept.as_ref() {
                    Some(layout)
                        if o.code.is_none()
                            && o.class.is_none()
                            && o.props.has_layout(layout)
                            && self.same_names(layout, props) =>
                    {
                        for (i, (_, value)) in props.iter().enumerate() {
                            if let Some(slot) = o.props.value_at_mut(i) {
                                *slot = value.clone();
                            }
                        }
                    }
                    _ => {
                        drop(kept);
                        *o = Object { props: self.props(props), ..Object::default() };
                    }
                }
            }
            return Ok(spare);
        }
        match Value::new_object(self.props(props)) {
            Value::Object(param) => Ok(param),
            _ => Err(RuntimeError::new(codes::NOT_AN_OBJECT, "internal: the callback parameter is not an object")),
        }
    }

    /// Whether `props` has the names of `layout`, the kept one.
    fn same_names(&self, layout: &Layout, props: &[(&'static str, Value)]) -> bool {
        let mut names = self.names.borrow_mut();
        if names.len() == props.len() && names.iter().zip(props).all(|(a, (b, _))| std::ptr::eq(*a, *b)) {
            return true;
        }
        if layout.len() == props.len() && layout.has_names(props.iter().map(|(k, _)| *k)) {
            names.clear();
            names.extend(props.iter().map(|(k, _)| *k));
            return true;
        }
        false
    }

    /// The properties of `$1`, with the layout kept for their names.
    fn props(&self, props: &[(&str, Value)]) -> Props {
        let mut kept = self.layout.borrow_mut();
        let layout = match &*kept {
            Some(layout) if layout.has_names(props.iter().map(|(k, _)| *k)) => layout,
            _ => {
                self.names.borrow_mut().clear();
                kept.insert(Layout::new(props.iter().map(|(k, _)| *k)))
            }
        };
        if layout.len() == props.len() {
            return Props::from_layout(layout, props.iter().map(|(_, v)| v.clone()).collect());
        }
        props.iter().map(|(k, v)| (key(k), v.clone())).collect()
    }

    /// Whether the callback says `a` comes before `b`.
    fn less(&self, ctx: &mut Ctx<'_>, a: &Value, b: &Value) -> Result<bool, RuntimeError> {
        Ok(is_true(&self.call(ctx, &[("value", a.clone()), ("value2", b.clone())])?.result))
    }
}

fn is_true(value: &Value) -> bool {
    matches!(value, Value::Bool(true))
}

/// The element at `i`, if the collection still has one there.
fn element(c: &CollectionRef, i: usize) -> Option<Value> {
    c.borrow().get(i).cloned()
}

/// For `every`, `some`, `find` and `findIndex`: the optional start index
/// before the callback. Returns the first index to visit (maybe past the end)
/// and the index of the callback argument.
fn start_and_callback(c: &CollectionRef, args: &Args<'_>) -> Result<(usize, usize), RuntimeError> {
    let len = c.borrow().len();
    match args.get(0) {
        Value::Real(_) | Value::Long(_) => Ok((start_index(args.number(0)?, len), 1)),
        _ => Ok((0, 0)),
    }
}

/// Visits the elements from `from` to the end (as it was at the start) until
/// `visit` says to stop; `visit` gets the index, the element and the answer.
fn walk(
    ctx: &mut Ctx<'_>,
    c: &CollectionRef,
    from: usize,
    callback: &Callback<'_>,
    mut visit: impl FnMut(usize, Value, Answer) -> bool,
) -> Result<(), RuntimeError> {
    let len = c.borrow().len();
    for i in from..len {
        let Some(value) = element(c, i) else { break };
        let answer = callback.call(ctx, &[("value", value.clone())])?;
        let stop = answer.stop;
        if !visit(i, value, answer) || stop {
            break;
        }
    }
    Ok(())
}

/// `.every({startFrom;} callback {; param...})`: True when every element
/// from `startFrom` passes; False as soon as one does not, and False when
/// `startFrom` is not before the end (so also on an empty collection).
pub(super) fn every(ctx: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let (from, at) = start_and_callback(c, args)?;
    let callback = Callback::at(args, at, at + 1)?;
    if from >= c.borrow().len() {
        return Ok(Value::Bool(false));
    }
    let mut all = true;
    walk(ctx, c, from, &callback, |_, _, answer| {
        all = is_true(&answer.result);
        all
    })?;
    Ok(Value::Bool(all))
}

/// `.some({startFrom;} callback {; param...})`: True as soon as one element passes.
pub(super) fn some(ctx: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let (from, at) = start_and_callback(c, args)?;
    let callback = Callback::at(args, at, at + 1)?;
    let mut any = false;
    walk(ctx, c, from, &callback, |_, _, answer| {
        any = is_true(&answer.result);
        !any
    })?;
    Ok(Value::Bool(any))
}

/// The index and element of the first element that passes, if any.
fn first_passing(
    ctx: &mut Ctx<'_>,
    c: &CollectionRef,
    args: &Args<'_>,
) -> Result<Option<(usize, Value)>, RuntimeError> {
    let (from, at) = start_and_callback(c, args)?;
    let callback = Callback::at(args, at, at + 1)?;
    let mut found = None;
    walk(ctx, c, from, &callback, |i, value, answer| {
        if is_true(&answer.result) {
            found = Some((i, value));
        }
        found.is_none()
    })?;
    Ok(found)
}

/// `.find({startFrom;} callback {; param...})`: the first element that
/// passes, undefined if none; the search goes left to right even from a
/// negative `startFrom`.
pub(super) fn find(ctx: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(first_passing(ctx, c, args)?.map(|(_, v)| v).unwrap_or_default())
}

/// `.findIndex({startFrom;} callback {; param...})`: the index of the first
/// element that passes, -1 if none.
pub(super) fn find_index(ctx: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Real(first_passing(ctx, c, args)?.map_or(-1.0, |(i, _)| i as f64)))
}

/// `.filter(callback {; param...})`: a new collection (shallow) of the
/// elements that pass.
pub(super) fn filter(ctx: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let callback = Callback::at(args, 0, 1)?;
    let mut kept = Vec::new();
    walk(ctx, c, 0, &callback, |_, value, answer| {
        if is_true(&answer.result) {
            kept.push(value);
        }
        true
    })?;
    Ok(Value::new_collection(kept))
}

/// `.map(callback {; param...})`: a new collection of the callback's results,
/// as long as the original unless the callback stopped early (the result of
/// the call that stopped is kept).
pub(super) fn map(ctx: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let callback = Callback::at(args, 0, 1)?;
    let mut results = Vec::new();
    walk(ctx, c, 0, &callback, |_, _, answer| {
        results.push(stored(&answer.result));
        true
    })?;
    Ok(Value::new_collection(results))
}

/// `.flatMap(callback {; param...})`: `map` then `flat(1)`: a result that is
/// a collection adds its elements, any other result is added itself.
pub(super) fn flat_map(ctx: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let callback = Callback::at(args, 0, 1)?;
    let mut results = Vec::new();
    walk(ctx, c, 0, &callback, |_, _, answer| {
        match &answer.result {
            Value::Collection(items) => results.extend(items.borrow().iter().cloned()),
            other => results.push(stored(other)),
        }
        true
    })?;
    Ok(Value::new_collection(results))
}

/// `.reduce(callback {; initValue {; param...}})` and `.reduceRight(...)`:
/// the accumulator starts as `initValue` (undefined without it); after each
/// call it is the value the callback returned or, if it returned nothing,
/// what it left in `$1.accumulator`.
fn fold(ctx: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>, backwards: bool) -> Result<Value, RuntimeError> {
    let callback = Callback::at(args, 0, 2)?;
    let mut accumulator = args.get(1).clone();
    let len = c.borrow().len();
    for step in 0..len {
        let i = if backwards { len - 1 - step } else { step };
        let Some(value) = element(c, i) else { continue };
        let answer = callback.call(ctx, &[("value", value), ("accumulator", accumulator)])?;
        accumulator = if answer.returned {
            answer.result
        } else {
            answer.param.borrow().props.get("accumulator").cloned().unwrap_or_default()
        };
        if answer.stop {
            break;
        }
    }
    Ok(accumulator)
}

/// `.reduce(callback {; initValue {; param...}})`: left to right.
pub(super) fn reduce(ctx: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    fold(ctx, c, args, false)
}

/// `.reduceRight(callback {; initValue {; param...}})`: right to left.
pub(super) fn reduce_right(ctx: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    fold(ctx, c, args, true)
}

/// A stable merge sort of `items` by a fallible "comes before" test, which
/// may be inconsistent without harm: it is asked whether the right-hand item
/// comes before the left-hand one, and equal items keep their order.
fn merge_sort<T>(
    mut items: Vec<T>,
    before: &mut dyn FnMut(&T, &T) -> Result<bool, RuntimeError>,
) -> Result<Vec<T>, RuntimeError> {
    if items.len() <= 1 {
        return Ok(items);
    }
    let right = items.split_off(items.len() / 2);
    let left = merge_sort(items, before)?;
    let right = merge_sort(right, before)?;
    let mut merged = Vec::with_capacity(left.len() + right.len());
    let mut left = left.into_iter().peekable();
    let mut right = right.into_iter().peekable();
    while let (Some(l), Some(r)) = (left.peek(), right.peek()) {
        let take_right = before(r, l)?;
        let next = if take_right { right.next() } else { left.next() };
        merged.extend(next);
    }
    merged.extend(left);
    merged.extend(right);
    Ok(merged)
}

/// The elements of `c` ordered by the callback (a copy; `c` is not changed).
fn sorted_by_callback(
    ctx: &mut Ctx<'_>,
    c: &CollectionRef,
    callback: &Callback<'_>,
) -> Result<Vec<Value>, RuntimeError> {
    let items: Vec<Value> = c.borrow().clone();
    merge_sort(items, &mut |a, b| callback.less(ctx, a, b))
}

/// `.sort(callback {; param...})`: sorts in place; the callback answers
/// whether `$1.value` comes before `$1.value2`.
pub(super) fn sort_with(ctx: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let callback = Callback::at(args, 0, 1)?;
    let sorted = sorted_by_callback(ctx, c, &callback)?;
    *c.borrow_mut() = sorted;
    Ok(Value::Collection(c.clone()))
}

/// `.orderByMethod(callback {; param...})`: a sorted shallow copy.
pub(super) fn order_by_method(ctx: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let callback = Callback::at(args, 0, 1)?;
    Ok(Value::new_collection(sorted_by_callback(ctx, c, &callback)?))
}

/// One collection given to `multiSort`: sorted along, and maybe a sort level.
struct Synced {
    collection: CollectionRef,
    /// `Some(descending)` when it is a sort level (`{collection; order}`).
    level: Option<bool>,
}

/// `.multiSort()`, `.multiSort(colsToSort)`, `.multiSort(callback; colsToSort
/// {; param...})` (also `.multiSort(callback)`, like `.sort(callback)`; the
/// callback may be a method name too): sorts the collection (by the callback,
/// or ascending in the type order), and every collection of `colsToSort`
/// along with it. A collection in
/// `colsToSort` is only kept in step; an object `{collection; order}` is also
/// a further sort level (`ck ascending` or `ck descending`) for elements the
/// levels before it find equal. The sort is stable; all collections must
/// have the length of the sorted one.
pub(super) fn multi_sort(ctx: &mut Ctx<'_>, c: &CollectionRef, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let (callback, cols_at) = match args.get(0) {
        Value::Collection(_) | Value::Undefined | Value::Null => (None, 0),
        _ => (Some(Callback::at(args, 0, 2)?), 1),
    };
    let main: Vec<Value> = c.borrow().clone();
    let len = main.len();
    let mut synced = Vec::new();
    if let Some(cols) = args.collection(cols_at)? {
        for (n, item) in cols.borrow().iter().enumerate() {
            synced.push(synced_collection(item, n, len)?);
        }
    }
    let levels: Vec<(Vec<Value>, bool)> =
        synced.iter().filter_map(|s| s.level.map(|descending| (s.collection.borrow().clone(), descending))).collect();
    let indexes: Vec<usize> = (0..len).collect();
    let order = merge_sort(indexes, &mut |&a, &b| {
        let first = match &callback {
            Some(callback) => {
                if callback.less(ctx, &main[a], &main[b])? {
                    std::cmp::Ordering::Less
                } else if levels.is_empty() || callback.less(ctx, &main[b], &main[a])? {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            }
            None => compare::order(&main[a], &main[b]),
        };
        let ordering = levels.iter().fold(first, |ordering, (values, descending)| {
            ordering.then_with(|| {
                let o = compare::order(&values[a], &values[b]);
                if *descending { o.reverse() } else { o }
            })
        });
        Ok(ordering.is_lt())
    })?;
    let mut done: Vec<CollectionRef> = Vec::new();
    for target in std::iter::once(c.clone()).chain(synced.into_iter().map(|s| s.collection)) {
        if done.iter().any(|d| Rc::ptr_eq(d, &target)) {
            continue;
        }
        let permuted: Vec<Value> = {
            let items = target.borrow();
            order.iter().filter_map(|&i| items.get(i).cloned()).collect()
        };
        *target.borrow_mut() = permuted;
        done.push(target);
    }
    Ok(Value::Collection(c.clone()))
}

/// Element `n` of `colsToSort`: a collection, or `{collection; order}`.
fn synced_collection(item: &Value, n: usize, len: usize) -> Result<Synced, RuntimeError> {
    let synced = match item {
        Value::Collection(collection) => Synced { collection: collection.clone(), level: Some(false) },
        Value::Object(o) => {
            let o = o.borrow();
            let Some(Value::Collection(collection)) = o.props.get("collection") else {
                return Err(RuntimeError::new(
                    codes::BAD_ARGUMENTS,
                    format!("element {n} of the collections to sort has no `collection` property holding a collection"),
                ));
            };
            let descending = match o.props.get("order") {
                None | Some(Value::Undefined | Value::Null) => false,
                Some(order) => order.as_number() == Some(1.0),
            };
            Synced { collection: collection.clone(), level: Some(descending) }
        }
        other => {
            return Err(RuntimeError::new(
                codes::BAD_ARGUMENTS,
                format!(
                    "element {n} of the collections to sort must be a collection or an object {{collection; order}}, not {}",
                    other.type_name()
                ),
            ));
        }
    };
    let found = synced.collection.borrow().len();
    if found != len {
        return Err(RuntimeError::new(
            codes::BAD_ARGUMENTS,
            format!(
                "the collections to sort must have {len} elements like the sorted collection; element {n} has {found}"
            ),
        ));
    }
    Ok(synced)
}
