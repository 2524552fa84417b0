//! What the asynchronous classes (`4D.SystemWorker`, `4D.HTTPRequest`)
//! share: the events their threads send back to the process that made the
//! object ([`Event`], plain `Send` data, posted through an [`EventSink`] into
//! that process's box of messages, beside `CALL WORKER`'s), and what the
//! process does with one when it handles it: the object's state changes and
//! its callbacks (`onData`, `onResponse`, `onTerminate`...) run, called on the
//! options object with `(object; event)`.
//!
//! Every object gets an id unique in the run, so that an event whose object
//! is gone (its process ended) finds nothing and is dropped.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use super::http_send::Head;
use crate::runtime::native::native_of;
use crate::runtime::value::Value;

/// What a thread of an asynchronous object tells the process that made it.
#[derive(Debug)]
pub struct Event {
    /// The object's id ([`next_id`]).
    pub object: u64,
    pub kind: EventKind,
}

/// The kinds of events.
#[derive(Debug)]
pub enum EventKind {
    /// Bytes of a program's standard output, or of its standard error.
    Output { error: bool, bytes: Vec<u8> },
    /// The program has ended: its exit code (none when a signal ended it),
    /// all it wrote (bounded), and the error that stopped it, if any.
    Exit { code: Option<i32>, output: Vec<u8>, error_output: Vec<u8>, failure: Option<(i32, String)> },
    /// An HTTP answer's status line and header fields.
    Headers(Head),
    /// A piece of an HTTP answer's body.
    Body(Vec<u8>),
    /// The HTTP exchange is over: the whole body, or why it failed.
    Done(Result<Vec<u8>, (i32, String)>),
    /// `.terminate()` of an HTTP request.
    Aborted,
}

/// Where the threads of an object post its events: the box of the process
/// that made it. `false` when that process is gone (the event is dropped).
pub trait EventSink: Send + Sync {
    fn post(&self, event: Event) -> bool;
}

impl std::fmt::Debug for dyn EventSink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("EventSink")
    }
}

/// The most bytes of data events (`onData`) an object's threads let wait in
/// its process's box: past it they wait for the process to handle some, so
/// that a program (or a server) that writes faster than the process reads
/// waits, as it would on a pipe.
pub const MAX_PENDING: usize = 16 << 20;

/// The bytes of an object's data events not handled yet, shared by its
/// threads and its process.
#[derive(Debug, Default)]
pub struct Flow {
    pending: std::sync::Mutex<(usize, bool)>,
    drained: std::sync::Condvar,
}

impl Flow {
    /// Before a thread posts `n` bytes: waits while too many wait; `false`
    /// when the object is gone (nothing more is posted).
    pub fn reserve(&self, n: usize) -> bool {
        let Ok(mut state) = self.pending.lock() else { return false };
        while state.0 > MAX_PENDING && !state.1 {
            match self.drained.wait(state) {
                Ok(next) => state = next,
                Err(_) => return false,
            }
        }
        if state.1 {
            return false;
        }
        state.0 += n;
        true
    }

    /// The process has handled `n` bytes.
    pub fn release(&self, n: usize) {
        if let Ok(mut state) = self.pending.lock() {
            state.0 = state.0.saturating_sub(n);
            self.drained.notify_all();
        }
    }

    /// The object is gone: its threads post nothing more.
    pub fn close(&self) {
        if let Ok(mut state) = self.pending.lock() {
            state.1 = true;
            self.drained.notify_all();
        }
    }
}

/// A new id for an asynchronous object.
pub fn next_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// What handling an event asks of the process: the callbacks to run, each a
/// function name of the options object and its event object, and whether
/// the object is done (after those callbacks).
#[derive(Default)]
pub struct Applied {
    pub callbacks: Vec<(&'static str, Value)>,
    pub last: bool,
}

/// The side of an asynchronous object that its process drives.
pub trait Asynchronous {
    /// The object's id.
    fn id(&self) -> u64;
    /// The options object given to `new()`, which holds the callbacks.
    fn options(&self) -> Value;
    /// Takes the event into the object's state.
    fn apply(&self, kind: EventKind) -> Applied;
    /// After the callbacks of the last event.
    fn finish(&self);
    /// Whether `.wait()` is over: the object is done.
    fn wait_over(&self) -> bool;
}

/// The [`Asynchronous`] behind a native object's state.
pub fn as_asynchronous(any: &dyn std::any::Any) -> Option<&dyn Asynchronous> {
    if let Some(worker) = any.downcast_ref::<super::system_worker::SystemWorker>() {
        return Some(worker);
    }
    any.downcast_ref::<super::http_request::HttpRequest>().map(|r| r as &dyn Asynchronous)
}

/// Runs `body` on the asynchronous side of `object`; `None` when it is not one.
pub fn with<T>(object: &Value, body: impl FnOnce(&dyn Asynchronous) -> T) -> Option<T> {
    let state = native_of(object)?;
    let asynchronous = as_asynchronous(state.as_any())?;
    Some(body(asynchronous))
}

/// An event object given to a callback: `{type}` or `{type; data}`.
pub fn event_object(kind: &str, data: Option<Value>) -> Value {
    let mut props = crate::runtime::value::Props::default();
    props.insert(crate::runtime::value::key("type"), Value::text(kind));
    if let Some(data) = data {
        props.insert(crate::runtime::value::key("data"), data);
    }
    Value::new_object(props)
}

/// A timeout in seconds, as `wait()` and the `timeout` options take it:
/// `None` for none; 0 or less waits not at all.
pub fn seconds(value: f64) -> Duration {
    if value.is_nan() || value <= 0.0 { Duration::ZERO } else { Duration::from_secs_f64(value.min(1e9)) }
}

/// An element of an `errors` collection: `{<code_name>; message; componentSignature}`.
pub fn error_object(code_name: &str, code: i32, message: &str) -> Value {
    let mut props = crate::runtime::value::Props::default();
    props.insert(crate::runtime::value::key(code_name), Value::Real(f64::from(code)));
    props.insert(crate::runtime::value::key("message"), Value::text(message));
    props.insert(crate::runtime::value::key("componentSignature"), Value::text("fourd"));
    Value::new_object(props)
}
