//! Output commands: `ALERT` and `LOG EVENT`. In a terminal an alert is a line
//! on standard output (tool4d answers alerts by itself and only logs them).

use super::{Args, Ctx};
use crate::runtime::error::RuntimeError;
use crate::runtime::format;
use crate::runtime::value::Value;

/// `ALERT(message {; ok button title})` (41): the message and a newline on standard output.
pub(crate) fn alert(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let mut line = args.text(0)?.to_string();
    line.push('\n');
    ctx.out().stdout(&line);
    Ok(Value::Undefined)
}

/// `LOG EVENT({output type; } message {; importance})` (667). `Into system
/// standard outputs` (6) writes the message as it is: to standard error for
/// `Error message` (2), else to standard output. Other destinations (the
/// Windows event log, 4D's own logs) do not exist here and get nothing.
pub(crate) fn log_event(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let (output_type, message, importance) = match args.get(0) {
        Value::Text(_) => (0.0, args.get(0), args.number(1)?),
        _ => (args.number(0)?, args.get(1), args.number(2)?),
    };
    // 0 the Windows event log, 1 the debug console, 2, 3 and 5 4D's request,
    // commands and diagnostic logs (which fourd does not keep, as 4D keeps
    // them only when enabled); 4 and above 6 are no destination.
    if !matches!(output_type as i64, 0..=3 | 5 | 6) || output_type.fract() != 0.0 {
        return Err(super::bad_argument(&format!("LOG EVENT has no output type {output_type}")));
    }
    if output_type == 6.0 {
        let message = format::string_of(message);
        if importance == 2.0 {
            ctx.out().stderr(&message);
        } else {
            ctx.out().stdout(&message);
        }
    }
    Ok(Value::Undefined)
}
