//! Commands of the "Interruptions" theme that deal with errors: `ASSERT`,
//! `Asserted`, `SET ASSERT ENABLED`, `Get assert enabled`, `ON ERR CALL`,
//! `Method called on error`, `throw`, `Last errors`, `ABORT`.

use super::{Args, Ctx};
use crate::runtime::error::{ErrorScope, RuntimeError, codes};
use crate::runtime::format;
use crate::runtime::value::{Props, Value};

/// The failure of `ASSERT`/`Asserted`: "Assert failed: " and the message, or
/// the text of the assertion as written.
fn assert_failure(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<RuntimeError, RuntimeError> {
    let what = if args.len() > 1 { args.text(1)?.to_string() } else { ctx.host.argument_source(0) };
    Ok(RuntimeError::new(codes::ASSERT_FAILED, format!("Assert failed: {what}")))
}

/// `ASSERT(boolean {; message})` (1129).
pub(crate) fn assert(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    if ctx.host.asserts_enabled() && !args.boolean(0)? {
        return Err(assert_failure(ctx, args)?);
    }
    Ok(Value::Undefined)
}

/// `Asserted(boolean {; message})` (1132): `ASSERT` that returns the Boolean.
pub(crate) fn asserted(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let value = args.boolean(0)?;
    if ctx.host.asserts_enabled() && !value {
        return Err(assert_failure(ctx, args)?);
    }
    Ok(Value::Bool(value))
}

/// `SET ASSERT ENABLED(enabled {; *})` (1131): for every process, existing
/// or to come, or with `*` for the calling process only.
pub(crate) fn set_assert_enabled(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let on = args.boolean(0)?;
    ctx.host.set_asserts(on, args.star);
    Ok(Value::Undefined)
}

/// `Get assert enabled` (1130).
pub(crate) fn get_assert_enabled(ctx: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Bool(ctx.host.asserts_enabled()))
}

/// The scope argument of `ON ERR CALL` and `Method called on error`:
/// `ek local` (0, also when omitted), `ek global` (1) or `ek errors from components` (2).
fn scope(args: &Args<'_>, i: usize) -> Result<ErrorScope, RuntimeError> {
    if args.len() <= i {
        return Ok(ErrorScope::Local);
    }
    let n = args.number(i)?;
    ErrorScope::from_number(n).ok_or_else(|| {
        RuntimeError::new(codes::BAD_ARGUMENTS, format!("{n} is not an error handler scope (0, 1 or 2)"))
    })
}

/// `ON ERR CALL(method {; scope})` (155): installs (or with "" removes) the
/// error handler of the calling code's project for `scope`.
pub(crate) fn on_err_call(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let name = args.text(0)?.trim().to_string();
    let scope = scope(args, 1)?;
    ctx.host.set_error_handler(scope, (!name.is_empty()).then_some(name));
    Ok(Value::Undefined)
}

/// `Method called on error({scope})` (704).
pub(crate) fn method_called_on_error(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let scope = scope(args, 0)?;
    Ok(Value::text(ctx.host.error_handler(scope).unwrap_or_default()))
}

/// `throw(code {; description})`, `throw(errorObject)`, `throw` (1805).
pub(crate) fn throw(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    match args.get(0) {
        Value::Undefined if args.is_empty() => {
            // Every current error again, raised when the calling method returns.
            let current = ctx.host.errors().last.clone();
            for mut error in current {
                error.0.recorded = false;
                error.0.offered = false;
                error.0.span = None;
                ctx.host.defer(error);
            }
            Ok(Value::Undefined)
        }
        Value::Object(o) => {
            let object = o.borrow();
            let props = &object.props;
            let code = props.get("errCode").and_then(Value::as_number).unwrap_or(-1.0) as i32;
            let signature = match props.get("componentSignature") {
                Some(Value::Text(t)) if !t.as_str().is_empty() => t.as_str().to_string(),
                _ => String::from("host"),
            };
            let message = match props.get("message") {
                Some(Value::Text(t)) if !t.as_str().is_empty() => fill_placeholders(t.as_str(), props),
                _ => format!("Error code: {code} ({signature})"),
            };
            let deferred = matches!(props.get("deferred"), Some(Value::Bool(true)));
            let mut error = RuntimeError::new(code, message);
            error.0.component = signature;
            error.0.thrown = Some(Value::Object(o.clone()));
            drop(object);
            if deferred {
                ctx.host.defer(error);
                return Ok(Value::Undefined);
            }
            Err(error)
        }
        _ => {
            let code = args.number(0)? as i32;
            let message = if args.len() > 1 { args.text(1)?.to_string() } else { format!("Error code {code}: (host)") };
            let mut error = RuntimeError::new(code, message);
            error.0.component = String::from("host");
            Err(error)
        }
    }
}

/// `{name}` in a thrown message, replaced by that property of the error object.
fn fill_placeholders(message: &str, props: &Props) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) if props.contains_key(&after[..close]) => {
                let value = props.get(&after[..close]).cloned().unwrap_or_default();
                out.push_str(&format::string_of(&value));
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `Last errors` (1799): the current error stack as objects, or Null.
pub(crate) fn last_errors(ctx: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    let errors = &ctx.host.errors().last;
    if errors.is_empty() {
        return Ok(Value::Null);
    }
    let items = errors.iter().map(error_object).collect();
    Ok(Value::new_collection(items))
}

/// `GET LAST ERROR STACK(codes; components; texts)` (1015): the errors of the
/// last error event, in the three arrays (resized to fit, element 0 kept).
pub(crate) fn get_last_error_stack(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let errors: Vec<[Value; 3]> = ctx
        .host
        .errors()
        .last
        .iter()
        .map(|e| {
            [Value::Real(f64::from(e.0.code)), Value::text(e.0.component.clone()), Value::text(e.0.message.clone())]
        })
        .collect();
    for i in 0..3 {
        let array = ctx.array(args, i)?;
        let mut array = array.borrow_mut();
        let ty = array.ty;
        array.items.truncate(1);
        for error in &errors {
            let value = ty.element(error[i].clone()).ok_or_else(|| {
                super::bad_argument(&format!("argument {} is an array of the wrong type for this error stack", i + 1))
            })?;
            array.items.push(value);
        }
    }
    Ok(Value::Undefined)
}

/// An error as `Last errors` shows it: `errCode`, `message`,
/// `componentSignature`, then the other properties of a thrown object.
fn error_object(error: &RuntimeError) -> Value {
    let info = &error.0;
    let mut props = Props::default();
    props.insert(crate::runtime::value::key("errCode"), Value::Real(f64::from(info.code)));
    props.insert(crate::runtime::value::key("message"), Value::text(info.message.clone()));
    props.insert(crate::runtime::value::key("componentSignature"), Value::text(info.component.clone()));
    if let Some(Value::Object(thrown)) = &info.thrown {
        for (key, value) in &thrown.borrow().props {
            if !props.contains_key(key) {
                props.insert(key.clone(), value.clone());
            }
        }
    }
    Value::new_object(props)
}

/// `ABORT` (156): stops the running code as an uncaught error would, without
/// reporting anything. Called in an `ON ERR CALL` handler, it stops the method
/// that raised the error (documented); anywhere else, the method that calls it.
/// Either way the process's method ends (a worker goes on with its next
/// message); neither `Try` nor a handler stops it.
/// `QUIT 4D{(time)}` (291): the run quits. The calling process stops at
/// once; every other process is aborted; then the project's `On Exit`
/// database method runs, and the run ends. `time` is for 4D Server only
/// (documented) and changes nothing.
pub(crate) fn quit_4d(ctx: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Err(ctx.host.quit())
}

pub(crate) fn abort(_: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Err(RuntimeError::new(codes::ABORTED, "the method was aborted (ABORT)"))
}
