//! Equality and ordering of values as collection functions use them
//! (`indexOf`, `includes`, `sort`, `min`, `max`): the equality operator of the
//! element type (texts ignore case and accents and honour `@`; reals are equal
//! within 1e-6), and 4D's documented order of types for sorting mixed values:
//! null < booleans < texts < numbers < objects < collections < dates.

use std::cmp::Ordering;
use std::rc::Rc;

use super::text;
use super::value::Value;

/// Whether `element` equals `wanted`, by the `=` of their type.
pub fn equal(element: &Value, wanted: &Value) -> bool {
    match (element, wanted) {
        (Value::Text(a), Value::Text(b)) => text::equal(a.as_str(), b.as_str()),
        (Value::Bool(a), Value::Bool(b)) => a == b,
        (Value::Date(a), Value::Date(b)) => a == b,
        (Value::Time(a), Value::Time(b)) => a == b,
        (Value::Object(a), Value::Object(b)) => Rc::ptr_eq(a, b),
        (Value::Collection(a), Value::Collection(b)) => Rc::ptr_eq(a, b),
        (Value::SharedObject(a), Value::SharedObject(b)) => std::sync::Arc::ptr_eq(a, b),
        (Value::SharedCollection(a), Value::SharedCollection(b)) => std::sync::Arc::ptr_eq(a, b),
        (Value::Pointer(a), Value::Pointer(b)) => a == b,
        (Value::Blob(a), Value::Blob(b)) => a == b,
        (Value::Picture(a), Value::Picture(b)) => a == b,
        (Value::Null | Value::Undefined, Value::Null | Value::Undefined) => true,
        (a, b) => match (a.as_number(), b.as_number()) {
            (Some(x), Some(y)) => (x - y).abs() < 1e-6,
            _ => false,
        },
    }
}

/// The rank of a value's type in the sort order of mixed collections.
fn rank(value: &Value) -> u8 {
    match value {
        Value::Undefined | Value::Null => 0,
        Value::Bool(_) => 1,
        Value::Text(_) => 2,
        Value::Real(_) | Value::Long(_) | Value::Time(_) => 3,
        Value::Object(_) | Value::SharedObject(_) => 4,
        Value::Collection(_) | Value::SharedCollection(_) => 5,
        Value::Date(_) => 6,
        Value::Pointer(_) => 7,
        Value::Array(_) => 8,
        Value::Blob(_) => 9,
        Value::Picture(_) => 10,
    }
}

/// The order of `sort()`: by type rank, then by value within a type.
/// Objects and collections keep their order (a stable sort leaves them as they are).
pub fn order(a: &Value, b: &Value) -> Ordering {
    rank(a).cmp(&rank(b)).then_with(|| match (a, b) {
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        (Value::Text(x), Value::Text(y)) => text::compare(x.as_str(), y.as_str()),
        (Value::Date(x), Value::Date(y)) => x.cmp(y),
        (x, y) => match (number(x), number(y)) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            _ => Ordering::Equal,
        },
    })
}

fn number(value: &Value) -> Option<f64> {
    match value {
        Value::Time(t) => Some(*t as f64),
        other => other.as_number(),
    }
}
