//! 4D's binary operators on values: arithmetic, concatenation, comparison,
//! logical and bitwise operators, date and time arithmetic. `&&` and `||`
//! short-circuit and are handled by the evaluator, not here.

use std::cmp::Ordering;
use std::rc::Rc;

use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::picture::Picture;
use crate::runtime::text;
use crate::runtime::types::{MAX_TEXT_BYTES, text_too_long};
use crate::runtime::value::{Date, Value};
use crate::syntax::ast::BinOp;

/// Two reals are equal when they differ by less than this (4D's default).
pub const REAL_EPSILON: f64 = 1e-6;

/// Applies a binary operator (not `&&`/`||`) to two values.
pub fn binary(op: BinOp, a: &Value, b: &Value) -> Result<Value, RuntimeError> {
    use Value::{Bool, Collection, Date as D, Long, Null, Object, Real, Text, Time, Undefined};
    if let (Some(x), Some(y)) = (a.as_number(), b.as_number()) {
        return numbers(op, x, y);
    }
    match (op, a, b) {
        (BinOp::Add, Text(x), Text(y)) => {
            let len = x.as_str().len() + y.as_str().len();
            if len > MAX_TEXT_BYTES {
                return Err(text_too_long(len));
            }
            let mut out = String::with_capacity(len);
            out.push_str(x.as_str());
            out.push_str(y.as_str());
            Ok(Value::text(out))
        }
        (BinOp::Multiply, Text(x), n) if n.as_number().is_some() => {
            let times = n.as_number().unwrap_or(0.0).max(0.0);
            let len = x.as_str().len() as f64 * times;
            if len > MAX_TEXT_BYTES as f64 {
                return Err(text_too_long(len.min(usize::MAX as f64) as usize));
            }
            Ok(Value::text(x.as_str().repeat(times as usize)))
        }
        (BinOp::Equal | BinOp::NotEqual, Text(x), Text(y)) => {
            let equal = match (x.as_str().as_bytes(), y.as_str().as_bytes()) {
                // One ASCII character each (`$t[[$i]]="7"`): no scan, no collator.
                (&[a], &[b]) if a.is_ascii() && b.is_ascii() => text::equal_ascii_chars(a, b),
                _ => text::equal(x.as_str(), y.as_str()),
            };
            Ok(Bool(equal == (op == BinOp::Equal)))
        }
        (BinOp::Less | BinOp::Greater | BinOp::LessEqual | BinOp::GreaterEqual, Text(x), Text(y)) => {
            Ok(Bool(ordered(op, text::compare_with_wildcard(x.as_str(), y.as_str()))))
        }
        (BinOp::Modulo, Text(x), Text(y)) => Ok(Bool(text::keyword_match(x.as_str(), y.as_str()))),
        (BinOp::And, Bool(x), Bool(y)) => Ok(Bool(*x && *y)),
        (BinOp::Or, Bool(x), Bool(y)) => Ok(Bool(*x || *y)),
        (BinOp::Equal | BinOp::NotEqual, Bool(x), Bool(y)) => Ok(Bool((x == y) == (op == BinOp::Equal))),
        // Dates.
        (BinOp::Add | BinOp::Subtract, D(d), n) if n.as_number().is_some() => {
            let days = n.as_number().unwrap_or(0.0) as i64;
            let days = if op == BinOp::Add { days } else { -days };
            Ok(D(if d.is_null() { Date::NULL } else { Date::from_days(d.to_days() + days) }))
        }
        (BinOp::Subtract, D(x), D(y)) => Ok(Real((date_days(*x) - date_days(*y)) as f64)),
        (_, D(x), D(y)) if is_comparison(op) => Ok(Bool(ordered(op, x.cmp(y)))),
        // Times: Time op Time is a Time for + - %, a number otherwise; Time op number is a number.
        (BinOp::Add, Time(x), Time(y)) => Ok(Time(x + y)),
        (BinOp::Subtract, Time(x), Time(y)) => Ok(Time(x - y)),
        (BinOp::Modulo, Time(x), Time(y)) => {
            if *y == 0 {
                return Err(RuntimeError::new(codes::DIVISION_BY_ZERO, "division by zero"));
            }
            Ok(Time(x % y))
        }
        (_, Time(x), Time(y)) if is_comparison(op) => Ok(Bool(ordered(op, x.cmp(y)))),
        (_, Time(x), n) if n.as_number().is_some() => numbers(op, *x as f64, n.as_number().unwrap_or(0.0)),
        (_, Time(x), Time(y)) => numbers(op, *x as f64, *y as f64),
        // An empty picture is a null picture (a Picture variable starts as Null, documented).
        (BinOp::Equal | BinOp::NotEqual, Value::Picture(p), Null)
        | (BinOp::Equal | BinOp::NotEqual, Null, Value::Picture(p)) => Ok(Bool(p.is_empty() == (op == BinOp::Equal))),
        // Null and undefined.
        (BinOp::Equal | BinOp::NotEqual, Null | Undefined, Null | Undefined) => Ok(Bool(op == BinOp::Equal)),
        (BinOp::Equal | BinOp::NotEqual, Null | Undefined, _)
        | (BinOp::Equal | BinOp::NotEqual, _, Null | Undefined) => {
            // Only one side is null or undefined here: never equal.
            Ok(Bool(op == BinOp::NotEqual))
        }
        (_, Undefined, Text(_) | Real(_) | Long(_) | D(_) | Time(_)) if is_ordering(op) => Ok(Bool(false)),
        // Objects and collections compare by reference.
        (BinOp::Equal | BinOp::NotEqual, Value::Pointer(x), Value::Pointer(y)) => {
            Ok(Bool((x == y) == (op == BinOp::Equal)))
        }
        (BinOp::Equal | BinOp::NotEqual, Object(x), Object(y)) => Ok(Bool(Rc::ptr_eq(x, y) == (op == BinOp::Equal))),
        (BinOp::Equal | BinOp::NotEqual, Collection(x), Collection(y)) => {
            Ok(Bool(Rc::ptr_eq(x, y) == (op == BinOp::Equal)))
        }
        (BinOp::Equal | BinOp::NotEqual, Value::SharedObject(x), Value::SharedObject(y)) => {
            Ok(Bool(std::sync::Arc::ptr_eq(x, y) == (op == BinOp::Equal)))
        }
        (BinOp::Equal | BinOp::NotEqual, Value::SharedCollection(x), Value::SharedCollection(y)) => {
            Ok(Bool(std::sync::Arc::ptr_eq(x, y) == (op == BinOp::Equal)))
        }
        (_, Value::Picture(x), y) if matches!(y, Value::Picture(_)) || y.as_number().is_some() => picture(op, x, y),
        // A shared and a standard object are never the same object.
        (
            BinOp::Equal | BinOp::NotEqual,
            Object(_) | Value::SharedObject(_) | Collection(_) | Value::SharedCollection(_),
            Object(_) | Value::SharedObject(_) | Collection(_) | Value::SharedCollection(_),
        ) => Ok(Bool(op == BinOp::NotEqual)),
        _ => Err(RuntimeError::new(
            codes::INCOMPATIBLE_TYPES,
            format!("the operator `{}` cannot be applied to {} and {}", op.as_str(), a.type_name(), b.type_name()),
        )),
    }
}

/// The picture operators (documented): with two pictures, `+` and `/`
/// put the second to the right of or below the first, `&` over it, and `|`
/// gives the mask of `Equal pictures` (the empty picture for pictures of
/// different sizes); with a number, `+` and `-` move the picture
/// horizontally, `/` vertically, `*` scales it, `*+` and `*|` scale its
/// width or height. An empty picture adds nothing to a combination.
fn picture(op: BinOp, x: &Picture, y: &Value) -> Result<Value, RuntimeError> {
    use crate::runtime::picture::{Layer, compose, equal};
    let result = match (op, y) {
        (_, Value::Picture(p)) => {
            let y = p;
            let ((wx, hx), (wy, hy)) = (x.size(), y.size());
            match op {
                BinOp::Add | BinOp::Divide | BinOp::And if x.is_empty() => y.clone(),
                BinOp::Add | BinOp::Divide | BinOp::And if y.is_empty() => x.clone(),
                BinOp::Add => compose(
                    &[Layer::Picture(x.clone(), 0, 0), Layer::Picture(y.clone(), i64::from(wx), 0)],
                    (wx.saturating_add(wy), hx.max(hy)),
                )?,
                BinOp::Divide => compose(
                    &[Layer::Picture(x.clone(), 0, 0), Layer::Picture(y.clone(), 0, i64::from(hx))],
                    (wx.max(wy), hx.saturating_add(hy)),
                )?,
                BinOp::And => compose(
                    &[Layer::Picture(x.clone(), 0, 0), Layer::Picture(y.clone(), 0, 0)],
                    (wx.max(wy), hx.max(hy)),
                )?,
                BinOp::Or => equal(x, y)?.1,
                _ => return Err(picture_operator(op, "Picture")),
            }
        }
        (_, n) => {
            let n = n.as_number().unwrap_or(0.0);
            match op {
                BinOp::Add => x.moved(n, 0.0)?,
                BinOp::Subtract => x.moved(-n, 0.0)?,
                BinOp::Divide => x.moved(0.0, n)?,
                BinOp::Multiply => x.scaled(n, n)?,
                BinOp::ScaleHorizontally => x.scaled(n, 1.0)?,
                BinOp::ScaleVertically => x.scaled(1.0, n)?,
                _ => return Err(picture_operator(op, "a number")),
            }
        }
    };
    Ok(Value::Picture(result))
}

fn picture_operator(op: BinOp, other: &str) -> RuntimeError {
    RuntimeError::new(
        codes::INCOMPATIBLE_TYPES,
        format!("the operator `{}` cannot be applied to a picture and {other}", op.as_str()),
    )
}

/// Days of a date for subtraction; the null date counts as day 0.
fn date_days(d: Date) -> i64 {
    if d.is_null() { 0 } else { d.to_days() }
}

fn is_comparison(op: BinOp) -> bool {
    matches!(op, BinOp::Equal | BinOp::NotEqual) || is_ordering(op)
}

fn is_ordering(op: BinOp) -> bool {
    matches!(op, BinOp::Less | BinOp::Greater | BinOp::LessEqual | BinOp::GreaterEqual)
}

fn ordered(op: BinOp, ordering: Ordering) -> bool {
    match op {
        BinOp::Equal => ordering == Ordering::Equal,
        BinOp::NotEqual => ordering != Ordering::Equal,
        BinOp::Less => ordering == Ordering::Less,
        BinOp::Greater => ordering == Ordering::Greater,
        BinOp::LessEqual => ordering != Ordering::Greater,
        BinOp::GreaterEqual => ordering != Ordering::Less,
        _ => false,
    }
}

/// A number as a 32-bit Longint, as `\`, `%` and the bitwise operators take it.
fn long(n: f64) -> i32 {
    n as i32
}

fn numbers(op: BinOp, x: f64, y: f64) -> Result<Value, RuntimeError> {
    use Value::{Bool, Real};
    Ok(match op {
        BinOp::Add => Real(x + y),
        BinOp::Subtract => Real(x - y),
        BinOp::Multiply => Real(x * y),
        BinOp::Divide => Real(x / y),
        BinOp::Power => Real(x.powf(y)),
        BinOp::IntDivide => {
            if long(y) == 0 {
                return Err(RuntimeError::new(codes::DIVISION_BY_ZERO, "division by zero"));
            }
            Real((f64::from(long(x)) / f64::from(long(y))).floor())
        }
        BinOp::Modulo => {
            if long(y) == 0 {
                return Err(RuntimeError::new(codes::DIVISION_BY_ZERO, "division by zero"));
            }
            Real(f64::from(long(x).wrapping_rem(long(y))))
        }
        BinOp::Equal => Bool((x - y).abs() < REAL_EPSILON),
        BinOp::NotEqual => Bool((x - y).abs() >= REAL_EPSILON),
        BinOp::Less => Bool(x < y),
        BinOp::Greater => Bool(x > y),
        BinOp::LessEqual => Bool(x <= y),
        BinOp::GreaterEqual => Bool(x >= y),
        BinOp::And => Real(f64::from(long(x) & long(y))),
        BinOp::Or => Real(f64::from(long(x) | long(y))),
        BinOp::BitXor => Real(f64::from(long(x) ^ long(y))),
        BinOp::ShiftLeft => Real(f64::from(shift(long(x), long(y), true))),
        BinOp::ShiftRight => Real(f64::from(shift(long(x), long(y), false))),
        BinOp::BitSet => Real(f64::from(bit(long(y)).map_or(long(x), |b| long(x) | b))),
        BinOp::BitClear => Real(f64::from(bit(long(y)).map_or(long(x), |b| long(x) & !b))),
        BinOp::BitTest => Bool(bit(long(y)).is_some_and(|b| long(x) & b != 0)),
        BinOp::ScaleHorizontally | BinOp::ScaleVertically => {
            return Err(RuntimeError::new(
                codes::INCOMPATIBLE_TYPES,
                format!("the operator `{}` applies to a picture and a number", op.as_str()),
            ));
        }
        BinOp::AndThen | BinOp::OrElse => {
            return Err(RuntimeError::new(codes::INCOMPATIBLE_TYPES, "`&&` and `||` are evaluated by the evaluator"));
        }
    })
}

/// Shifts a 32-bit pattern; right shifts fill with zeros; counts past 31 give 0.
fn shift(x: i32, n: i32, left: bool) -> i32 {
    if !(0..=31).contains(&n) {
        return 0;
    }
    let bits = x as u32;
    (if left { bits << n } else { bits >> n }) as i32
}

fn bit(n: i32) -> Option<i32> {
    (0..=31).contains(&n).then(|| (1u32 << n) as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(op: BinOp, x: f64, y: f64) -> f64 {
        binary(op, &Value::Real(x), &Value::Real(y)).ok().and_then(|v| v.as_number()).unwrap_or(f64::NAN)
    }

    #[test]
    fn integer_division_and_modulo() {
        assert_eq!(num(BinOp::IntDivide, 5.0, 2.0), 2.0);
        assert_eq!(num(BinOp::Modulo, 10.5, 2.0), 0.0);
        assert_eq!(num(BinOp::Modulo, 10.0, 3.0), 1.0);
    }

    #[test]
    fn bitwise() {
        assert_eq!(num(BinOp::And, f64::from(0x0000FFFF), f64::from(0xFF00FF00u32 as i32)), f64::from(0x0000FF00));
        assert_eq!(num(BinOp::ShiftRight, f64::from(0x0000FFFF), 8.0), f64::from(0xFF));
        assert_eq!(num(BinOp::BitSet, 0.0, 16.0), f64::from(0x0001_0000));
    }

    #[test]
    fn time_arithmetic() {
        let t = |s| Value::Time(s);
        assert!(matches!(binary(BinOp::Add, &t(7384), &t(3723)), Ok(Value::Time(11107))));
        assert!(matches!(binary(BinOp::Add, &t(7384), &Value::Real(65.0)), Ok(Value::Real(n)) if n == 7449.0));
    }
}
