//! Commands of the "Processes" theme: starting processes, their numbers,
//! names and states, delaying and resuming them, semaphores. Each 4D process
//! is an OS thread of the run (see `eval::processes`).

use super::{Args, Ctx, ProcessInfo};
use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::value::{Pointer, Props, Value, key};

/// `New process(method; stack {; name {; param...}} {; *})` (317): the new
/// process's number; with `*`, that of a running process of the same name
/// if there is one. Objects and collections are passed as copies.
pub(crate) fn new_process(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let method = args.text(0)?.to_string();
    let stack = args.number(1)?;
    let name = if args.len() > 2 { args.text(2)?.to_string() } else { String::new() };
    let params = if args.len() > 3 { &args.values[3..] } else { &[] };
    let number = ctx.host.new_process(&method, stack, &name, params, args.star, false)?;
    Ok(Value::Long(number))
}

/// `Execute on server(method; stack {; name {; param...}} {; *})` (373): as
/// `New process`, in the stored-procedures session (fourd is its own server).
pub(crate) fn execute_on_server(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let method = args.text(0)?.to_string();
    let stack = args.number(1)?;
    let name = if args.len() > 2 { args.text(2)?.to_string() } else { String::new() };
    let params = if args.len() > 3 { &args.values[3..] } else { &[] };
    let number = ctx.host.new_process(&method, stack, &name, params, args.star, true)?;
    Ok(Value::Long(number))
}

/// `Current process` (322).
pub(crate) fn current_process(ctx: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Long(ctx.host.current_process().0))
}

/// `Current process name` (1392).
pub(crate) fn current_process_name(ctx: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::text(ctx.host.current_process().1))
}

/// `Process number(name)` (372): 0 when no running process has that name.
pub(crate) fn process_number(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Long(ctx.host.process_number(args.text(0)?)))
}

/// `Process state(number)` (330): `Executing` (0), `Delayed` (1), `Paused`
/// (5), `Aborted` (-1) once ended, `Does not exist` (-100).
pub(crate) fn process_state(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Long(ctx.host.process_state(number(args, 0)?)))
}

/// `DELAY PROCESS(process; ticks)` (323): the process waits `ticks`
/// sixtieths of a second; a delay of another process replaces what is left of it.
pub(crate) fn delay_process(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let process = number(args, 0)?;
    let ticks = args.number(1)?;
    ctx.host.delay_process(process, ticks);
    Ok(Value::Undefined)
}

/// `RESUME PROCESS(process)` (320): ends a delay.
pub(crate) fn resume_process(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    ctx.host.resume_process(number(args, 0)?);
    Ok(Value::Undefined)
}

/// A process number argument.
fn number(args: &Args<'_>, i: usize) -> Result<i32, RuntimeError> {
    let n = args.number(i)?.trunc();
    Ok(if n >= f64::from(i32::MIN) && n <= f64::from(i32::MAX) { n as i32 } else { 0 })
}

/// `CALL WORKER(process; formula | method {; param...})` (1389): posts a
/// message to the worker of that name (started if needed) or number; the
/// worker runs its messages one after the other, in the order they came.
pub(crate) fn call_worker(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    ctx.host.call_worker(args.get(0), args.get(1), &args.values[2..])?;
    Ok(Value::Undefined)
}

/// `KILL WORKER({process})` (1390): the worker drops its waiting messages and
/// ends after the current one; the main process only has its box emptied.
pub(crate) fn kill_worker(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    ctx.host.kill_worker((!args.is_empty()).then(|| args.get(0)))?;
    Ok(Value::Undefined)
}

/// `PAUSE PROCESS(process)` (319): the process stops at its next step until
/// `RESUME PROCESS`; the main process cannot be paused.
pub(crate) fn pause_process(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    ctx.host.pause_process(number(args, 0)?);
    Ok(Value::Undefined)
}

/// `ABORT PROCESS BY ID(id)` (1634): the process stops at its next step (a
/// loop turn or a method call); it is not an error. fourd's process ids are
/// the process numbers.
pub(crate) fn abort_process_by_id(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    ctx.host.abort_process(number(args, 0)?)?;
    Ok(Value::Undefined)
}

/// `Process info(number)` (1843): `number`, `name`, `ID`, `state`, `type`
/// (-1 the main process, 5 a worker, 4 another process), `preemptive`
/// (always True: every process is a thread), `visible`, `creationDateTime`;
/// Null for a number never given.
pub(crate) fn process_info(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let Some(info) = ctx.host.process_info(number(args, 0)?) else { return Ok(Value::Null) };
    Ok(info_object(info))
}

/// The type of a process (`Process info.type`, the origin of `PROCESS
/// PROPERTIES`): `Main process` (-1), `Worker process` (5) or `Other user
/// process` (4).
fn process_type(info: &ProcessInfo) -> f64 {
    if info.number == 1 {
        -1.0
    } else if info.worker {
        5.0
    } else {
        4.0
    }
}

/// `PROCESS PROPERTIES(process; name; state; time {; mode {; uniqueID {;
/// origin}}})` (336): the name, state, processor time in ticks (0 once the
/// process has ended), visibility and preemptive mode (a Boolean variable
/// gets True, visible; a number gets the bits visible 1 and preemptive 2,
/// both set), unique number (the process number) and origin. A number never
/// given leaves the variables as they are (documented).
pub(crate) fn process_properties(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let Some(info) = ctx.host.process_info(number(args, 0)?) else { return Ok(Value::Undefined) };
    let ticks = if info.state == -1 { 0.0 } else { info.cpu_time.map_or(0.0, |seconds| (seconds * 60.0).round()) };
    let origin = process_type(&info);
    let number = f64::from(info.number);
    ctx.host.assign(&args.pointer(1)?, Value::text(info.name))?;
    ctx.host.assign(&args.pointer(2)?, Value::Real(f64::from(info.state)))?;
    ctx.host.assign(&args.pointer(3)?, Value::Real(ticks))?;
    if args.len() > 4 {
        let pointer = args.pointer(4)?;
        let mode = if ctx.host.variable_type(&pointer)? == crate::runtime::types::code::IS_BOOLEAN {
            Value::Bool(true)
        } else {
            Value::Real(3.0)
        };
        ctx.host.assign(&pointer, mode)?;
    }
    if args.len() > 5 {
        ctx.host.assign(&args.pointer(5)?, Value::Real(number))?;
    }
    if args.len() > 6 {
        ctx.host.assign(&args.pointer(6)?, Value::Real(origin))?;
    }
    Ok(Value::Undefined)
}

/// The object `Process info` gives for a process (also in `Process activity`).
pub(crate) fn info_object(info: ProcessInfo) -> Value {
    let kind = process_type(&info);
    let created = jiff::Timestamp::try_from(info.started)
        .map(|t| t.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string())
        .unwrap_or_default();
    let mut props = Props::default();
    props.insert(key("number"), Value::Real(f64::from(info.number)));
    props.insert(key("name"), Value::text(info.name));
    props.insert(key("ID"), Value::Real(f64::from(info.number)));
    props.insert(key("state"), Value::Real(f64::from(info.state)));
    props.insert(key("type"), Value::Real(kind));
    props.insert(key("preemptive"), Value::Bool(true));
    props.insert(key("visible"), Value::Bool(true));
    props.insert(key("creationDateTime"), Value::text(created));
    props.insert(key("sessionID"), Value::text(info.session_id));
    if let Some(id) = info.system_id {
        props.insert(key("systemID"), Value::text(id.to_string()));
    }
    // The share of its life the process spent on a processor, between 0 and 1.
    if let Some(cpu) = info.cpu_time {
        let alive = info.started.elapsed().map_or(0.0, |d| d.as_secs_f64());
        props.insert(key("cpuTime"), Value::Real(cpu));
        props.insert(key("cpuUsage"), Value::Real(if alive > 0.0 { (cpu / alive).clamp(0.0, 1.0) } else { 0.0 }));
    }
    Value::new_object(props)
}

/// `Semaphore(name {; ticks})` (143): False when the running process now
/// holds the semaphore, True when another process holds it (after waiting
/// up to `ticks` sixtieths of a second for it to be cleared).
pub(crate) fn semaphore(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let name = args.text(0)?.to_string();
    let ticks = if args.len() > 1 { args.number(1)? } else { 0.0 };
    Ok(Value::Bool(ctx.host.semaphore(&name, ticks)))
}

/// `CLEAR SEMAPHORE(name)` (144): nothing when another process set it.
pub(crate) fn clear_semaphore(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let name = args.text(0)?.to_string();
    ctx.host.clear_semaphore(&name);
    Ok(Value::Undefined)
}

/// `Test semaphore(name)` (652): whether a process holds it; sets nothing.
pub(crate) fn test_semaphore(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Bool(ctx.host.test_semaphore(args.text(0)?)))
}

/// The pairs of variables after the process number of the commands on the
/// variables of another process.
fn pairs(args: &Args<'_>, command: &str) -> Result<usize, RuntimeError> {
    let rest = args.len().saturating_sub(1);
    if rest == 0 || !rest.is_multiple_of(2) {
        return Err(RuntimeError::new(
            codes::BAD_ARGUMENTS,
            format!("{command} takes a process number followed by pairs of variables"),
        ));
    }
    Ok(rest / 2)
}

/// A process or interprocess variable (or an element of its array), as the
/// commands on the variables of another process want it: not a local.
fn process_variable(args: &Args<'_>, i: usize) -> Result<Pointer, RuntimeError> {
    let pointer = args.pointer(i)?;
    let var = match &pointer {
        Pointer::Element { array, .. } => &**array,
        other => other,
    };
    match var {
        Pointer::Process { .. } | Pointer::Interprocess { .. } => Ok(pointer),
        _ => Err(RuntimeError::new(
            codes::BAD_ARGUMENTS,
            format!(
                "`{}` is a local variable: only process and interprocess variables can be read or written in another process",
                pointer.name()
            ),
        )),
    }
}

/// The process number of the commands on the variables of another process.
fn process_argument(args: &Args<'_>) -> Result<i32, RuntimeError> {
    let n = args.number(0)?;
    Ok(if n.is_finite() { n.trunc().clamp(f64::from(i32::MIN), f64::from(i32::MAX)) as i32 } else { 0 })
}

/// The error of a write in a process that does not run (documented).
fn no_such_process(command: &str, number: i32) -> RuntimeError {
    RuntimeError::new(codes::BAD_ARGUMENTS, format!("{command}: there is no process number {number} running"))
}

/// `GET PROCESS VARIABLE(process; srcVar; dstVar {; srcVar2; dstVar2...})`
/// (371): the values of process (or interprocess) variables of another
/// process, or elements of their arrays, into variables of this one.
/// Nothing happens when the process does not run (documented).
pub(crate) fn get_process_variable(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let count = pairs(args, "GET PROCESS VARIABLE")?;
    let number = process_argument(args)?;
    let sources = (0..count).map(|k| process_variable(args, 1 + 2 * k)).collect::<Result<Vec<_>, _>>()?;
    let destinations = (0..count).map(|k| args.pointer(2 + 2 * k)).collect::<Result<Vec<_>, _>>()?;
    let Some(values) = ctx.host.process_variables(number, &sources)? else { return Ok(Value::Undefined) };
    for (destination, value) in destinations.iter().zip(values) {
        ctx.host.assign(destination, value)?;
    }
    Ok(Value::Undefined)
}

/// `SET PROCESS VARIABLE(process; dstVar; expr {; dstVar2; expr2...})`
/// (370): writes process (or interprocess) variables of another process, or
/// elements of their arrays, with values of this one; not an array as a
/// whole. An error when the process does not run (documented).
pub(crate) fn set_process_variable(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let count = pairs(args, "SET PROCESS VARIABLE")?;
    let number = process_argument(args)?;
    let writes = (0..count)
        .map(|k| Ok((process_variable(args, 1 + 2 * k)?, args.get(2 + 2 * k).clone())))
        .collect::<Result<Vec<_>, RuntimeError>>()?;
    if !ctx.host.set_process_variables(number, writes, false)? {
        return Err(no_such_process("SET PROCESS VARIABLE", number));
    }
    Ok(Value::Undefined)
}

/// `VARIABLE TO VARIABLE(process; dstVar; srcVar {; dstVar2; srcVar2...})`
/// (635): as `SET PROCESS VARIABLE`, from variables of this process (locals
/// too), so that an array may be written as a whole.
pub(crate) fn variable_to_variable(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let count = pairs(args, "VARIABLE TO VARIABLE")?;
    let number = process_argument(args)?;
    let mut writes = Vec::with_capacity(count);
    for k in 0..count {
        let destination = process_variable(args, 1 + 2 * k)?;
        let source = args.pointer(2 + 2 * k)?;
        writes.push((destination, ctx.host.deref(&source)?));
    }
    if !ctx.host.set_process_variables(number, writes, true)? {
        return Err(no_such_process("VARIABLE TO VARIABLE", number));
    }
    Ok(Value::Undefined)
}
