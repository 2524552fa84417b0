//! 4D processes on OS threads: the process table (numbers, names, states),
//! the run-wide state every process reaches (the project's methods, the
//! output), starting a process with `New process`, and the values that cross
//! from one process to another.
//!
//! Every process of a run is a scoped thread of the run, so that the run ends
//! only when all of them have (`../conventions.md`, "How a run ends"). Values
//! belong to one process (`Rc`, no locks); a value passed to another process
//! is copied deeply through [`Portable`], which is `Send`.

use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};
use std::thread::Scope;
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex};

use super::Run;
use super::exec::{self, Formula, Methods};
use super::program::MethodCode;
use crate::commands::Output;
use crate::diag::Span;
use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::value::{Date, Pointer, Props, Value, key};
use crate::session::{Session, SessionKind, SessionTable};

/// `Process state` values (documented constants).
pub mod state {
    pub const DOES_NOT_EXIST: i32 = -100;
    pub const ABORTED: i32 = -1;
    pub const EXECUTING: i32 = 0;
    pub const DELAYED: i32 = 1;
    pub const PAUSED: i32 = 5;
}

/// The default stack of a process thread, and the most a `New process` may ask.
const DEFAULT_STACK: usize = 64 << 20;
const MAX_STACK: usize = 1 << 30;

/// The user name of the standalone and stored-procedures sessions: fourd has
/// no users, so it is the name 4D gives the Designer.
pub const STANDALONE_USER: &str = "designer";

/// How many processes may run at once: beyond, `New process` raises an
/// error instead of exhausting the machine (a method that starts itself).
pub const MAX_LIVE_PROCESSES: usize = 4000;

/// One process of the run, as the table knows it.
pub struct Slot {
    pub number: i32,
    pub name: String,
    /// When the process started, and whether it is a worker's (for `Process info`).
    pub started: std::time::SystemTime,
    pub worker: bool,
    /// The session the process belongs to.
    pub session: Arc<Session>,
    /// The operating system's id of the process's thread, where the system tells it (Linux).
    thread_id: std::sync::OnceLock<u64>,
    state: AtomicI32,
    /// Set when another process paused, delayed or aborted this one: the
    /// process looks at `ctl` at its next loop turn or method call.
    attention: std::sync::atomic::AtomicBool,
    ctl: Mutex<Ctl>,
    wake: Condvar,
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

impl Slot {
    fn new(number: i32, name: String, worker: bool, session: Arc<Session>) -> Arc<Slot> {
        Arc::new(Slot {
            number,
            name,
            started: std::time::SystemTime::now(),
            worker,
            session,
            thread_id: std::sync::OnceLock::new(),
            state: AtomicI32::new(state::EXECUTING),
            attention: std::sync::atomic::AtomicBool::new(false),
            ctl: Mutex::new(Ctl::default()),
            wake: Condvar::new(),
        })
    }

    pub fn state(&self) -> i32 {
        self.state.load(Ordering::Acquire)
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
    /// when the process was aborted.
    pub fn attend(&self) -> Result<(), RuntimeError> {
        let mut ctl = self.ctl.lock();
        self.wait(&mut ctl);
        self.attention.store(false, Ordering::Relaxed);
        if ctl.abort {
            self.attention.store(true, Ordering::Relaxed);
            return Err(RuntimeError::new(codes::ABORTED, "the process was aborted (ABORT PROCESS BY ID)"));
        }
        Ok(())
    }

    /// Waits while the process is paused or delayed (not when aborted).
    fn wait(&self, ctl: &mut parking_lot::MutexGuard<'_, Ctl>) {
        loop {
            if ctl.abort {
                break;
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
    }

    /// `DELAY PROCESS` of the process on itself: waits `ticks` sixtieths of a
    /// second, or until `RESUME PROCESS` ends the delay.
    pub fn delay_self(&self, ticks: f64) {
        if ticks.is_nan() || ticks <= 0.0 {
            return;
        }
        let mut ctl = self.ctl.lock();
        ctl.delay = Some(deadline(ticks));
        ctl.delaying = true;
        self.wait(&mut ctl);
    }

    /// `PAUSE PROCESS` of the process on itself: waits until resumed.
    pub fn pause_self(&self) {
        let mut ctl = self.ctl.lock();
        ctl.paused = true;
        self.wait(&mut ctl);
    }

    /// `DELAY PROCESS` from another process: replaces what is left of the
    /// current delay (0 ends it), or delays the process at its next step.
    fn delay(&self, ticks: f64) {
        let mut ctl = self.ctl.lock();
        ctl.delay = Some(deadline(ticks));
        if !ctl.delaying {
            self.attention.store(true, Ordering::Relaxed);
        }
        self.wake.notify_all();
    }

    /// `PAUSE PROCESS` from another process: at its next step.
    fn pause(&self) {
        self.ctl.lock().paused = true;
        self.attention.store(true, Ordering::Relaxed);
    }

    /// `RESUME PROCESS`: ends a pause or a delay.
    fn resume(&self) {
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

    /// Forgets an abort or interrupt, so that the REPL's next entry runs.
    pub fn clear_abort(&self) {
        let mut ctl = self.ctl.lock();
        ctl.abort = false;
        self.attention.store(ctl.paused || ctl.delay.is_some(), Ordering::Relaxed);
    }

    /// `ABORT PROCESS BY ID`: the process stops at its next step.
    fn abort(&self) {
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
    slots: Mutex<Vec<Arc<Slot>>>,
    /// The processes started by `New process` that have not ended.
    live: std::sync::atomic::AtomicUsize,
}

impl Table {
    fn new() -> Table {
        Table { slots: Mutex::new(Vec::new()), live: std::sync::atomic::AtomicUsize::new(0) }
    }

    /// Adds a process; returns its slot.
    fn add(&self, name: &str, worker: bool, session: &Arc<Session>) -> Arc<Slot> {
        let mut slots = self.slots.lock();
        let number = i32::try_from(slots.len() + 1).unwrap_or(i32::MAX);
        let slot = Slot::new(number, name.to_string(), worker, Arc::clone(session));
        slots.push(Arc::clone(&slot));
        slot
    }

    /// The process numbered `number`, if it was ever started.
    pub fn get(&self, number: i32) -> Option<Arc<Slot>> {
        let index = usize::try_from(number).ok()?.checked_sub(1)?;
        self.slots.lock().get(index).cloned()
    }

    /// The processes that have not ended, in the order they started.
    pub fn running(&self) -> Vec<Arc<Slot>> {
        self.slots.lock().iter().filter(|s| s.state() != state::ABORTED).cloned().collect()
    }

    /// `Process number(name)`: the number of the running process with that name, 0 if none.
    pub fn number_of(&self, name: &str) -> i32 {
        self.slots.lock().iter().find(|s| s.name == name && s.state() != state::ABORTED).map_or(0, |s| s.number)
    }
}

/// What every process of a run shares: the run (methods, sources,
/// diagnostics) and the output, borrowed for `'o`, and the process table.
pub struct World<'o> {
    run: Mutex<&'o mut Run>,
    out: Mutex<&'o mut (dyn Output + Send)>,
    pub table: Table,
    /// `Storage`.
    pub storage: Arc<crate::runtime::shared::SharedObject>,
    /// The workers, by name (case-sensitive); the main process is the first.
    workers: Mutex<Vec<Arc<Worker>>>,
    /// Work that keeps the run going: processes started by `New process`
    /// and messages not yet handled. The run ends when it is 0.
    activity: Mutex<usize>,
    /// Notified when `activity` goes down or the main process gets a message.
    idle: Condvar,
    /// The interprocess variables (`<>name`).
    pub interprocess: Interprocess,
    /// The sessions of the run: the standalone session of every process,
    /// and the stored-procedures session once `Execute on server` is used.
    pub sessions: SessionTable,
    pub standalone: Arc<Session>,
    stored_procedures: std::sync::OnceLock<Arc<Session>>,
    /// The run's singletons of shared singleton classes, by class index.
    singletons: Mutex<Vec<Option<Arc<crate::runtime::shared::SharedObject>>>>,
}

impl<'o> World<'o> {
    pub fn new(run: &'o mut Run, out: &'o mut (dyn Output + Send)) -> World<'o> {
        let sessions = SessionTable::new();
        World {
            run: Mutex::new(run),
            out: Mutex::new(out),
            table: Table::new(),
            storage: crate::runtime::shared::SharedObject::new_storage(),
            workers: Mutex::new(Vec::new()),
            activity: Mutex::new(0),
            idle: Condvar::new(),
            interprocess: Interprocess::default(),
            standalone: sessions.create(SessionKind::Standalone, STANDALONE_USER),
            sessions,
            stored_procedures: std::sync::OnceLock::new(),
            singletons: Mutex::new(Vec::new()),
        }
    }

    /// The output of a new process.
    pub fn output(&self) -> LineOutput<'_, 'o> {
        LineOutput::new(&self.out)
    }

    fn begin_activity(&self) {
        *self.activity.lock() += 1;
    }

    fn end_activity(&self, n: usize) {
        let mut activity = self.activity.lock();
        *activity = activity.saturating_sub(n);
        self.idle.notify_all();
    }

    /// Runs `body` with the run (methods, sources, diagnostics) locked.
    pub fn with_run<T>(&self, body: impl FnOnce(&mut Run) -> T) -> T {
        let mut run = self.run.lock();
        body(&mut run)
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
    /// `Storage`.
    fn storage(&self) -> &Arc<crate::runtime::shared::SharedObject>;
    /// `DELAY PROCESS` on another process.
    fn delay(&self, number: i32, ticks: f64);
    /// `RESUME PROCESS`.
    fn resume(&self, number: i32);
    /// `PAUSE PROCESS` on another process.
    fn pause(&self, number: i32);
    /// `ABORT PROCESS BY ID`.
    fn abort(&self, number: i32);
    /// `CALL WORKER(process; function; args...)`: posts a message to the
    /// worker of that name (started if needed) or number (nothing if none).
    fn call_worker(&self, target: WorkerName, message: Message) -> Result<(), RuntimeError>;
    /// `KILL WORKER`: the worker drops its messages and ends after the current one.
    fn kill_worker(&self, target: WorkerName);
    /// The next message of the main process's box, waiting until `deadline`.
    fn main_message(&self, deadline: Instant) -> Option<Message>;
    /// A message of the main process's box has been handled.
    fn message_done(&self);
    /// Reports an uncaught error (not an abort) of process `process`.
    fn report_error(&self, error: &RuntimeError, method: &str, process: &str);
}

/// Which worker `CALL WORKER` and `KILL WORKER` address.
pub enum WorkerName {
    Name(String),
    Number(i32),
}

/// A message for a worker: a formula or a method name, and its parameters.
pub struct Message {
    pub function: Portable,
    pub args: Vec<Portable>,
}

/// A worker: a name, a box of messages, and the process that handles them.
pub struct Worker {
    pub name: String,
    inbox: Mutex<Inbox>,
    arrived: Condvar,
}

struct Inbox {
    queue: std::collections::VecDeque<Message>,
    /// The process handling the box, while there is one.
    process: Option<Arc<Slot>>,
    /// `KILL WORKER`: the process ends after its current message.
    killed: bool,
    /// The run is over: the process ends.
    ending: bool,
    /// The method of the first message, run again by `CALL WORKER(name; "")`.
    startup: Option<String>,
}

impl Worker {
    fn new(name: &str, process: Option<Arc<Slot>>) -> Arc<Worker> {
        Arc::new(Worker {
            name: name.to_string(),
            inbox: Mutex::new(Inbox {
                queue: std::collections::VecDeque::new(),
                process,
                killed: false,
                ending: false,
                startup: None,
            }),
            arrived: Condvar::new(),
        })
    }

    /// Whether `target` names this worker: its name, or its process's number.
    fn is(&self, target: &WorkerName) -> bool {
        match target {
            WorkerName::Name(name) => &self.name == name,
            WorkerName::Number(n) => self.inbox.lock().process.as_ref().is_some_and(|p| p.number == *n),
        }
    }

    /// The next message, or `None` when the process must end.
    fn next(&self) -> Option<Message> {
        let mut inbox = self.inbox.lock();
        loop {
            if inbox.killed {
                return None;
            }
            if let Some(message) = inbox.queue.pop_front() {
                return Some(message);
            }
            if inbox.ending {
                return None;
            }
            self.arrived.wait(&mut inbox);
        }
    }
}

/// The process side of a run: the world, and the scope its threads live in.
pub struct Processes<'scope, 'env, 'o> {
    pub world: &'env World<'o>,
    scope: &'scope Scope<'scope, 'env>,
}

impl<'scope, 'env, 'o> Clone for Processes<'scope, 'env, 'o> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<'scope, 'env, 'o> Copy for Processes<'scope, 'env, 'o> {}

impl<'scope, 'env, 'o: 'env> Processes<'scope, 'env, 'o> {
    pub fn new(world: &'env World<'o>, scope: &'scope Scope<'scope, 'env>) -> Processes<'scope, 'env, 'o> {
        Processes { world, scope }
    }

    /// Registers the main process (number 1), which is also a worker.
    pub fn main_slot(&self) -> Arc<Slot> {
        let slot = self.world.table.add("Main process", false, &self.world.standalone);
        slot.note_thread();
        self.world.workers.lock().push(Worker::new("Main process", Some(Arc::clone(&slot))));
        slot
    }

    /// The end of the run, for the main process once its method has returned:
    /// handles the main process's messages until no process started by `New
    /// process` runs and every box is empty, then ends the workers.
    pub fn finish(&self, process: &mut exec::Process<'_>) {
        loop {
            if let Some(message) = self.main_message(Instant::now()) {
                process.run_message(message);
                self.message_done();
                continue;
            }
            let mut activity = self.world.activity.lock();
            if *activity == 0 {
                break;
            }
            let main_has_mail =
                self.world.workers.lock().first().is_some_and(|main| !main.inbox.lock().queue.is_empty());
            if !main_has_mail {
                self.world.idle.wait(&mut activity);
            }
        }
        for worker in self.world.workers.lock().iter() {
            worker.inbox.lock().ending = true;
            worker.arrived.notify_all();
        }
    }

    /// Starts the process of `worker` (its box has a message).
    fn spawn_worker(&self, worker: &Arc<Worker>, inbox: &mut Inbox) -> Result<(), RuntimeError> {
        let slot = self.world.table.add(&worker.name, true, &self.world.standalone);
        inbox.process = Some(Arc::clone(&slot));
        let thread_worker = Arc::clone(worker);
        self.spawn(&slot, DEFAULT_STACK, move |processes, slot| processes.run_worker(slot, thread_worker))
            .inspect_err(|_| inbox.process = None)
    }

    /// Starts the thread of the process in `slot`, running `body`.
    fn spawn(
        &self,
        slot: &Arc<Slot>,
        stack: usize,
        body: impl FnOnce(Self, Arc<Slot>) + Send + 'scope,
    ) -> Result<(), RuntimeError> {
        let processes = *self;
        let thread_slot = Arc::clone(slot);
        std::thread::Builder::new()
            .name(format!("4D process {}", slot.number))
            .stack_size(stack)
            .spawn_scoped(self.scope, move || body(processes, thread_slot))
            .map(|_| ())
            .map_err(|e| RuntimeError::new(codes::NOT_SUPPORTED, format!("the process could not be started: {e}")))
    }

    /// What every process thread does around its work: a `Process` of its
    /// own with the run's methods and output, the locks it still holds let go
    /// of at the end, and its state `Aborted` once it has ended.
    fn run_thread(self, slot: &Arc<Slot>, body: impl FnOnce(&mut exec::Process<'_>)) {
        let mut methods = SharedMethods::new(self.world);
        let mut out = self.world.output();
        let mut process_vars = Vec::new();
        let me = process_id(slot.number);
        crate::runtime::shared::set_current_process(me);
        slot.note_thread();
        {
            let mut process = exec::Process::new(&mut methods, &mut process_vars, &mut out);
            process.attach(&self, Arc::clone(slot));
            body(&mut process);
        }
        out.flush();
        crate::runtime::locks::release_all(me);
        slot.state.store(state::ABORTED, Ordering::Release);
    }

    /// The body of a worker's process: handles its messages in order; an
    /// uncaught error is reported with the worker's name and the worker goes
    /// on with its next message. Process variables live on between messages.
    fn run_worker(self, slot: Arc<Slot>, worker: Arc<Worker>) {
        self.run_thread(&slot, |process| {
            while let Some(message) = worker.next() {
                process.run_message(message);
                self.world.end_activity(1);
            }
        });
        // Messages posted after a `KILL WORKER` start a new process.
        let mut inbox = worker.inbox.lock();
        inbox.process = None;
        if inbox.killed {
            inbox.killed = false;
            if !inbox.queue.is_empty() && !inbox.ending {
                let discarded = inbox.queue.len();
                if self.spawn_worker(&worker, &mut inbox).is_err() {
                    inbox.queue.clear();
                    drop(inbox);
                    self.world.end_activity(discarded);
                }
            }
        }
    }

    /// The body of a process thread: runs its method; an uncaught error is
    /// reported with the process's name and the run fails.
    fn run_process(self, slot: Arc<Slot>, method: usize, args: Vec<Portable>) {
        self.run_thread(&slot, |process| {
            let outcome = match process.methods.code(method) {
                Ok(code) => {
                    let args = args.into_iter().map(Portable::into_value).collect();
                    process.call(Arc::clone(&code), args, Value::Undefined).map_err(|e| (e, code.name.clone()))
                }
                Err(e) => Err((e, String::new())),
            };
            if let Err((error, method_name)) = outcome {
                self.report_error(&error, &method_name, &slot.name);
            }
        });
        self.world.table.live.fetch_sub(1, Ordering::AcqRel);
        self.world.end_activity(1);
    }
}

impl<'scope, 'env, 'o: 'env> Control for Processes<'scope, 'env, 'o> {
    fn table(&self) -> &Table {
        &self.world.table
    }

    fn interprocess(&self) -> &Interprocess {
        &self.world.interprocess
    }

    fn sessions(&self) -> &SessionTable {
        &self.world.sessions
    }

    fn stored_procedures(&self) -> Arc<Session> {
        Arc::clone(
            self.world
                .stored_procedures
                .get_or_init(|| self.world.sessions.create(SessionKind::StoredProcedures, STANDALONE_USER)),
        )
    }

    fn singleton(&self, class: usize) -> Option<Arc<crate::runtime::shared::SharedObject>> {
        self.world.singletons.lock().get(class).cloned().flatten()
    }

    fn keep_singleton(
        &self,
        class: usize,
        made: Arc<crate::runtime::shared::SharedObject>,
    ) -> Arc<crate::runtime::shared::SharedObject> {
        let mut singletons = self.world.singletons.lock();
        if singletons.len() <= class {
            singletons.resize(class + 1, None);
        }
        Arc::clone(singletons[class].get_or_insert(made))
    }

    fn storage(&self) -> &Arc<crate::runtime::shared::SharedObject> {
        &self.world.storage
    }

    fn start(
        &self,
        method: usize,
        stack: f64,
        name: &str,
        args: Vec<Portable>,
        unique: bool,
        session: &Arc<Session>,
    ) -> Result<i32, RuntimeError> {
        if unique {
            let existing = self.world.table.number_of(name);
            if existing != 0 {
                return Ok(existing);
            }
        }
        let live = &self.world.table.live;
        if live.fetch_add(1, Ordering::AcqRel) >= MAX_LIVE_PROCESSES {
            live.fetch_sub(1, Ordering::AcqRel);
            return Err(RuntimeError::new(
                codes::TOO_MANY_PROCESSES,
                format!("{MAX_LIVE_PROCESSES} processes are running: no other can start until one ends"),
            ));
        }
        self.world.begin_activity();
        let slot = self.world.table.add(name, false, session);
        let number = slot.number;
        let stack = if stack > 0.0 { (stack as usize).clamp(DEFAULT_STACK, MAX_STACK) } else { DEFAULT_STACK };
        match self.spawn(&slot, stack, move |processes, slot| processes.run_process(slot, method, args)) {
            Ok(()) => Ok(number),
            Err(e) => {
                slot.state.store(state::ABORTED, Ordering::Release);
                live.fetch_sub(1, Ordering::AcqRel);
                self.world.end_activity(1);
                Err(e)
            }
        }
    }

    fn delay(&self, number: i32, ticks: f64) {
        if let Some(slot) = self.world.table.get(number)
            && slot.state() != state::ABORTED
        {
            slot.delay(ticks);
        }
    }

    fn pause(&self, number: i32) {
        // The main process cannot be paused, as documented.
        if let Some(slot) = self.world.table.get(number)
            && number != 1
            && slot.state() != state::ABORTED
        {
            slot.pause();
        }
    }

    fn abort(&self, number: i32) {
        if let Some(slot) = self.world.table.get(number)
            && slot.state() != state::ABORTED
        {
            slot.abort();
        }
    }

    fn call_worker(&self, target: WorkerName, message: Message) -> Result<(), RuntimeError> {
        let worker = {
            let mut workers = self.world.workers.lock();
            match &target {
                WorkerName::Name(name) => match workers.iter().find(|w| w.is(&target)) {
                    Some(worker) => Arc::clone(worker),
                    None => {
                        let worker = Worker::new(name, None);
                        workers.push(Arc::clone(&worker));
                        worker
                    }
                },
                WorkerName::Number(_) => match workers.iter().find(|w| w.is(&target)) {
                    Some(worker) => Arc::clone(worker),
                    // Not a worker's process: nothing happens, as documented.
                    None => return Ok(()),
                },
            }
        };
        let is_main = self.world.workers.lock().first().is_some_and(|main| Arc::ptr_eq(main, &worker));
        // Counted before the box is locked: the end of the run takes the
        // count's lock, then a box's.
        self.world.begin_activity();
        let mut inbox = worker.inbox.lock();
        let message = match &message.function {
            Portable::Text(method) if method.is_empty() => match &inbox.startup {
                Some(startup) => Message { function: Portable::Text(startup.clone()), args: message.args },
                None => {
                    drop(inbox);
                    self.world.end_activity(1);
                    return Ok(());
                }
            },
            _ => message,
        };
        if inbox.startup.is_none()
            && let Portable::Text(method) = &message.function
        {
            inbox.startup = Some(method.clone());
        }
        inbox.queue.push_back(message);
        if inbox.process.is_none()
            && let Err(e) = self.spawn_worker(&worker, &mut inbox)
        {
            inbox.queue.pop_back();
            drop(inbox);
            self.world.end_activity(1);
            return Err(e);
        }
        worker.arrived.notify_all();
        drop(inbox);
        if is_main {
            let _activity = self.world.activity.lock();
            self.world.idle.notify_all();
        }
        Ok(())
    }

    fn kill_worker(&self, target: WorkerName) {
        let workers = self.world.workers.lock();
        let found = workers.iter().enumerate().find(|(_, w)| w.is(&target));
        let Some((index, worker)) = found else { return };
        let mut inbox = worker.inbox.lock();
        let discarded = inbox.queue.len();
        inbox.queue.clear();
        // The main process only has its box emptied.
        if index != 0 && inbox.process.is_some() {
            inbox.killed = true;
        }
        worker.arrived.notify_all();
        drop(inbox);
        drop(workers);
        self.world.end_activity(discarded);
    }

    fn main_message(&self, deadline: Instant) -> Option<Message> {
        let main = self.world.workers.lock().first().cloned()?;
        let mut inbox = main.inbox.lock();
        loop {
            if let Some(message) = inbox.queue.pop_front() {
                return Some(message);
            }
            if Instant::now() >= deadline || main.arrived.wait_until(&mut inbox, deadline).timed_out() {
                return inbox.queue.pop_front();
            }
        }
    }

    fn message_done(&self) {
        self.world.end_activity(1);
    }

    fn report_error(&self, error: &RuntimeError, method: &str, process: &str) {
        // An aborted process is not in error.
        if error.code() != codes::ABORTED {
            self.world.with_run(|run| run.report_process_error(error, method, process));
        }
    }

    fn resume(&self, number: i32) {
        if let Some(slot) = self.world.table.get(number) {
            slot.resume();
        }
    }
}

/// The project's methods as a process reaches them: through the run, locked
/// only while a method is loaded or a name looked up (each process keeps
/// the methods it called).
pub struct SharedMethods<'a, 'o> {
    world: &'a World<'o>,
}

impl<'a, 'o> SharedMethods<'a, 'o> {
    pub fn new(world: &'a World<'o>) -> SharedMethods<'a, 'o> {
        SharedMethods { world }
    }
}

impl Methods for SharedMethods<'_, '_> {
    fn code(&mut self, index: usize) -> Result<Arc<MethodCode>, RuntimeError> {
        self.world.with_run(|run| run.code(index))
    }

    fn method_index(&mut self, name: &str) -> Option<usize> {
        self.world.with_run(|run| run.method_index(name))
    }

    fn class_code(&mut self, index: usize) -> Result<Arc<super::program::ClassCode>, RuntimeError> {
        self.world.with_run(|run| run.class_code(index))
    }

    fn class_index(&mut self, name: &str) -> Option<usize> {
        self.world.with_run(|run| run.class_index(name))
    }

    fn class_names(&mut self) -> Vec<String> {
        self.world.with_run(|run| run.class_names())
    }

    fn process_var_slot(&mut self, name: &str) -> Option<usize> {
        self.world.with_run(|run| run.process_var_slot(name))
    }

    fn process_var_name(&self, slot: usize) -> String {
        self.world.with_run(|run| run.process_var_name(slot))
    }

    fn compile_formula(&mut self, source: &str) -> Result<Arc<MethodCode>, RuntimeError> {
        self.world.with_run(|run| run.compile_formula(source))
    }

    fn snippet(&self, span: Span) -> String {
        self.world.with_run(|run| Methods::snippet(&*run, span))
    }

    fn line(&self, span: Span) -> usize {
        self.world.with_run(|run| run.line(span))
    }

    fn user_param(&self) -> String {
        self.world.with_run(|run| run.user_param.clone())
    }
}

/// A process's output: whole lines go to the run's output at once, so that
/// the lines of several processes never mix; the rest waits for its end of
/// line (or the end of the process).
pub struct LineOutput<'a, 'o> {
    sink: &'a Mutex<&'o mut (dyn Output + Send)>,
    stdout: String,
    stderr: String,
}

impl<'a, 'o> LineOutput<'a, 'o> {
    pub fn new(sink: &'a Mutex<&'o mut (dyn Output + Send)>) -> LineOutput<'a, 'o> {
        LineOutput { sink, stdout: String::new(), stderr: String::new() }
    }

    /// Writes what is left (a last line without its end).
    pub fn flush(&mut self) {
        if !self.stdout.is_empty() || !self.stderr.is_empty() {
            let mut sink = self.sink.lock();
            if !self.stdout.is_empty() {
                sink.stdout(&std::mem::take(&mut self.stdout));
            }
            if !self.stderr.is_empty() {
                sink.stderr(&std::mem::take(&mut self.stderr));
            }
        }
    }

    fn write(sink: &Mutex<&mut (dyn Output + Send)>, pending: &mut String, text: &str, err: bool) {
        pending.push_str(text);
        if let Some(end) = pending.rfind('\n') {
            let rest = pending.split_off(end + 1);
            let lines = std::mem::replace(pending, rest);
            let mut sink = sink.lock();
            if err { sink.stderr(&lines) } else { sink.stdout(&lines) }
        }
    }
}

impl Output for LineOutput<'_, '_> {
    fn stdout(&mut self, text: &str) {
        Self::write(self.sink, &mut self.stdout, text, false);
    }

    fn stderr(&mut self, text: &str) {
        Self::write(self.sink, &mut self.stderr, text, true);
    }

    fn flush(&mut self) {
        LineOutput::flush(self);
    }
}

impl Drop for LineOutput<'_, '_> {
    fn drop(&mut self) {
        self.flush();
    }
}

/// A value on its way to another process: a deep copy that owns no
/// process-bound reference.
#[derive(Debug)]
pub enum Portable {
    Undefined,
    Null,
    Bool(bool),
    Real(f64),
    Long(i32),
    Date(Date),
    Time(i64),
    Text(String),
    Object(Vec<(String, Portable)>),
    Collection(Vec<Portable>),
    Formula {
        code: Arc<MethodCode>,
        captured: Vec<(usize, Portable)>,
        source: String,
    },
    Pointer(PortablePointer),
    /// An array: held by an interprocess variable (never passed as a parameter).
    Array {
        ty: crate::runtime::value::ArrayType,
        items: Vec<Portable>,
    },
    /// Shared objects and collections pass by reference.
    SharedObject(Arc<crate::runtime::shared::SharedObject>),
    SharedCollection(Arc<crate::runtime::shared::SharedCollection>),
}

/// A pointer on its way to another process: to a process variable (there,
/// that process's own variable of that name), or to a local (there, a
/// pointer that no longer designates anything).
#[derive(Debug)]
pub enum PortablePointer {
    Process {
        slot: usize,
        name: String,
    },
    /// An interprocess variable: the same variable in every process.
    Interprocess {
        slot: usize,
        name: String,
    },
    Gone {
        name: String,
    },
}

/// How deep a value may nest to be copied to another process.
const MAX_DEPTH: usize = 512;

impl Portable {
    /// A deep copy of `value` for another process. Arrays cannot be passed,
    /// as documented.
    pub fn from_value(value: &Value) -> Result<Portable, RuntimeError> {
        Portable::copy(value, 0, false)
    }

    /// A deep copy of the content of a variable (arrays included), for an
    /// interprocess variable.
    pub fn from_variable(value: &Value) -> Result<Portable, RuntimeError> {
        Portable::copy(value, 0, true)
    }

    fn copy(value: &Value, depth: usize, arrays: bool) -> Result<Portable, RuntimeError> {
        if depth > MAX_DEPTH {
            return Err(RuntimeError::new(
                codes::BAD_ARGUMENTS,
                "a value nested too deeply (an object that contains itself?) cannot be passed to another process",
            ));
        }
        Ok(match value {
            Value::Undefined => Portable::Undefined,
            Value::Null => Portable::Null,
            Value::Bool(b) => Portable::Bool(*b),
            Value::Real(x) => Portable::Real(*x),
            Value::Long(n) => Portable::Long(*n),
            Value::Date(d) => Portable::Date(*d),
            Value::Time(t) => Portable::Time(*t),
            Value::Text(t) => Portable::Text(t.as_str().to_string()),
            Value::Object(o) => {
                let o = o.borrow();
                if let Some(formula) = o.code.as_ref().and_then(|c| c.as_any().downcast_ref::<Formula>()) {
                    let captured = formula
                        .captured
                        .iter()
                        .map(|(slot, v)| Ok((*slot, Portable::copy(v, depth + 1, false)?)))
                        .collect::<Result<_, RuntimeError>>()?;
                    return Ok(Portable::Formula {
                        code: Arc::clone(&formula.code),
                        captured,
                        source: formula.source.clone(),
                    });
                }
                let props = o
                    .props
                    .iter()
                    .map(|(k, v)| Ok((k.to_string(), Portable::copy(v, depth + 1, false)?)))
                    .collect::<Result<_, RuntimeError>>()?;
                Portable::Object(props)
            }
            Value::Collection(c) => {
                Portable::Collection(c.borrow().iter().map(|v| Portable::copy(v, depth + 1, false)).collect::<Result<
                    _,
                    RuntimeError,
                >>(
                )?)
            }
            Value::Pointer(p) => Portable::Pointer(match &**p {
                Pointer::Process { slot, name } => PortablePointer::Process { slot: *slot, name: name.to_string() },
                Pointer::Interprocess { slot, name } => {
                    PortablePointer::Interprocess { slot: *slot, name: name.to_string() }
                }
                other => PortablePointer::Gone { name: other.name() },
            }),
            Value::Array(a) if arrays => {
                let a = a.borrow();
                let items =
                    a.items.iter().map(|v| Portable::copy(v, depth + 1, false)).collect::<Result<_, RuntimeError>>()?;
                Portable::Array { ty: a.ty, items }
            }
            Value::Array(_) => {
                return Err(RuntimeError::new(codes::BAD_ARGUMENTS, "an array cannot be passed to another process"));
            }
            Value::SharedObject(o) => Portable::SharedObject(Arc::clone(o)),
            Value::SharedCollection(c) => Portable::SharedCollection(Arc::clone(c)),
        })
    }

    /// The value in the receiving process.
    pub fn into_value(self) -> Value {
        self.to_value()
    }

    /// A value of this process made from the copy (which stays as it is).
    pub fn to_value(&self) -> Value {
        match self {
            Portable::Undefined => Value::Undefined,
            Portable::Null => Value::Null,
            Portable::Bool(b) => Value::Bool(*b),
            Portable::Real(x) => Value::Real(*x),
            Portable::Long(n) => Value::Long(*n),
            Portable::Date(d) => Value::Date(*d),
            Portable::Time(t) => Value::Time(*t),
            Portable::Text(t) => Value::text(t.as_str()),
            Portable::Object(props) => {
                let mut map = Props::with_capacity(props.len());
                for (k, v) in props {
                    map.insert(key(k), v.to_value());
                }
                Value::new_object(map)
            }
            Portable::Collection(items) => Value::new_collection(items.iter().map(Portable::to_value).collect()),
            Portable::Array { ty, items } => {
                Value::Array(std::rc::Rc::new(std::cell::RefCell::new(crate::runtime::value::Array {
                    ty: *ty,
                    items: items.iter().map(Portable::to_value).collect(),
                })))
            }
            Portable::Formula { code, captured, source } => {
                let captured = captured.iter().map(|(slot, v)| (*slot, v.to_value())).collect();
                Value::new_formula(std::rc::Rc::new(Formula {
                    code: Arc::clone(code),
                    captured,
                    source: source.clone(),
                }))
            }
            Portable::Pointer(PortablePointer::Process { slot, name }) => {
                Value::Pointer(std::rc::Rc::new(Pointer::Process { slot: *slot, name: name.as_str().into() }))
            }
            Portable::Pointer(PortablePointer::Interprocess { slot, name }) => {
                Value::Pointer(std::rc::Rc::new(Pointer::Interprocess { slot: *slot, name: name.as_str().into() }))
            }
            Portable::SharedObject(o) => Value::SharedObject(Arc::clone(o)),
            Portable::SharedCollection(c) => Value::SharedCollection(Arc::clone(c)),
            Portable::Pointer(PortablePointer::Gone { name }) => {
                // A local of the sending process: a call serial no process uses.
                Value::Pointer(std::rc::Rc::new(Pointer::Local { call: u64::MAX, slot: 0, name: name.as_str().into() }))
            }
        }
    }
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
