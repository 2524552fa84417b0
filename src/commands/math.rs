//! Commands of the "Math" theme.

use super::{Args, Ctx};
use crate::runtime::error::RuntimeError;
use crate::runtime::value::Value;

/// `Abs(number)` (99).
pub(crate) fn abs(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Real(args.number(0)?.abs()))
}

/// `Int(number)` (8): the integer part, toward minus infinity.
pub(crate) fn int(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Real(args.number(0)?.floor()))
}

/// `Dec(number)` (9): the decimal part, with the number's sign (`Dec(-1.5)` is -0.5).
pub(crate) fn dec(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let n = args.number(0)?;
    Ok(Value::Real(n - n.trunc()))
}

/// `Round(number; places)` (94): halves away from zero; negative places round left of the point.
pub(crate) fn round(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Real(at_places(args.number(0)?, args.number(1)?, f64::round)))
}

/// `Trunc(number; places)` (95): toward minus infinity.
pub(crate) fn trunc(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Real(at_places(args.number(0)?, args.number(1)?, f64::floor)))
}

/// `n` rounded by `to_whole` at `places` decimal places (negative: to tens,
/// hundreds...). The scaled value is first rounded at 13 significant digits,
/// so that 16.855 * 100 rounds as written. Places beyond what a Real holds
/// leave `n` as it is; places so far left that every digit is gone give 0.
fn at_places(n: f64, places: f64, to_whole: fn(f64) -> f64) -> f64 {
    let places = places.trunc().clamp(-400.0, 400.0) as i32;
    let factor = 10f64.powi(places);
    if factor == 0.0 {
        return 0.0;
    }
    let scaled = n * factor;
    if !scaled.is_finite() || !factor.is_finite() {
        return n;
    }
    let scaled: f64 = format!("{scaled:.12e}").parse().unwrap_or(scaled);
    to_whole(scaled) / factor
}

/// `Mod(a; b)` (98): the remainder of integer division; reals are rounded first.
pub(crate) fn mod_(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let (a, b) = (args.number(0)?.round(), args.number(1)?.round());
    if b == 0.0 {
        return Err(RuntimeError::new(crate::runtime::error::codes::DIVISION_BY_ZERO, "division by zero in Mod"));
    }
    Ok(Value::Real(a % b))
}

/// `Square root(number)` (539).
pub(crate) fn square_root(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Real(args.number(0)?.sqrt()))
}

/// `Exp(number)` (21).
pub(crate) fn exp(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Real(args.number(0)?.exp()))
}

/// `Log(number)` (22): the natural logarithm.
pub(crate) fn log(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Real(args.number(0)?.ln()))
}

/// `Sin(number)` (17), in radians.
pub(crate) fn sin(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Real(args.number(0)?.sin()))
}

/// `Cos(number)` (18), in radians.
pub(crate) fn cos(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Real(args.number(0)?.cos()))
}

/// `Tan(number)` (19), in radians.
pub(crate) fn tan(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Real(args.number(0)?.tan()))
}

/// `Arctan(number)` (20): the angle of a tangent, in radians.
pub(crate) fn arctan(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Real(args.number(0)?.atan()))
}

thread_local! {
    /// The state of this thread's generator (xorshift64*), seeded once from
    /// the standard library's per-process random hash keys and the clock.
    static RANDOM_STATE: std::cell::Cell<u64> = std::cell::Cell::new(random_seed());
}

fn random_seed() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    hasher.write_u128(now);
    hasher.finish() | 1
}

/// `Random` (100): an integer from 0 to 32767.
pub(crate) fn random(_: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    let n = RANDOM_STATE.with(|state| {
        let mut x = state.get();
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        state.set(x);
        x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 49
    });
    Ok(Value::Real(n as f64))
}
