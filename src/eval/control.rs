//! The process boundary: what the evaluator of one process may ask of the
//! run and of the other processes. `Methods` gives it the project's code,
//! `Control` the other processes; the process table (`Table`, one
//! `ProcessEntry` a process, with the pause, delay and abort requests it looks
//! at), worker names and messages, and the interprocess variables live here
//! too, so that the walker (`exec`) needs nothing from `processes`, which
//! implements these traits on threads.

use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex};

use super::portable::Portable;
use super::program::MethodCode;
use crate::diag::Span;
use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::value::Value;
use crate::session::{Session, SessionTable};

/// Where the evaluator gets project methods and other run-wide things from.
pub trait Methods {
    /// The resolved code of method `index`, loaded on first use.
    fn code(&mut self, index: usize) -> Result<Arc<MethodCode>, RuntimeError>;
    /// The code of the user class at `index`, loaded and resolved on first use.
    fn class_code(&mut self, index: usize) -> Result<Arc<super::program::ClassCode>, RuntimeError>;
    /// The index of the user class with this name (case-sensitive).
    fn class_index(&mut self, name: &str, context: u16) -> Option<usize>;
    /// The names of the project's classes, sorted.
    fn class_names(&mut self, context: u16) -> Vec<String>;
    /// The names of the project's components (`COMPONENT LIST`).
    fn component_names(&mut self) -> Vec<String>;
    /// The namespaces of the components (`cs.<namespace>`), with their contexts.
    fn namespaces(&mut self) -> Vec<(String, u16)>;
    /// The names of the project's methods (database methods left out), sorted.
    fn method_names(&mut self) -> Vec<String>;
    /// The project's methods, database methods and classes, with their files.
    fn design_objects(&mut self) -> Vec<crate::commands::DesignObject>;
    /// The index of the project method with this name (any case), if there is one.
    fn method_index(&mut self, name: &str, context: u16) -> Option<usize>;
    /// The slot of the process variable with this name (any case), if there is one.
    fn process_var_slot(&mut self, name: &str, context: u16) -> Option<usize>;
    /// The slots of the numeric system variables (`MouseDown`...), with the
    /// value each has in a new process.
    fn system_numbers(&self) -> Vec<(usize, f64)>;
    /// The name of the process variable in `slot`.
    fn process_var_name(&self, slot: usize) -> String;
    /// Resolves formula source text (`Formula from string`).
    fn compile_formula(&mut self, source: &str, context: u16) -> Result<Arc<MethodCode>, RuntimeError>;
    /// Resolves lines of code given as text as the body of a method named
    /// `name` (the code `PROCESS 4D TAGS` makes of a template).
    fn compile_method(&mut self, name: &str, source: &str, context: u16) -> Result<Arc<MethodCode>, RuntimeError>;
    /// Resolves the line of code of `EXECUTE FORMULA`, run in the frame of
    /// the method `method` whose locals are `locals`.
    fn compile_statement(
        &mut self,
        source: &str,
        method: &str,
        locals: &[super::program::LocalInfo],
        context: u16,
    ) -> Result<Vec<super::program::Stmt>, RuntimeError>;
    /// The source text of a span, as written.
    fn snippet(&self, span: Span) -> String;
    /// The line number of a span.
    fn line(&self, span: Span) -> usize;
    /// The text of the line where a span starts, without its end of line.
    fn line_text(&self, span: Span) -> Option<String>;
    /// The `--user-param` value of the run.
    fn user_param(&self) -> String;
    /// The folder of the project, and whether it is a 4D project (`Project/Sources` inside);
    /// `None` when the run gives no access to files (`Run::files_allowed`).
    fn project_folder(&self) -> Option<(std::path::PathBuf, bool)>;
    /// The options of the run's web server.
    fn web_options(&self) -> Arc<crate::commands::web_options::WebOptions>;
    /// The run's XLIFF localization.
    fn localization(&self) -> Arc<crate::commands::localization::Localization>;
}

/// `Process state` values (documented constants).
pub mod state {
    pub const DOES_NOT_EXIST: i32 = -100;
    pub const ABORTED: i32 = -1;
    pub const EXECUTING: i32 = 0;
    pub const DELAYED: i32 = 1;
    pub const WAITING_FOR_INTERNAL_FLAG: i32 = 4;
    pub const PAUSED: i32 = 5;
}

/// The user name of the standalone and stored-procedures sessions: fourd has
/// no users, so it is the name 4D gives the Designer.
pub const STANDALONE_USER: &str = "designer";

/// How many processes may run at once: beyond, `New process` raises an
/// error instead of exhausting the machine (a method that starts itself).
pub const MAX_LIVE_PROCESSES: usize = 4000;

/// One process of the run, as the table knows it.
pub struct ProcessEntry {
    pub number: i32,
    pub name: String,
    /// When the process started, and whether it is a worker's (for `Process info`).
    pub started: std::time::SystemTime,
    pub worker: bool,
    /// The session the process belongs to: a web process takes the session
    /// of each request it serves (and `.restore()` may swap it).
    session: Mutex<Arc<Session>>,
    /// The operating system's id of the process's thread, where the system tells it (Linux).
    thread_id: std::sync::OnceLock<u64>,
    pub(super) state: AtomicI32,
    /// Set when another process paused, delayed or aborted this one: the
    /// process looks at `ctl` at its next loop turn or method call.
    attention: std::sync::atomic::AtomicBool,
    ctl: Mutex<Ctl>,
    wake: Condvar,
    /// What other processes asked of this one's variables (`GET PROCESS
    /// VARIABLE`...), answered at its next step or during its waits.
    requests: Mutex<Requests>,
    /// Set while the process waits somewhere other than `ctl`: wakes that
    /// wait when a request arrives (it locks the wait's mutex, then notifies).
    poke: Mutex<Option<Poke>>,
}

/// How to wake a process that waits, when a request for its variables arrives.
pub type Poke = Box<dyn Fn() + Send + Sync>;

/// The requests waiting for a process's answer.
#[derive(Default)]
struct Requests {
    queue: Vec<VarRequest>,
    /// The process has ended: no request is taken any more.
    closed: bool,
}

/// A process variable of another process that a request names, or one
/// element of the array it holds (`at_Array{3}`).
#[derive(Debug)]
pub struct VarPath {
    pub slot: usize,
    pub name: String,
    pub index: Option<i64>,
}

/// The error of an answer, as `Send` data: its code and message.
pub type AnswerError = (i32, String);

/// A request of another process for this one's variables: the values of
/// `reads`, then `writes` done, in that order; the answer is the values
/// read (`Send` copies), or the first error.
pub struct VarRequest {
    pub reads: Vec<VarPath>,
    pub writes: Vec<(VarPath, Portable)>,
    /// Whether a write may replace an array as a whole (`VARIABLE TO VARIABLE`).
    pub arrays: bool,
    pub answer: std::sync::mpsc::SyncSender<Result<Vec<Portable>, AnswerError>>,
}

/// What other processes asked of a process.
#[derive(Default)]
struct Ctl {
    /// The end of the running (or asked for) `DELAY PROCESS`.
    delay: Option<Instant>,
    /// Whether the running delay is the process's own (else it waits to start).
    delaying: bool,
    /// `PAUSE PROCESS`, until `RESUME PROCESS`.
    paused: bool,
    /// `ABORT PROCESS BY ID`.
    abort: bool,
}

impl ProcessEntry {
    fn new(number: i32, name: String, worker: bool, session: Arc<Session>) -> Arc<ProcessEntry> {
        Arc::new(ProcessEntry {
            number,
            name,
            started: std::time::SystemTime::now(),
            worker,
            session: Mutex::new(session),
            thread_id: std::sync::OnceLock::new(),
            state: AtomicI32::new(state::EXECUTING),
            attention: std::sync::atomic::AtomicBool::new(false),
            ctl: Mutex::new(Ctl::default()),
            wake: Condvar::new(),
            requests: Mutex::new(Requests::default()),
            poke: Mutex::new(None),
        })
    }

    pub fn state(&self) -> i32 {
        self.state.load(Ordering::Acquire)
    }

    /// The session the process belongs to now.
    pub fn session(&self) -> Arc<Session> {
        Arc::clone(&self.session.lock())
    }

    /// Moves the process to `session` (a web process serving a request of
    /// another client, or `Session.restore()`).
    pub fn set_session(&self, session: Arc<Session>) {
        *self.session.lock() = session;
    }

    /// Marks the process as waiting for a semaphore or a signal (`Waiting for
    /// internal flag`), or as executing again.
    pub fn set_waiting(&self, waiting: bool) {
        let state = if waiting { state::WAITING_FOR_INTERNAL_FLAG } else { state::EXECUTING };
        self.state.store(state, Ordering::Release);
    }

    /// Notes the id of the calling thread, which runs this process.
    pub fn note_thread(&self) {
        // `/proc/thread-self` links to `PID/task/TID` on Linux.
        let tid = std::fs::read_link("/proc/thread-self")
            .ok()
            .and_then(|link| link.file_name().and_then(|n| n.to_str()).and_then(|n| n.parse::<u64>().ok()));
        if let Some(tid) = tid {
            let _ = self.thread_id.set(tid);
        }
    }

    /// The system's id of the process's thread (`Process info.systemID`).
    pub fn system_id(&self) -> Option<u64> {
        self.thread_id.get().copied()
    }

    /// The processor time the process's thread has used, in seconds, while
    /// it runs (`Process info.cpuTime`): user and system time from `/proc`.
    pub fn cpu_time(&self) -> Option<f64> {
        let tid = self.thread_id.get()?;
        let stat = std::fs::read_to_string(format!("/proc/self/task/{tid}/stat")).ok()?;
        // The fields after the command name in parentheses: state is the
        // first, user time the 12th and system time the 13th, in clock ticks
        // (100 a second on Linux).
        let (_, rest) = stat.rsplit_once(')')?;
        let fields: Vec<&str> = rest.split_whitespace().collect();
        let user: f64 = fields.get(11)?.parse().ok()?;
        let system: f64 = fields.get(12)?.parse().ok()?;
        Some((user + system) / 100.0)
    }

    /// Whether another process asked something of this one.
    #[inline(always)]
    pub fn needs_attention(&self) -> bool {
        self.attention.load(Ordering::Relaxed)
    }

    /// Does what other processes asked: waits out a delay or a pause; `Err`
    /// when the process was aborted. `Ok(false)` when the wait stopped for
    /// requests on the process's variables, which the caller answers before
    /// attending again.
    pub fn attend(&self) -> Result<bool, RuntimeError> {
        let mut ctl = self.ctl.lock();
        if !self.wait(&mut ctl) {
            return Ok(false);
        }
        self.attention.store(false, Ordering::Relaxed);
        if self.has_requests() {
            self.attention.store(true, Ordering::Relaxed);
        }
        if ctl.abort {
            self.attention.store(true, Ordering::Relaxed);
            return Err(RuntimeError::new(codes::ABORTED, "the process was aborted (ABORT PROCESS BY ID)"));
        }
        Ok(true)
    }

    /// Waits while the process is paused or delayed (not when aborted);
    /// false when it stopped waiting for requests on its variables (the
    /// pause or delay is still on).
    fn wait(&self, ctl: &mut parking_lot::MutexGuard<'_, Ctl>) -> bool {
        loop {
            if ctl.abort {
                break;
            }
            if (ctl.paused || ctl.delay.is_some()) && self.has_requests() {
                return false;
            }
            if ctl.paused {
                self.state.store(state::PAUSED, Ordering::Release);
                self.wake.wait(ctl);
                continue;
            }
            match ctl.delay {
                Some(until) if Instant::now() < until => {
                    self.state.store(state::DELAYED, Ordering::Release);
                    self.wake.wait_until(ctl, until);
                }
                _ => break,
            }
        }
        ctl.delay = None;
        ctl.delaying = false;
        self.state.store(state::EXECUTING, Ordering::Release);
        true
    }

    /// `DELAY PROCESS` of the process on itself: starts a delay of `ticks`
    /// sixtieths of a second, which [`ProcessEntry::wait_self`] waits out.
    /// False when there is nothing to wait.
    pub fn delay_self(&self, ticks: f64) -> bool {
        if ticks.is_nan() || ticks <= 0.0 {
            return false;
        }
        let mut ctl = self.ctl.lock();
        ctl.delay = Some(deadline(ticks));
        ctl.delaying = true;
        true
    }

    /// `PAUSE PROCESS` of the process on itself: starts a pause, which
    /// [`ProcessEntry::wait_self`] waits out (until resumed).
    pub fn pause_self(&self) {
        self.ctl.lock().paused = true;
    }

    /// Waits out the process's own delay or pause; false when the wait
    /// stopped for requests on the process's variables (the caller answers
    /// them and waits again).
    pub fn wait_self(&self) -> bool {
        let mut ctl = self.ctl.lock();
        self.wait(&mut ctl)
    }

    /// Whether other processes wait for an answer about this one's variables.
    pub fn has_requests(&self) -> bool {
        !self.requests.lock().queue.is_empty()
    }

    /// Takes the requests waiting for an answer.
    pub fn take_requests(&self) -> Vec<VarRequest> {
        std::mem::take(&mut self.requests.lock().queue)
    }

    /// Posts a request for the process's variables: it is answered at the
    /// process's next step, or in its wait. `Err` (the request back) when
    /// the process has ended.
    pub fn post(&self, request: VarRequest) -> Result<(), VarRequest> {
        {
            let mut requests = self.requests.lock();
            if requests.closed {
                return Err(request);
            }
            requests.queue.push(request);
        }
        self.attention.store(true, Ordering::Relaxed);
        {
            let _ctl = self.ctl.lock();
            self.wake.notify_all();
        }
        if let Some(poke) = &*self.poke.lock() {
            poke();
        }
        Ok(())
    }

    /// Sets (or, with `None`, removes) how to wake the process's current wait
    /// when a request arrives.
    pub fn set_poke(&self, poke: Option<Poke>) {
        *self.poke.lock() = poke;
    }

    /// The process has ended: the requests still waiting are dropped (their
    /// askers see it) and no new one is taken.
    pub fn close_requests(&self) {
        let dropped = {
            let mut requests = self.requests.lock();
            requests.closed = true;
            std::mem::take(&mut requests.queue)
        };
        drop(dropped);
    }

    /// `DELAY PROCESS` from another process: replaces what is left of the
    /// current delay (0 ends it), or delays the process at its next step.
    pub(super) fn delay(&self, ticks: f64) {
        let mut ctl = self.ctl.lock();
        ctl.delay = Some(deadline(ticks));
        if !ctl.delaying {
            self.attention.store(true, Ordering::Relaxed);
        }
        self.wake.notify_all();
    }

    /// `PAUSE PROCESS` from another process: at its next step.
    pub(super) fn pause(&self) {
        self.ctl.lock().paused = true;
        self.attention.store(true, Ordering::Relaxed);
    }

    /// `RESUME PROCESS`: ends a pause or a delay.
    pub(super) fn resume(&self) {
        let mut ctl = self.ctl.lock();
        ctl.paused = false;
        ctl.delay = None;
        self.wake.notify_all();
    }

    /// Ctrl-C in the REPL: the running entry stops at its next step, as
    /// after `ABORT PROCESS BY ID`.
    pub fn interrupt(&self) {
        self.abort();
    }

    /// Whether the process was aborted (or interrupted) and has not yet stopped.
    pub fn is_aborted(&self) -> bool {
        self.ctl.lock().abort
    }

    /// Forgets an abort or interrupt, so that the REPL's next entry runs.
    pub fn clear_abort(&self) {
        let mut ctl = self.ctl.lock();
        ctl.abort = false;
        self.attention.store(ctl.paused || ctl.delay.is_some(), Ordering::Relaxed);
    }

    /// `ABORT PROCESS BY ID`: the process stops at its next step.
    pub fn abort(&self) {
        let mut ctl = self.ctl.lock();
        ctl.abort = true;
        self.attention.store(true, Ordering::Relaxed);
        self.wake.notify_all();
    }
}

/// The instant `ticks` sixtieths of a second from now.
pub fn deadline(ticks: f64) -> Instant {
    let seconds = if ticks.is_nan() || ticks <= 0.0 { 0.0 } else { (ticks / 60.0).min(1e9) };
    Instant::now() + Duration::from_secs_f64(seconds)
}

/// The identity of process `number` for the locks of `Use` (numbers are never reused).
pub fn process_id(number: i32) -> crate::runtime::locks::ProcessId {
    u64::try_from(number).unwrap_or(0)
}

/// The processes of a run, by number (the main process is 1).
pub struct Table {
    slots: Mutex<Vec<Arc<ProcessEntry>>>,
    /// The run's semaphores (`Semaphore`, `CLEAR SEMAPHORE`).
    pub semaphores: Semaphores,
    /// The processes started by `New process` that have not ended.
    pub(super) live: std::sync::atomic::AtomicUsize,
}

impl Table {
    pub(super) fn new() -> Table {
        Table {
            slots: Mutex::new(Vec::new()),
            semaphores: Semaphores::default(),
            live: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    /// Adds a process; returns its slot.
    pub(super) fn add(&self, name: &str, worker: bool, session: &Arc<Session>) -> Arc<ProcessEntry> {
        let mut slots = self.slots.lock();
        let number = i32::try_from(slots.len() + 1).unwrap_or(i32::MAX);
        let slot = ProcessEntry::new(number, name.to_string(), worker, Arc::clone(session));
        slots.push(Arc::clone(&slot));
        slot
    }

    /// The process numbered `number`, if it was ever started.
    pub fn get(&self, number: i32) -> Option<Arc<ProcessEntry>> {
        let index = usize::try_from(number).ok()?.checked_sub(1)?;
        self.slots.lock().get(index).cloned()
    }

    /// The processes that have not ended, in the order they started.
    pub fn running(&self) -> Vec<Arc<ProcessEntry>> {
        self.slots.lock().iter().filter(|s| s.state() != state::ABORTED).cloned().collect()
    }

    /// `Process number(name)`: the number of the running process with that name, 0 if none.
    pub fn number_of(&self, name: &str) -> i32 {
        self.slots.lock().iter().find(|s| s.name == name && s.state() != state::ABORTED).map_or(0, |s| s.number)
    }
}

/// The semaphores of a run: each name set is held by the process that set
/// it, until that process clears it or ends. Local (`$`) and global
/// semaphores are one table: a run is one workstation of a single user.
#[derive(Default)]
pub struct Semaphores {
    held: Mutex<rustc_hash::FxHashMap<String, i32>>,
    freed: Condvar,
}

/// The longest semaphore name (documented): a longer one is cut.
const SEMAPHORE_NAME_LIMIT: usize = 255;

fn semaphore_name(name: &str) -> &str {
    match name.char_indices().nth(SEMAPHORE_NAME_LIMIT) {
        Some((end, _)) => &name[..end],
        None => name,
    }
}

impl Semaphores {
    /// `Semaphore(name; ticks)` for process `owner`: False when the process
    /// now holds the semaphore (set now, or already by itself), True when
    /// another process holds it, after waiting up to `ticks` sixtieths of a
    /// second for it to be cleared. A wait ends early when `owner` is aborted.
    /// `None` when the wait stopped for requests on `owner`'s variables
    /// (looked at every 50 ms at most): the caller answers them and calls
    /// again with the same `until`.
    pub fn take(&self, name: &str, until: Instant, owner: &ProcessEntry) -> Option<bool> {
        let name = semaphore_name(name);
        let mut held = self.held.lock();
        loop {
            match held.get(name) {
                None => {
                    held.insert(name.to_string(), owner.number);
                    return Some(false);
                }
                Some(&holder) if holder == owner.number => return Some(false),
                Some(_) => {
                    let now = Instant::now();
                    if now >= until || owner.is_aborted() {
                        return Some(true);
                    }
                    if owner.has_requests() {
                        return None;
                    }
                    // Wakes when a semaphore is cleared, and at least every
                    // 50 ms to see whether the process was aborted.
                    let slice = (until - now).min(Duration::from_millis(50));
                    owner.set_waiting(true);
                    self.freed.wait_for(&mut held, slice);
                    owner.set_waiting(false);
                }
            }
        }
    }

    /// `CLEAR SEMAPHORE(name)`: only the process that set it clears it.
    pub fn clear(&self, name: &str, owner: i32) {
        let name = semaphore_name(name);
        let mut held = self.held.lock();
        if held.get(name) == Some(&owner) {
            held.remove(name);
            self.freed.notify_all();
        }
    }

    /// `Test semaphore(name)`: whether any process holds it.
    pub fn is_set(&self, name: &str) -> bool {
        self.held.lock().contains_key(semaphore_name(name))
    }

    /// Clears the semaphores process `owner` still holds when it ends (documented).
    pub fn release_all(&self, owner: i32) {
        let mut held = self.held.lock();
        let before = held.len();
        held.retain(|_, holder| *holder != owner);
        if held.len() != before {
            self.freed.notify_all();
        }
    }
}

/// What a process may ask of the others: starting, delaying and resuming
/// processes, the process table.
pub trait Control {
    /// `New process(method; stack; name; params...; *)`: starts `method` in a
    /// new process on its own thread with copies of `args`; with `unique`,
    /// returns the number of a running process of that name instead.
    fn start(
        &self,
        method: usize,
        stack: f64,
        name: &str,
        args: Vec<Portable>,
        unique: bool,
        session: &Arc<Session>,
    ) -> Result<i32, RuntimeError>;
    /// The run's sessions.
    fn sessions(&self) -> &SessionTable;
    /// The stored-procedures session (made on first use).
    fn stored_procedures(&self) -> Arc<Session>;
    /// The project's privileges and roles (roles.json, read when the run
    /// started); `None` when the project has no roles.json.
    fn roles(&self) -> Option<&Arc<crate::session::Roles>>;
    fn table(&self) -> &Table;
    /// The interprocess variables.
    fn interprocess(&self) -> &Interprocess;
    /// The singleton of the shared singleton class at `class`, if made.
    fn singleton(&self, class: usize) -> Option<Arc<crate::runtime::shared::SharedObject>>;
    /// Keeps `made` as the singleton of the class at `class`, unless another
    /// process made one first: returns the one kept.
    fn keep_singleton(
        &self,
        class: usize,
        made: Arc<crate::runtime::shared::SharedObject>,
    ) -> Arc<crate::runtime::shared::SharedObject>;
    /// `Storage` of the host (`components::HOST`) or of a component (each
    /// has its own, documented).
    fn storage(&self, context: u16) -> Arc<crate::runtime::shared::SharedObject>;
    /// The error handlers that apply to every process of the run
    /// (`ek global`, `ek errors from components`), by installing project.
    fn error_handlers(&self) -> &parking_lot::RwLock<crate::runtime::error::ErrorHandlers>;
    /// `SET ASSERT ENABLED` without `*`, for every process: bit 0 whether
    /// assertions are on, the bits above how many times it was called, so
    /// that it overrides what a process set for itself before (`*`).
    fn asserts(&self) -> &std::sync::atomic::AtomicU64;
    /// `DELAY PROCESS` on another process.
    fn delay(&self, number: i32, ticks: f64);
    /// `RESUME PROCESS`.
    fn resume(&self, number: i32);
    /// `PAUSE PROCESS` on another process.
    fn pause(&self, number: i32);
    /// `ABORT PROCESS BY ID`.
    fn abort(&self, number: i32);
    /// `QUIT 4D`: the run quits; every process is aborted.
    fn quit(&self);
    /// Whether `QUIT 4D` was called.
    fn quitting(&self) -> bool;
    /// `CALL WORKER(process; function; args...)`: posts a message to the
    /// worker of that name (started if needed) or number (nothing if none).
    fn call_worker(&self, target: WorkerName, message: Message) -> Result<(), RuntimeError>;
    /// `KILL WORKER`: the worker drops its messages and ends after the current one.
    fn kill_worker(&self, target: WorkerName);
    /// The next message of the main process's box, waiting until `deadline`.
    fn main_message(&self, deadline: Instant) -> Option<Message>;
    /// A message of a process's box has been handled.
    fn message_done(&self);
    /// Opens the box of process `slot` to the events of a new asynchronous
    /// object: the sink its threads post them to, and a guard that keeps the
    /// run going while the process keeps the object (until its last event,
    /// or the end of the process).
    fn open_events(
        &self,
        slot: &Arc<ProcessEntry>,
    ) -> (Arc<dyn crate::commands::asynchronous::EventSink>, Box<dyn std::any::Any>);
    /// The next message of process `slot`'s box (`.wait()`), waiting until
    /// `deadline`; `None` then, or when the process is aborted.
    fn next_message(&self, slot: &Arc<ProcessEntry>, deadline: Instant) -> Option<Message>;
    /// Reports an uncaught error (not an abort) of process `process`.
    fn report_error(&self, error: &RuntimeError, method: &str, process: &str);
}

/// Which worker `CALL WORKER` and `KILL WORKER` address.
pub enum WorkerName {
    Name(String),
    Number(i32),
}

/// What a process's box holds: a message of `CALL WORKER` (a formula or a
/// method name, and its parameters), or an event of an asynchronous object
/// the process made (`4D.SystemWorker`, `4D.HTTPRequest`), whose callbacks
/// run in the process.
pub enum Message {
    Call { function: Portable, args: Vec<Portable> },
    Event(crate::commands::asynchronous::Event),
}

/// The interprocess variables of a run (`<>name`): one value each, seen by
/// every process. A process keeps its own copy of each variable it uses and
/// takes a fresh one when another process has assigned the variable since
/// (the version tells). Each read and each write is atomic; a sequence of
/// them is not (4D documents no locking for interprocess variables).
#[derive(Default)]
pub struct Interprocess {
    /// By slot (the slots of process variables): the version and the value.
    slots: Mutex<Vec<Option<(u64, Portable)>>>,
    /// The last version given.
    versions: std::sync::atomic::AtomicU64,
}

impl Interprocess {
    /// The value of the variable at `slot` if its version is not `seen`:
    /// its version and a copy for the calling process. `None` when the
    /// process's copy is current or the variable was never assigned.
    pub fn read(&self, slot: usize, seen: u64) -> Option<(u64, Value)> {
        let slots = self.slots.lock();
        match slots.get(slot) {
            Some(Some((version, value))) if *version != seen => Some((*version, value.to_value())),
            _ => None,
        }
    }

    /// Assigns the variable at `slot`; returns the new version.
    pub fn write(&self, slot: usize, value: Portable) -> u64 {
        let version = self.versions.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        let mut slots = self.slots.lock();
        if slots.len() <= slot {
            slots.resize_with(slot + 1, || None);
        }
        slots[slot] = Some((version, value));
        version
    }
}
