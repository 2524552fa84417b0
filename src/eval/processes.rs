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
use std::sync::atomic::Ordering;
use std::thread::Scope;
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex};

use super::control::{
    Control, Interprocess, MAX_LIVE_PROCESSES, Message, Methods, ProcessEntry, STANDALONE_USER, Table, WorkerName,
    process_id, state,
};
use super::exec::{self};
use super::portable::Portable;
use super::program::MethodCode;
use super::run::Run;
use crate::commands::Output;
use crate::diag::Span;
use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::value::Value;
use crate::session::{Session, SessionKind, SessionTable};

/// How often the main process, waiting for the other processes to end,
/// looks for requests for its variables.
const IDLE_CHECK: Duration = Duration::from_millis(50);

/// How often the main process, waiting for messages in `DELAY PROCESS`,
/// looks whether it was aborted.
const ABORT_CHECK: Duration = Duration::from_millis(100);

/// The default stack of a process thread, and the most a `New process` may ask.
const DEFAULT_STACK: usize = 64 << 20;
const MAX_STACK: usize = 1 << 30;

/// What every process of a run shares: the run (methods, sources,
/// diagnostics) and the output, borrowed for `'o`, and the process table.
pub struct World<'o> {
    run: Mutex<&'o mut Run>,
    out: Mutex<&'o mut (dyn Output + Send)>,
    pub table: Table,
    /// `Storage`.
    pub storage: Arc<crate::runtime::shared::SharedObject>,
    /// The `Storage` of each component (component `k` at `k`), made when first asked for.
    pub component_storages: Mutex<Vec<Arc<crate::runtime::shared::SharedObject>>>,
    /// The workers, by name (case-sensitive); the main process is the first.
    workers: Mutex<Vec<Arc<Worker>>>,
    /// `Times inside objects` in milliseconds (`SET DATABASE PARAMETER`): the run's setting.
    pub times_in_milliseconds: Arc<std::sync::atomic::AtomicBool>,
    /// Work that keeps the run going: processes started by `New process`,
    /// messages not yet handled and asynchronous objects not done. The run
    /// ends when it is 0.
    activity: Arc<Activity>,
    /// The boxes of the processes that are no workers, made when one of
    /// them makes an asynchronous object (`4D.SystemWorker`...), by number.
    mailboxes: Mutex<rustc_hash::FxHashMap<i32, Arc<Worker>>>,
    /// The interprocess variables (`<>name`).
    pub interprocess: Interprocess,
    /// The sessions of the run: the standalone session of every process,
    /// and the stored-procedures session once `Execute on server` is used.
    pub sessions: SessionTable,
    pub standalone: Arc<Session>,
    stored_procedures: std::sync::OnceLock<Arc<Session>>,
    /// The project's roles.json, as the run read it when it started.
    pub roles: Option<Arc<crate::session::Roles>>,
    /// The run's singletons of shared singleton classes, by class index.
    singletons: Mutex<Vec<Option<Arc<crate::runtime::shared::SharedObject>>>>,
    /// Set by `QUIT 4D`.
    quitting: std::sync::atomic::AtomicBool,
    /// The `ek global` and `ek errors from components` error handlers.
    error_handlers: parking_lot::RwLock<crate::runtime::error::ErrorHandlers>,
    /// `SET ASSERT ENABLED` without `*` (see `Control::asserts`).
    asserts: std::sync::atomic::AtomicU64,
}

impl<'o> World<'o> {
    /// The watch of [`Run::time_limit`]: once `limit` has passed, aborts
    /// every process of the run, again every tenth of a second (processes
    /// may start others while they stop), until the run has `ended`.
    fn stop_after(&self, limit: Duration, ended: &(Mutex<bool>, Condvar)) {
        let deadline = Instant::now() + limit;
        let mut done = ended.0.lock();
        while !*done {
            let now = Instant::now();
            if now >= deadline {
                for entry in self.table.running() {
                    entry.abort();
                }
            }
            let next = if now >= deadline { now + ABORT_CHECK } else { deadline };
            let _ = ended.1.wait_until(&mut done, next);
        }
    }

    pub fn new(run: &'o mut Run, out: &'o mut (dyn Output + Send)) -> World<'o> {
        let sessions = SessionTable::new();
        let roles = run.roles();
        World {
            roles,
            run: Mutex::new(run),
            out: Mutex::new(out),
            table: Table::new(),
            storage: crate::runtime::shared::SharedObject::new_storage(),
            component_storages: Mutex::new(Vec::new()),
            quitting: std::sync::atomic::AtomicBool::new(false),
            workers: Mutex::new(Vec::new()),
            activity: Arc::new(Activity::default()),
            mailboxes: Mutex::new(rustc_hash::FxHashMap::default()),
            times_in_milliseconds: Arc::default(),
            interprocess: Interprocess::default(),
            standalone: sessions.create(SessionKind::Standalone, STANDALONE_USER),
            sessions,
            stored_procedures: std::sync::OnceLock::new(),
            singletons: Mutex::new(Vec::new()),
            error_handlers: parking_lot::RwLock::new(crate::runtime::error::ErrorHandlers::default()),
            asserts: std::sync::atomic::AtomicU64::new(1),
        }
    }

    /// The output of a new process.
    pub fn output(&self) -> LineOutput<'_, 'o> {
        LineOutput::new(&self.out)
    }

    fn begin_activity(&self) {
        self.activity.begin();
    }

    fn end_activity(&self, n: usize) {
        self.activity.end(n);
    }

    /// Runs `body` with the run (methods, sources, diagnostics) locked.
    pub fn with_run<T>(&self, body: impl FnOnce(&mut Run) -> T) -> T {
        let mut run = self.run.lock();
        body(&mut run)
    }
}

/// The count of what keeps a run going, and the wake of the main process
/// waiting for it to reach 0.
#[derive(Default)]
struct Activity {
    count: Mutex<usize>,
    /// Notified when the count goes down or the main process gets a message.
    idle: Condvar,
}

impl Activity {
    fn begin(&self) {
        *self.count.lock() += 1;
    }

    fn end(&self, n: usize) {
        let mut count = self.count.lock();
        *count = count.saturating_sub(n);
        self.idle.notify_all();
    }

    fn notify(&self) {
        let _count = self.count.lock();
        self.idle.notify_all();
    }
}

/// Keeps the run going while an asynchronous object is alive.
struct ActivityGuard(Arc<Activity>);

impl Drop for ActivityGuard {
    fn drop(&mut self) {
        self.0.end(1);
    }
}

/// Where the threads of an asynchronous object post its events: the box of
/// the process that made it, while that process handles it.
struct BoxSink {
    target: Arc<Worker>,
    process: i32,
    activity: Arc<Activity>,
}

impl crate::commands::asynchronous::EventSink for BoxSink {
    fn post(&self, event: crate::commands::asynchronous::Event) -> bool {
        // Counted before the box is locked, as `CALL WORKER` does.
        self.activity.begin();
        let mut inbox = self.target.inbox.lock();
        if inbox.process.as_ref().map(|p| p.number) != Some(self.process) || inbox.ending {
            drop(inbox);
            self.activity.end(1);
            return false;
        }
        inbox.queue.push_back(Message::Event(event));
        self.target.arrived.notify_all();
        drop(inbox);
        self.activity.notify();
        true
    }
}

/// The main process of a run, as [`run_processes`] hands it to its body: its
/// entry in the process table, the other processes, the project's methods
/// and its output.
pub struct MainProcess<'scope, 'env, 'o> {
    pub control: Processes<'scope, 'env, 'o>,
    pub entry: Arc<ProcessEntry>,
    pub methods: SharedMethods<'env, 'o>,
    pub out: LineOutput<'env, 'o>,
    pub world: &'env World<'o>,
}

/// A wait of this thread's process for a shared group ends when the process
/// is aborted (or interrupted by Ctrl-C in the REPL).
fn stop_waits_on_abort(entry: &Arc<ProcessEntry>) {
    let entry = Arc::clone(entry);
    crate::runtime::locks::stop_waiting_when(Some(Box::new(move || entry.is_aborted())));
}

/// Starts a run's processes: the process table, with the main process on
/// this thread, which runs `body`. Returns when `body` has returned and
/// every process it started has ended. `fourd run`, `fourd test` (through
/// `fourd run`) and the REPL all start their processes here; `body` ends the
/// run with [`Processes::finish`].
pub fn run_processes<T>(
    run: &mut Run,
    out: &mut (dyn Output + Send),
    body: impl FnOnce(MainProcess<'_, '_, '_>) -> T,
) -> T {
    let limit = run.time_limit;
    let world = World::new(run, out);
    let ended = (Mutex::new(false), Condvar::new());
    std::thread::scope(|scope| {
        if let Some(limit) = limit {
            let (world, ended) = (&world, &ended);
            scope.spawn(move || world.stop_after(limit, ended));
        }
        let control = Processes::new(&world, scope);
        let entry = control.main_entry();
        let me = process_id(entry.number);
        crate::runtime::shared::set_current_process(me);
        crate::runtime::object_modes::enter_process(Arc::clone(&world.times_in_milliseconds));
        stop_waits_on_abort(&entry);
        let main =
            MainProcess { control, entry, methods: SharedMethods::new(&world), out: world.output(), world: &world };
        let result = body(main);
        crate::runtime::locks::release_all(me);
        *ended.0.lock() = true;
        ended.1.notify_all();
        result
    })
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
    process: Option<Arc<ProcessEntry>>,
    /// `KILL WORKER`: the process ends after its current message.
    killed: bool,
    /// The run is over: the process ends.
    ending: bool,
    /// The method of the first message, run again by `CALL WORKER(name; "")`.
    startup: Option<String>,
}

impl Worker {
    fn new(name: &str, process: Option<Arc<ProcessEntry>>) -> Arc<Worker> {
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

    /// The next message, or `None` when the process must end; the process
    /// answers requests for its variables while its box is empty.
    fn next(self: &Arc<Self>, process: &mut exec::Process<'_>, entry: &Arc<ProcessEntry>) -> Option<Message> {
        let _poke = PokeGuard::new(entry, self);
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
            if entry.has_requests() {
                drop(inbox);
                process.serve_requests();
                inbox = self.inbox.lock();
                continue;
            }
            self.arrived.wait(&mut inbox);
        }
    }

    /// Wakes the process waiting for this box (see [`Worker::next`]).
    fn ring(&self) {
        let _inbox = self.inbox.lock();
        self.arrived.notify_all();
    }
}

/// While it lives, a request for the variables of `entry`'s process wakes
/// its wait for the messages of a box.
struct PokeGuard<'e>(&'e Arc<ProcessEntry>);

impl<'e> PokeGuard<'e> {
    fn new(entry: &'e Arc<ProcessEntry>, worker: &Arc<Worker>) -> PokeGuard<'e> {
        let worker = Arc::clone(worker);
        entry.set_poke(Some(Box::new(move || worker.ring())));
        PokeGuard(entry)
    }
}

impl Drop for PokeGuard<'_> {
    fn drop(&mut self) {
        self.0.set_poke(None);
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
    fn main_entry(&self) -> Arc<ProcessEntry> {
        let slot = self.world.table.add("Main process", false, &self.world.standalone);
        slot.note_thread();
        self.world.workers.lock().push(Worker::new("Main process", Some(Arc::clone(&slot))));
        slot
    }

    /// The end of the run, for the main process once its own work is done
    /// (whether it succeeded or not): the main process is a worker, so it
    /// handles its messages, without the locks an error left taken, until no
    /// process started by `New process` runs and every box is empty; then
    /// the workers end.
    pub fn finish(&self, process: &mut exec::Process<'_>) {
        let me = crate::runtime::shared::current_process();
        crate::runtime::locks::release_all(me);
        self.handle_until_idle(process);
        crate::runtime::locks::release_all(me);
    }

    fn handle_until_idle(&self, process: &mut exec::Process<'_>) {
        loop {
            if let Some(message) = self.main_message(Instant::now()) {
                process.run_message(message);
                self.message_done();
                continue;
            }
            // An aborted main process (`QUIT 4D`, the run's time limit) lets
            // go of its asynchronous objects: their callbacks never run.
            if self.world.table.get(1).is_some_and(|main| main.is_aborted()) {
                process.forget_async_objects();
            }
            let mut activity = self.world.activity.count.lock();
            if *activity == 0 {
                break;
            }
            let main_has_mail =
                self.world.workers.lock().first().is_some_and(|main| !main.inbox.lock().queue.is_empty());
            if process.has_requests() {
                drop(activity);
                process.serve_requests();
            } else if !main_has_mail {
                // Requests for the main process's variables do not ring this
                // wait: they are looked for every 50 ms.
                self.world.activity.idle.wait_for(&mut activity, IDLE_CHECK);
            }
        }
        for worker in self.world.workers.lock().iter() {
            worker.inbox.lock().ending = true;
            worker.arrived.notify_all();
        }
    }

    /// The box process `slot` reads: the main process's, a worker's, or
    /// the one made for a process that is no worker (`None` if none was).
    fn mailbox(&self, slot: &Arc<ProcessEntry>) -> Option<Arc<Worker>> {
        if slot.worker || slot.number == 1 {
            let workers = self.world.workers.lock();
            return workers
                .iter()
                .find(|w| w.inbox.lock().process.as_ref().is_some_and(|p| Arc::ptr_eq(p, slot)))
                .cloned();
        }
        self.world.mailboxes.lock().get(&slot.number).cloned()
    }

    /// A process has ended: the events still in its box are dropped (its
    /// asynchronous objects are gone with it), and the box of a process
    /// that is no worker with them.
    fn close_events(&self, slot: &Arc<ProcessEntry>) {
        let removed = self.world.mailboxes.lock().remove(&slot.number);
        let (target, own) = match removed {
            Some(target) => (target, true),
            None => match self.mailbox(slot) {
                Some(target) => (target, false),
                None => return,
            },
        };
        let mut inbox = target.inbox.lock();
        if own {
            inbox.process = None;
        }
        let before = inbox.queue.len();
        inbox.queue.retain(|m| matches!(m, Message::Call { .. }));
        let dropped = before - inbox.queue.len();
        drop(inbox);
        self.world.end_activity(dropped);
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
        slot: &Arc<ProcessEntry>,
        stack: usize,
        body: impl FnOnce(Self, Arc<ProcessEntry>) + Send + 'scope,
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
    fn run_thread(self, slot: &Arc<ProcessEntry>, body: impl FnOnce(&mut exec::Process<'_>)) {
        let mut methods = SharedMethods::new(self.world);
        let mut out = self.world.output();
        let mut process_vars = Vec::new();
        let me = process_id(slot.number);
        crate::runtime::shared::set_current_process(me);
        crate::runtime::object_modes::enter_process(Arc::clone(&self.world.times_in_milliseconds));
        stop_waits_on_abort(slot);
        slot.note_thread();
        {
            let mut process = exec::Process::new(&mut methods, &mut process_vars, &mut out);
            process.attach(&self, Arc::clone(slot));
            body(&mut process);
        }
        slot.close_requests();
        self.close_events(slot);
        out.flush();
        crate::runtime::locks::release_all(me);
        self.world.table.semaphores.release_all(slot.number);
        slot.state.store(state::ABORTED, Ordering::Release);
    }

    /// The body of a worker's process: handles its messages in order; an
    /// uncaught error is reported with the worker's name and the worker goes
    /// on with its next message. Process variables live on between messages.
    fn run_worker(self, slot: Arc<ProcessEntry>, worker: Arc<Worker>) {
        self.run_thread(&slot, |process| {
            while let Some(message) = worker.next(process, &slot) {
                process.run_message(message);
                self.world.end_activity(1);
                // An aborted worker's process ends with its box emptied, as
                // a killed one: the messages left in it never run.
                if slot.is_aborted() {
                    let mut inbox = worker.inbox.lock();
                    let discarded = inbox.queue.len();
                    inbox.queue.clear();
                    drop(inbox);
                    self.world.end_activity(discarded);
                    break;
                }
            }
        });
        // Messages posted after a `KILL WORKER` or an abort start a new
        // process.
        let mut inbox = worker.inbox.lock();
        inbox.process = None;
        if inbox.killed || slot.is_aborted() {
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
    fn run_process(self, slot: Arc<ProcessEntry>, method: usize, args: Vec<Portable>) {
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

/// A web process's thread, as the web server's code sees it: the process's
/// entry, and the other processes of the run.
pub struct WebThread<'scope, 'env, 'o> {
    pub control: Processes<'scope, 'env, 'o>,
    pub slot: Arc<ProcessEntry>,
}

/// Writes on standard error the run's diagnostics not shown yet (see [`Run::take_unshown`]).
pub fn show_diagnostics(world: &World<'_>) {
    if let Some(text) = world.with_run(Run::take_unshown) {
        let mut out = world.output();
        out.stderr(&text);
        out.flush();
    }
}

impl<'scope, 'env, 'o: 'env> WebThread<'scope, 'env, 'o> {
    /// Runs `body` in a new `Process` on this thread: each request a web
    /// process handles starts with fresh process variables and no open
    /// documents; the locks and semaphores it took are let go of after.
    pub fn with_process<T>(&self, body: impl FnOnce(&mut exec::Process<'_>) -> T) -> T {
        let world = self.control.world;
        let mut methods = SharedMethods::new(world);
        let mut out = world.output();
        let mut process_vars = Vec::new();
        let result = {
            let mut process = exec::Process::new(&mut methods, &mut process_vars, &mut out);
            process.attach(&self.control, Arc::clone(&self.slot));
            body(&mut process)
        };
        self.control.close_events(&self.slot);
        out.flush();
        crate::runtime::locks::release_all(process_id(self.slot.number));
        world.table.semaphores.release_all(self.slot.number);
        result
    }

    /// Writes on standard error the diagnostics not shown yet (a method
    /// that could not be loaded).
    pub fn show_diagnostics(&self) {
        show_diagnostics(self.control.world);
    }

    /// Reports an uncaught error of 4D code run for a request, as the
    /// errors of other processes are.
    pub fn report_error(&self, error: &RuntimeError, method: &str) {
        self.control.report_error(error, method, &self.slot.name);
    }
}

impl<'scope, 'env, 'o: 'env> Processes<'scope, 'env, 'o> {
    /// Starts a web process (named `Web Process#<id>`, as 4D names them) on
    /// a thread of the run, running `body` until it returns.
    pub fn start_web_process(
        &self,
        body: impl FnOnce(WebThread<'scope, 'env, 'o>) + Send + 'scope,
    ) -> Result<Arc<ProcessEntry>, RuntimeError> {
        let name = format!("Web Process#{}", crate::session::SessionId::random().as_str());
        let slot = self.world.table.add(&name, false, &self.world.standalone);
        self.spawn(&slot, DEFAULT_STACK, move |control, slot| {
            crate::runtime::shared::set_current_process(process_id(slot.number));
            crate::runtime::object_modes::enter_process(Arc::clone(&control.world.times_in_milliseconds));
            stop_waits_on_abort(&slot);
            slot.note_thread();
            body(WebThread { control, slot: Arc::clone(&slot) });
            slot.state.store(state::ABORTED, Ordering::Release);
        })
        .inspect_err(|_| slot.state.store(state::ABORTED, Ordering::Release))?;
        Ok(slot)
    }
}

impl<'scope, 'env, 'o: 'env> Control for Processes<'scope, 'env, 'o> {
    fn roles(&self) -> Option<&Arc<crate::session::Roles>> {
        self.world.roles.as_ref()
    }

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

    fn error_handlers(&self) -> &parking_lot::RwLock<crate::runtime::error::ErrorHandlers> {
        &self.world.error_handlers
    }

    fn asserts(&self) -> &std::sync::atomic::AtomicU64 {
        &self.world.asserts
    }

    fn storage(&self, context: u16) -> Arc<crate::runtime::shared::SharedObject> {
        let Some(k) = usize::from(context).checked_sub(1) else { return Arc::clone(&self.world.storage) };
        let mut storages = self.world.component_storages.lock();
        while storages.len() <= k {
            storages.push(crate::runtime::shared::SharedObject::new_storage());
        }
        Arc::clone(&storages[k])
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

    fn quit(&self) {
        self.world.quitting.store(true, Ordering::Release);
        for entry in self.world.table.running() {
            entry.abort();
        }
    }

    fn quitting(&self) -> bool {
        self.world.quitting.load(Ordering::Acquire)
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
        let message = match message {
            Message::Call { function: Portable::Text(method), args } if method.is_empty() => match &inbox.startup {
                Some(startup) => Message::Call { function: Portable::Text(startup.clone()), args },
                None => {
                    drop(inbox);
                    self.world.end_activity(1);
                    return Ok(());
                }
            },
            other => other,
        };
        if inbox.startup.is_none()
            && let Message::Call { function: Portable::Text(method), .. } = &message
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
            self.world.activity.notify();
        }
        Ok(())
    }

    fn kill_worker(&self, target: WorkerName) {
        let workers = self.world.workers.lock();
        let found = workers.iter().enumerate().find(|(_, w)| w.is(&target));
        let Some((index, worker)) = found else { return };
        let mut inbox = worker.inbox.lock();
        // The events of the process's asynchronous objects stay: a `.wait()`
        // running in the current message, or the end of the run, waits for them.
        let before = inbox.queue.len();
        inbox.queue.retain(|m| matches!(m, Message::Event(_)));
        let discarded = before - inbox.queue.len();
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
        let entry = main.inbox.lock().process.clone();
        let _poke = entry.as_ref().map(|entry| PokeGuard::new(entry, &main));
        let mut inbox = main.inbox.lock();
        loop {
            if let Some(message) = inbox.queue.pop_front() {
                return Some(message);
            }
            // An abort (Ctrl-C in the REPL) ends the wait: it is looked at
            // every tenth of a second, since it does not ring this box.
            // Requests for the main process's variables end it too (the
            // caller answers them).
            if inbox.process.as_ref().is_some_and(|entry| entry.is_aborted() || entry.has_requests()) {
                return None;
            }
            let now = Instant::now();
            if now >= deadline {
                return None;
            }
            let _ = main.arrived.wait_until(&mut inbox, deadline.min(now + ABORT_CHECK));
        }
    }

    fn message_done(&self) {
        self.world.end_activity(1);
    }

    fn open_events(
        &self,
        slot: &Arc<ProcessEntry>,
    ) -> (Arc<dyn crate::commands::asynchronous::EventSink>, Box<dyn std::any::Any>) {
        let target = match self.mailbox(slot) {
            Some(target) => target,
            None => Arc::clone(
                self.world
                    .mailboxes
                    .lock()
                    .entry(slot.number)
                    .or_insert_with(|| Worker::new(&slot.name, Some(Arc::clone(slot)))),
            ),
        };
        let activity = Arc::clone(&self.world.activity);
        activity.begin();
        let guard = ActivityGuard(Arc::clone(&activity));
        (Arc::new(BoxSink { target, process: slot.number, activity }), Box::new(guard))
    }

    fn next_message(&self, slot: &Arc<ProcessEntry>, deadline: Instant) -> Option<Message> {
        let target = self.mailbox(slot)?;
        let mut inbox = target.inbox.lock();
        loop {
            if let Some(message) = inbox.queue.pop_front() {
                return Some(message);
            }
            let now = Instant::now();
            if now >= deadline || slot.is_aborted() {
                return None;
            }
            let _ = target.arrived.wait_until(&mut inbox, deadline.min(now + ABORT_CHECK));
        }
    }

    fn report_error(&self, error: &RuntimeError, method: &str, process: &str) {
        // An aborted process is not in error.
        if error.code() != codes::ABORTED
            && let Some(text) = self.world.with_run(|run| run.report_process_error(error, method, process))
        {
            let mut out = self.world.output();
            out.stderr(&text);
            out.flush();
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

    fn method_index(&mut self, name: &str, context: u16) -> Option<usize> {
        self.world.with_run(|run| run.method_index(name, context))
    }

    fn class_code(&mut self, index: usize) -> Result<Arc<super::program::ClassCode>, RuntimeError> {
        self.world.with_run(|run| run.class_code(index))
    }

    fn class_index(&mut self, name: &str, context: u16) -> Option<usize> {
        self.world.with_run(|run| run.class_index(name, context))
    }

    fn class_names(&mut self, context: u16) -> Vec<String> {
        self.world.with_run(|run| run.class_names(context))
    }

    fn component_names(&mut self) -> Vec<String> {
        self.world.with_run(|run| run.component_names())
    }

    fn namespaces(&mut self) -> Vec<(String, u16)> {
        self.world.with_run(|run| run.namespaces())
    }

    fn method_names(&mut self) -> Vec<String> {
        self.world.with_run(|run| run.method_names())
    }

    fn design_objects(&mut self) -> Vec<crate::commands::DesignObject> {
        self.world.with_run(|run| run.design_objects())
    }

    fn process_var_slot(&mut self, name: &str, context: u16) -> Option<usize> {
        self.world.with_run(|run| run.process_var_slot(name, context))
    }

    fn system_numbers(&self) -> Vec<(usize, f64)> {
        self.world.with_run(|run| run.system_numbers())
    }

    fn process_var_name(&self, slot: usize) -> String {
        self.world.with_run(|run| run.process_var_name(slot))
    }

    fn compile_formula(&mut self, source: &str, context: u16) -> Result<Arc<MethodCode>, RuntimeError> {
        self.world.with_run(|run| run.compile_formula(source, context))
    }

    fn compile_method(&mut self, name: &str, source: &str, context: u16) -> Result<Arc<MethodCode>, RuntimeError> {
        self.world.with_run(|run| run.compile_method(name, source, context))
    }

    fn compile_statement(
        &mut self,
        source: &str,
        method: &str,
        locals: &[super::program::LocalInfo],
        context: u16,
    ) -> Result<Vec<super::program::Stmt>, RuntimeError> {
        self.world.with_run(|run| run.compile_statement(source, method, locals, context))
    }

    fn snippet(&self, span: Span) -> String {
        self.world.with_run(|run| Methods::snippet(&*run, span))
    }

    fn line(&self, span: Span) -> usize {
        self.world.with_run(|run| run.line(span))
    }

    fn line_text(&self, span: Span) -> Option<String> {
        self.world.with_run(|run| run.line_text(span))
    }

    fn user_param(&self) -> String {
        self.world.with_run(|run| run.user_param.clone())
    }

    fn project_folder(&self) -> Option<(std::path::PathBuf, bool)> {
        self.world.with_run(|run| Methods::project_folder(&*run))
    }

    fn web_options(&self) -> Arc<crate::commands::web_options::WebOptions> {
        self.world.with_run(|run| Arc::clone(&run.web_options))
    }

    fn localization(&self) -> Arc<crate::commands::localization::Localization> {
        self.world.with_run(|run| Arc::clone(&run.localization))
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
