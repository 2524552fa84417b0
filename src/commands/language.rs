//! Commands of the "Language" theme: `True`, `False`, `Null`, `Not`, `Bool`,
//! `Undefined`, `Value type`, `Count parameters`, `Current method name`.

use super::{Args, Ctx};
use crate::runtime::error::RuntimeError;
use crate::runtime::value::Value;

/// `True` (214).
pub(crate) fn true_(_: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Bool(true))
}

/// `False` (215).
pub(crate) fn false_(_: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Bool(false))
}

/// `Null` (1517).
pub(crate) fn null(_: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Null)
}

/// `Not(boolean)` (34).
pub(crate) fn not(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    match args.get(0) {
        Value::Bool(b) => Ok(Value::Bool(!b)),
        Value::Undefined => Ok(Value::Bool(true)),
        other => Err(super::bad_argument(&format!("Not expects a Boolean, not {}", other.type_name()))),
    }
}

/// `Bool(expression)` (1537): only True and non-zero numbers are True.
pub(crate) fn bool(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Bool(match args.get(0) {
        Value::Bool(b) => *b,
        Value::Real(n) => *n != 0.0,
        Value::Long(n) => *n != 0,
        _ => false,
    }))
}

/// `Undefined(expression)` (82).
pub(crate) fn undefined(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Bool(matches!(args.get(0), Value::Undefined)))
}

/// `Value type(expression)` (1509). In interpreted 4D every number is a Real.
pub(crate) fn value_type(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let code = match args.get(0) {
        Value::Long(_) => 1,
        other => other.value_type(),
    };
    Ok(Value::Real(f64::from(code)))
}

/// `Count parameters` (259).
pub(crate) fn count_parameters(ctx: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Real(ctx.host.count_parameters() as f64))
}

/// `Current method name` (684).
pub(crate) fn current_method_name(ctx: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::text(ctx.host.current_method_name()))
}
