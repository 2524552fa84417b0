//! `4D.SystemWorker`: an external program run asynchronously. `new()`
//! starts the program (its command line cut as `LAUNCH EXTERNAL PROCESS`
//! cuts it, with the environment `SET ENVIRONMENT VARIABLE` left) and
//! returns at once; threads of its own write what `.postMessage()` gives to
//! its standard input, read its standard output and error, and wait for its
//! end (killing it after the `timeout` option). What they see comes back as
//! events to the process that made the worker, which runs the callbacks of
//! the options object there (`asynchronous.rs`). `response` and
//! `responseError` keep at most [`MAX_OUTPUT`] bytes each.

use std::cell::{Cell, RefCell};
use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::rc::Rc;
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};

use super::asynchronous::{self, Applied, Asynchronous, Event, EventKind, EventSink, event_object};
use super::external::{MAX_OUTPUT, split_command_line};
use super::members::{MemberSpec, member};
use super::{Args, Ctx};
use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::native::NativeObject;
use crate::runtime::value::Value;

/// fourd's error code for a program that cannot be started (4D documents
/// an error, not its number).
pub const NOT_STARTED: i32 = -10541;
/// fourd's error code for a program stopped after its `timeout`.
pub const TIMED_OUT: i32 = -10542;

/// A `4D.SystemWorker`: what `new()` was given, the running program, and
/// what the process has learnt of it from its events.
#[derive(Debug)]
pub struct SystemWorker {
    id: u64,
    command_line: String,
    current_directory: Value,
    blob: bool,
    encoding: String,
    hide_window: Cell<bool>,
    timeout: Option<f64>,
    pid: u32,
    options: Value,
    child: Arc<shared_child::SharedChild>,
    /// The writer of the program's standard input, until `.closeInput()`.
    input: RefCell<Option<mpsc::Sender<Vec<u8>>>>,
    output: RefCell<Option<Vec<u8>>>,
    error_output: RefCell<Option<Vec<u8>>>,
    exit_code: Cell<Option<i32>>,
    errors: RefCell<Vec<(i32, String)>>,
    /// The program has ended (its exit event was handled).
    terminated: Cell<bool>,
    /// `onTerminate` has run.
    done: Cell<bool>,
    /// `.terminate()` was called.
    stopped: Cell<bool>,
    /// The bytes of `onData` events not handled yet.
    flow: Arc<asynchronous::Flow>,
}

impl Drop for SystemWorker {
    fn drop(&mut self) {
        self.flow.close();
    }
}

/// `4D.SystemWorker.new(commandLine {; options})`: starts the program.
pub(crate) fn new(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let command_line = args.text(0)?.to_string();
    if ctx.host.project_folder().is_none() {
        return Err(RuntimeError::new(codes::NOT_SUPPORTED, "this run gives no access to the machine's programs"));
    }
    let options = match args.get(1) {
        Value::Undefined | Value::Null => Value::Undefined,
        o @ (Value::Object(_) | Value::SharedObject(_)) => o.clone(),
        other => return Err(super::wrong_type(1, "an object", other)),
    };
    let option = |name: &str| crate::runtime::access::member(&options, name).unwrap_or_default();
    let blob = match option("dataType") {
        Value::Undefined => false,
        Value::Text(t) if t.as_str().eq_ignore_ascii_case("text") => false,
        Value::Text(t) if t.as_str().eq_ignore_ascii_case("blob") => true,
        other => {
            return Err(super::bad_argument(&format!("dataType is \"text\" or \"blob\", not {}", describe(&other))));
        }
    };
    let encoding = match option("encoding") {
        Value::Undefined => String::from("UTF-8"),
        Value::Text(t) => t.as_str().to_string(),
        other => return Err(super::wrong_type(1, "an encoding name in encoding", &other)),
    };
    super::charsets::document_charset(&Value::text(encoding.as_str()), 1, false)?;
    let timeout = match option("timeout") {
        Value::Undefined | Value::Null => None,
        Value::Real(n) => Some(n),
        Value::Long(n) => Some(f64::from(n)),
        other => return Err(super::wrong_type(1, "a number of seconds in timeout", &other)),
    };
    let hide_window = match option("hideWindow") {
        Value::Bool(b) => b,
        _ => true,
    };
    let mut variables = Vec::new();
    if let Value::Object(vars) = option("variables") {
        for (name, value) in vars.borrow().props.iter() {
            let text = crate::runtime::format::string_of(value);
            if name.contains(['=', '\0']) || text.contains(['=', '\0']) {
                return Err(super::bad_argument("variables: names and values hold neither \"=\" nor NUL"));
            }
            variables.push((name.to_string(), text));
        }
    }
    let (current_directory, directory) = match option("currentDirectory") {
        Value::Undefined | Value::Null => {
            let here = std::env::current_dir().unwrap_or_default();
            let item = crate::runtime::files::Item {
                folder: true,
                path: crate::runtime::files::posix_of(&here, true),
                native: here.clone(),
            };
            (crate::runtime::files::item_object(item), None)
        }
        value => match crate::runtime::files::item_of_value(&value).filter(|item| item.folder) {
            Some(item) => (value.clone(), Some(item.native.clone())),
            None => return Err(super::bad_argument("currentDirectory is a 4D.Folder")),
        },
    };
    let words = split_command_line(&command_line);
    let Some((program, rest)) = words.split_first() else {
        return Err(RuntimeError::new(NOT_STARTED, "the command line is empty: there is no program to start"));
    };
    let mut command = Command::new(program);
    command.args(rest).envs(&ctx.host.environment().vars).envs(variables);
    if let Some(directory) = &directory {
        command.current_dir(directory);
    }
    command.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let child = shared_child::SharedChild::spawn(&mut command)
        .map_err(|e| RuntimeError::new(NOT_STARTED, format!("the program `{program}` cannot be started: {e}")))?;
    let child = Arc::new(child);
    let id = asynchronous::next_id();
    let (sender, receiver) = mpsc::channel::<Vec<u8>>();
    let worker = Rc::new(SystemWorker {
        id,
        command_line,
        current_directory,
        blob,
        encoding,
        hide_window: Cell::new(hide_window),
        timeout,
        pid: child.id(),
        options: options.clone(),
        child: Arc::clone(&child),
        input: RefCell::new(Some(sender)),
        output: RefCell::new(None),
        error_output: RefCell::new(None),
        exit_code: Cell::new(None),
        errors: RefCell::new(Vec::new()),
        terminated: Cell::new(false),
        done: Cell::new(false),
        stopped: Cell::new(false),
        flow: Arc::new(asynchronous::Flow::default()),
    });
    let object = crate::runtime::native::native_object(worker.clone());
    let sink = match ctx.host.start_async(&object, id) {
        Ok(sink) => sink,
        Err(e) => {
            let _ = child.kill();
            let _ = child.wait();
            return Err(e);
        }
    };
    let utf8 = !blob && worker.encoding.eq_ignore_ascii_case("utf-8");
    let on_data = may_call(&options, "onData").then(|| Arc::clone(&sink));
    let on_data_error = may_call(&options, "onDataError").then(|| Arc::clone(&sink));
    let flow = Arc::clone(&worker.flow);
    start_threads(Threads { id, child, receiver, sink, on_data, on_data_error, utf8, timeout, flow });
    Ok(object)
}

/// What the threads of one worker need.
struct Threads {
    id: u64,
    child: Arc<shared_child::SharedChild>,
    receiver: mpsc::Receiver<Vec<u8>>,
    sink: Arc<dyn EventSink>,
    on_data: Option<Arc<dyn EventSink>>,
    on_data_error: Option<Arc<dyn EventSink>>,
    utf8: bool,
    timeout: Option<f64>,
    flow: Arc<asynchronous::Flow>,
}

/// The writer, the two readers, the waiter and, with a timeout, the watch.
fn start_threads(t: Threads) {
    if let Some(mut stdin) = t.child.take_stdin() {
        let receiver = t.receiver;
        std::thread::spawn(move || {
            // Ends (closing the input) at `.closeInput()` or when the worker is gone.
            for bytes in receiver {
                if stdin.write_all(&bytes).and_then(|()| stdin.flush()).is_err() {
                    break;
                }
            }
        });
    }
    let (id, utf8) = (t.id, t.utf8);
    let (out_flow, err_flow) = (Arc::clone(&t.flow), Arc::clone(&t.flow));
    let out = t.child.take_stdout().map(|s| std::thread::spawn(move || read(s, false, t.on_data, id, utf8, &out_flow)));
    let err =
        t.child.take_stderr().map(|s| std::thread::spawn(move || read(s, true, t.on_data_error, id, utf8, &err_flow)));
    let ended = Arc::new((Mutex::new(false), Condvar::new()));
    let timed_out = Arc::new(std::sync::atomic::AtomicBool::new(false));
    if let Some(seconds) = t.timeout {
        let (child, ended, timed_out) = (Arc::clone(&t.child), Arc::clone(&ended), Arc::clone(&timed_out));
        std::thread::spawn(move || {
            let until = std::time::Instant::now() + asynchronous::seconds(seconds);
            let Ok(mut over) = ended.0.lock() else { return };
            while !*over {
                let now = std::time::Instant::now();
                if now >= until {
                    timed_out.store(true, std::sync::atomic::Ordering::Release);
                    let _ = child.kill();
                    return;
                }
                match ended.1.wait_timeout(over, until - now) {
                    Ok((guard, _)) => over = guard,
                    Err(_) => return,
                }
            }
        });
    }
    let (child, sink) = (t.child, t.sink);
    std::thread::spawn(move || {
        let status = child.wait();
        if let Ok(mut over) = ended.0.lock() {
            *over = true;
            ended.1.notify_all();
        }
        let output = out.and_then(|r| r.join().ok()).unwrap_or_default();
        let error_output = err.and_then(|r| r.join().ok()).unwrap_or_default();
        let failure = if timed_out.load(std::sync::atomic::Ordering::Acquire) {
            Some((
                TIMED_OUT,
                format!("the program was stopped after its timeout of {} seconds", t.timeout.unwrap_or(0.0)),
            ))
        } else {
            status.as_ref().err().map(|e| (NOT_STARTED, format!("the program could not be waited for: {e}")))
        };
        let code = status.ok().and_then(|s| s.code());
        sink.post(Event { object: id, kind: EventKind::Exit { code, output, error_output, failure } });
    });
}

/// Reads a stream to its end, keeping at most [`MAX_OUTPUT`] bytes, and
/// posts each piece read when a callback wants it (UTF-8 pieces cut after
/// whole characters).
fn read(
    mut stream: impl Read,
    error: bool,
    mut sink: Option<Arc<dyn EventSink>>,
    id: u64,
    utf8: bool,
    flow: &asynchronous::Flow,
) -> Vec<u8> {
    let mut kept = Vec::new();
    let mut buffer = vec![0u8; 64 << 10];
    let mut tail = Vec::new();
    loop {
        let n = match stream.read(&mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        let room = MAX_OUTPUT.saturating_sub(kept.len());
        kept.extend_from_slice(&buffer[..n.min(room)]);
        if let Some(to) = &sink {
            let mut piece = std::mem::take(&mut tail);
            piece.extend_from_slice(&buffer[..n]);
            if utf8 {
                tail = piece.split_off(whole_characters(&piece));
            }
            let size = piece.len();
            if size > 0
                && !(flow.reserve(size)
                    && to.post(Event { object: id, kind: EventKind::Output { error, bytes: piece } }))
            {
                sink = None;
            }
        }
    }
    if let Some(to) = &sink
        && !tail.is_empty()
    {
        to.post(Event { object: id, kind: EventKind::Output { error, bytes: tail } });
    }
    kept
}

/// How many bytes of `bytes` end after a whole UTF-8 character (all of them
/// unless they end inside one).
fn whole_characters(bytes: &[u8]) -> usize {
    match std::str::from_utf8(bytes) {
        Err(e) if e.error_len().is_none() => e.valid_up_to(),
        _ => bytes.len(),
    }
}

/// Whether the options object may have the callback `name`: a formula in
/// that property, or an instance of a user class (whose function it may be).
pub(crate) fn may_call(options: &Value, name: &str) -> bool {
    match options {
        Value::Object(o) => {
            let o = o.borrow();
            match o.props.get(name) {
                Some(Value::Object(f)) => f.borrow().code.is_some(),
                Some(_) => false,
                None => matches!(o.class.as_deref(), Some(crate::runtime::class::ClassLink::Instance(_))),
            }
        }
        Value::SharedObject(o) => o.class.is_some() || matches!(o.get(name), Value::Object(_)),
        _ => false,
    }
}

fn describe(value: &Value) -> String {
    match value {
        Value::Text(t) => format!("\"{}\"", t.as_str()),
        other => other.type_name().to_string(),
    }
}

impl SystemWorker {
    /// Bytes as the worker gives them: a text in its encoding, or a `4D.Blob`.
    fn data(&self, bytes: Vec<u8>) -> Value {
        if self.blob {
            return crate::runtime::blob::blob_object(Rc::new(bytes));
        }
        match super::charsets::document_charset(&Value::text(self.encoding.as_str()), 0, false) {
            Ok(charset) => Value::text(charset.decode(&bytes)),
            Err(_) => Value::text(String::from_utf8_lossy(&bytes).into_owned()),
        }
    }

    fn response(&self, bytes: &RefCell<Option<Vec<u8>>>) -> Value {
        self.data(bytes.borrow().clone().unwrap_or_default())
    }
}

impl NativeObject for SystemWorker {
    fn class_name(&self) -> &'static str {
        "SystemWorker"
    }

    fn property(&self, name: &str) -> Value {
        match name {
            "commandLine" => Value::text(self.command_line.as_str()),
            "currentDirectory" => self.current_directory.clone(),
            "dataType" => Value::text(if self.blob { "blob" } else { "text" }),
            "encoding" if !self.blob => Value::text(self.encoding.as_str()),
            "errors" => Value::new_collection(
                self.errors
                    .borrow()
                    .iter()
                    .map(|(code, message)| asynchronous::error_object("errorCode", *code, message))
                    .collect(),
            ),
            "exitCode" => self.exit_code.get().map_or(Value::Undefined, |c| Value::Real(f64::from(c))),
            "hideWindow" => Value::Bool(self.hide_window.get()),
            "pid" => Value::Real(f64::from(self.pid)),
            "response" => self.response(&self.output),
            "responseError" => {
                let bytes = self.error_output.borrow().clone().unwrap_or_default();
                Value::text(String::from_utf8_lossy(&bytes).into_owned())
            }
            "terminated" => Value::Bool(self.terminated.get()),
            "timeout" => self.timeout.map_or(Value::Undefined, Value::Real),
            _ => Value::Undefined,
        }
    }

    fn set_property(&self, name: &str, value: &Value) -> Result<(), RuntimeError> {
        match (name, value) {
            ("hideWindow", Value::Bool(b)) => {
                self.hide_window.set(*b);
                Ok(())
            }
            ("hideWindow", other) => Err(RuntimeError::new(
                codes::INCOMPATIBLE_TYPES,
                format!("hideWindow is a Boolean, not {}", other.type_name()),
            )),
            _ => Err(RuntimeError::new(
                codes::READ_ONLY_PROPERTY,
                format!("the property `{name}` of a 4D.SystemWorker is read-only"),
            )),
        }
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl Asynchronous for SystemWorker {
    fn id(&self) -> u64 {
        self.id
    }

    fn options(&self) -> Value {
        self.options.clone()
    }

    fn apply(&self, kind: EventKind) -> Applied {
        match kind {
            EventKind::Output { error, bytes } => {
                self.flow.release(bytes.len());
                if self.stopped.get() {
                    // Output read before the kill, after `.terminate()`: dropped.
                    return Applied::default();
                }
                let (callback, kind) = if error { ("onDataError", "error") } else { ("onData", "data") };
                let data =
                    if error { Value::text(String::from_utf8_lossy(&bytes).into_owned()) } else { self.data(bytes) };
                Applied { callbacks: vec![(callback, event_object(kind, Some(data)))], last: false }
            }
            EventKind::Exit { code, output, error_output, failure } => {
                *self.output.borrow_mut() = Some(output);
                *self.error_output.borrow_mut() = Some(error_output);
                self.exit_code.set(code);
                self.terminated.set(true);
                self.input.borrow_mut().take();
                let mut callbacks = Vec::new();
                if let Some(failure) = failure {
                    self.errors.borrow_mut().push(failure);
                    callbacks.push(("onError", event_object("error", None)));
                } else if !self.stopped.get() {
                    callbacks.push(("onResponse", event_object("response", None)));
                }
                callbacks.push(("onTerminate", event_object("termination", None)));
                Applied { callbacks, last: true }
            }
            _ => Applied::default(),
        }
    }

    fn finish(&self) {
        self.done.set(true);
    }

    fn wait_over(&self) -> bool {
        self.done.get()
    }
}

/// The functions of a `4D.SystemWorker`.
pub static MEMBERS: &[MemberSpec<Value>] = &[
    member("closeInput", (0, 0), close_input),
    member("postMessage", (1, 1), post_message),
    member("terminate", (0, 0), terminate),
    member("wait", (0, 1), wait),
];

fn state(object: &Value) -> Result<Rc<dyn NativeObject>, RuntimeError> {
    crate::runtime::native::native_of(object)
        .filter(|s| s.as_any().is::<SystemWorker>())
        .ok_or_else(|| RuntimeError::new(codes::NOT_AN_OBJECT, "this is not a 4D.SystemWorker"))
}

fn worker_of(state: &Rc<dyn NativeObject>) -> Result<&SystemWorker, RuntimeError> {
    state
        .as_any()
        .downcast_ref()
        .ok_or_else(|| RuntimeError::new(codes::NOT_AN_OBJECT, "this is not a 4D.SystemWorker"))
}

/// `.wait({timeout})`: handles the process's events (its callbacks run)
/// until `onTerminate` has run (soon after `.terminate()`) or `timeout`
/// seconds have passed; returns the worker.
pub(crate) fn wait(ctx: &mut Ctx<'_>, object: &Value, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let id = worker_of(&state(object)?)?.id;
    let timeout = if args.is_empty() { None } else { Some(asynchronous::seconds(args.number(0)?)) };
    ctx.host.wait_async(id, timeout)?;
    Ok(object.clone())
}

/// `.postMessage(message)`: a text (in the worker's encoding) or a BLOB
/// written to the program's standard input; nothing after `.closeInput()`.
fn post_message(ctx: &mut Ctx<'_>, object: &Value, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let state = state(object)?;
    let worker = worker_of(&state)?;
    let bytes = match args.get(0) {
        Value::Text(t) => {
            let mut charset = super::charsets::document_charset(&Value::text(worker.encoding.as_str()), 0, false)?;
            charset.bom = false;
            charset.encode(t.as_str())
        }
        other => match crate::runtime::blob::scalar_of(other) {
            Some(bytes) => bytes.to_vec(),
            None => return Err(super::wrong_type(0, "a text or a BLOB", other)),
        },
    };
    let _ = ctx;
    if let Some(input) = worker.input.borrow().as_ref() {
        // A program that has stopped reading is no error.
        let _ = input.send(bytes);
    }
    Ok(Value::Undefined)
}

/// `.closeInput()`: closes the program's standard input.
fn close_input(_: &mut Ctx<'_>, object: &Value, _: &Args<'_>) -> Result<Value, RuntimeError> {
    let state = state(object)?;
    worker_of(&state)?.input.borrow_mut().take();
    Ok(Value::Undefined)
}

/// `.terminate()`: kills the program; its end comes as its other ends do,
/// without `onResponse`, and ends the `.wait()` that waits for it.
fn terminate(_: &mut Ctx<'_>, object: &Value, _: &Args<'_>) -> Result<Value, RuntimeError> {
    let state = state(object)?;
    let worker = worker_of(&state)?;
    if !worker.terminated.get() {
        worker.stopped.set(true);
        let _ = worker.child.kill();
    }
    Ok(Value::Undefined)
}

#[cfg(test)]
mod tests {
    use super::whole_characters;

    #[test]
    fn pieces_end_after_whole_characters() {
        assert_eq!(whole_characters("aé".as_bytes()), 3);
        assert_eq!(whole_characters(&"aé".as_bytes()[..2]), 1);
        assert_eq!(whole_characters(b"a\xff"), 2);
    }
}
