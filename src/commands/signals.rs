//! Signals: `New signal` and the functions of `4D.Signal` (`.wait()`,
//! `.trigger()`). A signal is a shared object whose `signaled` property is
//! read-only and whose other properties (`description`, and any a process
//! adds to return results) are changed inside `Use`; its state is
//! `runtime::signal::Signal`.

use std::sync::Arc;
use std::time::Duration;

use super::members::{MemberSpec, member};
use super::{Args, Ctx};
use crate::runtime::error::RuntimeError;
use crate::runtime::shared::SharedObject;
use crate::runtime::value::Value;

/// `New signal({description})` (1641): a new `4D.Signal`, not signaled.
pub(crate) fn new_signal(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let description = if args.is_empty() { "" } else { args.text(0)? };
    Ok(Value::SharedObject(SharedObject::new_signal(description)))
}

/// The functions of a `4D.Signal`.
pub static MEMBERS: &[MemberSpec<Arc<SharedObject>>] =
    &[member("trigger", (0, 0), trigger), member("wait", (0, 1), wait)];

/// `signal.trigger()`: sets `signaled` and wakes the waiting processes;
/// nothing when it is already signaled. Needs no `Use` (documented).
fn trigger(_: &mut Ctx<'_>, signal: &Arc<SharedObject>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    signal.trigger();
    Ok(Value::Undefined)
}

/// `signal.wait({timeout})`: waits until the signal is triggered or
/// `timeout` seconds have passed (forever without one); returns `signaled`.
/// Meanwhile the process's state is `Waiting for internal flag` (documented).
fn wait(ctx: &mut Ctx<'_>, signal: &Arc<SharedObject>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let timeout = if args.is_empty() {
        None
    } else {
        let seconds = args.number(0)?;
        Some(if seconds.is_nan() || seconds <= 0.0 {
            Duration::ZERO
        } else {
            Duration::from_secs_f64(seconds.min(1e9))
        })
    };
    let Some(state) = &signal.signal else { return Ok(Value::Bool(false)) };
    if state.is_signaled() {
        return Ok(Value::Bool(true));
    }
    Ok(Value::Bool(ctx.host.wait_signal(signal, timeout)))
}
