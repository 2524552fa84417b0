//! The locks taken by `Use ... End use` on shared objects and collections.
//!
//! Every shared object or collection belongs to a [`Group`], and a group has a
//! single lock. A 4D process takes it with `Use` and gives it back with
//! `End use`; while one process holds it, any other process that wants it
//! waits, with no time limit. The lock is reentrant per process: nested `Use`
//! blocks of the same process only count up, and the group is free again when
//! the count comes back to zero.
//!
//! 4D itself hangs when processes wait for each other in a circle. fourd
//! instead refuses the one wait that would close the circle: [`Group::acquire`]
//! returns [`Deadlock`] to that process, and the others carry on once it gives
//! its groups back.
//!
//! # How it works
//!
//! A group is an owner word (the holding process, 0 when free) and a nesting
//! count that only the owner touches. Taking a free group is one
//! compare-and-swap, taking it again is a plain increment, and giving it back
//! is one store plus a check for sleeping waiters, so an uncontended
//! `Use ... End use` never touches anything global.
//!
//! Only a process that must wait takes the global mutex of the wait-for graph:
//! there it records which group it waits for, after first following the chain
//! "owner of the group, the group that owner waits for, its owner, ..." to see
//! whether the chain comes back to itself. Recording and checking happen under
//! that one mutex, so of the processes that close a circle the last to arrive
//! is the one that sees it, and exactly one of them is refused.
//!
//! Each thread keeps a list of the groups its processes hold, filled on the
//! first acquire of a group and emptied on its final release, for
//! [`release_all`]. Hence the rule: `acquire`, `release` and `release_all` for
//! a given [`ProcessId`] are always called on the thread that runs that
//! process. Should a thread end while still holding groups, it gives them back
//! as it goes.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};

use parking_lot::{Condvar, Mutex};
use rustc_hash::FxBuildHasher;

/// Identifies a 4D process to the locks: non-zero and unique for the run.
pub type ProcessId = u64;

/// The refusal of an acquire that would close a circle of processes waiting
/// for each other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadlock {
    /// A process of the circle: the one that holds the group that was asked for.
    pub holder: ProcessId,
}

impl fmt::Display for Deadlock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "deadlock: the shared object is held by process {}, which is waiting for this process", self.holder)
    }
}

impl std::error::Error for Deadlock {}

/// Why [`Group::acquire`] did not take the group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// Waiting would close a circle of processes waiting for each other.
    Deadlock(Deadlock),
    /// The process was told to stop (aborted, or Ctrl-C in the REPL) while
    /// it waited.
    Stopped,
}

impl From<Deadlock> for Refused {
    fn from(deadlock: Deadlock) -> Refused {
        Refused::Deadlock(deadlock)
    }
}

thread_local! {
    /// Whether the process of this thread must stop waiting (see
    /// [`stop_waiting_when`]).
    static STOP: RefCell<Option<Box<dyn Fn() -> bool>>> = const { RefCell::new(None) };
}

/// Sets what a wait for a group on this thread looks at, every
/// [`STOP_CHECK`], to give up waiting: the abort of the thread's process.
pub fn stop_waiting_when(check: Option<Box<dyn Fn() -> bool>>) {
    STOP.with(|stop| *stop.borrow_mut() = check);
}

/// Whether the process of this thread must stop waiting.
pub fn must_stop() -> bool {
    STOP.try_with(|stop| stop.borrow().as_ref().is_some_and(|check| check())).unwrap_or(false)
}

/// How often a sleeping wait for a group looks whether to give up.
pub const STOP_CHECK: std::time::Duration = std::time::Duration::from_millis(100);

/// The lock shared by the objects and collections of one group: held by at
/// most one process at a time, reentrant for that process.
pub struct Group {
    id: u64,
    /// The process holding the group; 0 when the group is free.
    owner: AtomicU64,
    /// How many times the owner has taken the group. Read and written only by
    /// the owner, between taking and giving back the group.
    count: AtomicU32,
    /// How many processes are in the sleeping part of `acquire_slow`.
    waiters: AtomicU32,
    /// Guards going to sleep against missing a wake-up.
    sleep: Mutex<()>,
    /// Where waiting processes sleep until the group is given back.
    wake: Condvar,
}

/// Source of group ids; 0 is never handed out.
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// How many times a contended acquire yields its processor before it sleeps.
const YIELDS: u32 = 256;

impl Group {
    /// A new, free group with an id no other group of the run has.
    pub fn new() -> Arc<Group> {
        Arc::new(Group {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            owner: AtomicU64::new(0),
            count: AtomicU32::new(0),
            waiters: AtomicU32::new(0),
            sleep: Mutex::new(()),
            wake: Condvar::new(),
        })
    }

    /// The group's id, unique among the groups of the run.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// Takes the group for process `me` (`Use`), waiting as long as another
    /// process holds it. Taking it again while holding it only counts up.
    ///
    /// Fails, without waiting and without taking anything, when waiting would
    /// close a circle: the holder of the group waits, directly or through
    /// other processes, for a group `me` holds.
    pub fn acquire(self: &Arc<Self>, me: ProcessId) -> Result<(), Refused> {
        debug_assert_ne!(me, 0, "process ids are non-zero");
        let owner = self.owner.load(Ordering::Relaxed);
        if owner == me {
            // Only `me` writes the count while it owns the group.
            let depth = self.count.load(Ordering::Relaxed);
            self.count.store(depth + 1, Ordering::Relaxed);
            return Ok(());
        }
        if owner == 0 && self.owner.compare_exchange(0, me, Ordering::Acquire, Ordering::Relaxed).is_ok() {
            self.taken(me);
            return Ok(());
        }
        self.acquire_slow(me)
    }

    /// The contended part of [`Group::acquire`]: spin a little, then check for
    /// a circle, record the wait and sleep until the group can be taken.
    #[cold]
    fn acquire_slow(self: &Arc<Self>, me: ProcessId) -> Result<(), Refused> {
        // Give the processor to the holder a number of times before sleeping:
        // with more processes than processors the holder is often not
        // running, and sleeping costs a system call on both sides. (Spinning
        // measured slower: it keeps the lock's cache line moving between
        // processors; `../shared/bench` `shared` went from 2.5 s to 0.8 s.)
        for _ in 0..YIELDS {
            std::thread::yield_now();
            if self.owner.load(Ordering::Relaxed) == 0
                && self.owner.compare_exchange(0, me, Ordering::Acquire, Ordering::Relaxed).is_ok()
            {
                self.taken(me);
                return Ok(());
            }
        }

        {
            let mut graph = GRAPH.lock();
            if let Some(holder) = graph.circle(self, me) {
                return Err(Deadlock { holder }.into());
            }
            graph.waiting.insert(me, Arc::clone(self));
        }

        {
            let mut guard = self.sleep.lock();
            // Announce the wait before trying: a release either sees the
            // announcement and wakes us (it must take `sleep`, which we hold
            // until we are asleep), or its store of 0 is seen by the CAS.
            self.waiters.fetch_add(1, Ordering::SeqCst);
            while self.owner.compare_exchange(0, me, Ordering::SeqCst, Ordering::Relaxed).is_err() {
                if self.wake.wait_for(&mut guard, STOP_CHECK).timed_out() && must_stop() {
                    self.waiters.fetch_sub(1, Ordering::Relaxed);
                    // A release may have woken this process rather than
                    // another waiter: pass the wake-up on.
                    self.wake.notify_one();
                    drop(guard);
                    GRAPH.lock().waiting.remove(&me);
                    return Err(Refused::Stopped);
                }
            }
            self.waiters.fetch_sub(1, Ordering::Relaxed);
        }

        GRAPH.lock().waiting.remove(&me);
        self.taken(me);
        Ok(())
    }

    /// Book-keeping of a first acquire by `me`, which now owns the group.
    fn taken(self: &Arc<Self>, me: ProcessId) {
        self.count.store(1, Ordering::Relaxed);
        // Fails only while the thread is being torn down; the group is then
        // given back by whoever ends the process, or never needed again.
        let _ = HELD.try_with(|held| held.borrow_mut().note(me, self));
    }

    /// Gives the group back once (`End use`); it is free when every acquire
    /// of `me` has been matched. Does nothing if `me` does not hold it.
    pub fn release(&self, me: ProcessId) {
        if self.owner.load(Ordering::Relaxed) != me || me == 0 {
            return;
        }
        let depth = self.count.load(Ordering::Relaxed);
        if depth > 1 {
            self.count.store(depth - 1, Ordering::Relaxed);
            return;
        }
        // The group stays in the thread's list (see `Held`).
        self.unlock();
    }

    /// Frees the group whatever its count, waking one sleeping waiter if any.
    /// Only called by (or for) the owner.
    fn unlock(&self) {
        self.count.store(0, Ordering::Relaxed);
        self.owner.store(0, Ordering::SeqCst);
        if self.waiters.load(Ordering::SeqCst) != 0 {
            let _guard = self.sleep.lock();
            self.wake.notify_one();
        }
    }

    /// Whether process `me` holds the group, e.g. to refuse writing to a
    /// shared object outside of `Use`.
    pub fn held_by(&self, me: ProcessId) -> bool {
        // Only `me`'s own thread ever stores `me` here or replaces it, so a
        // relaxed load sees the right answer for `me`.
        me != 0 && self.owner.load(Ordering::Relaxed) == me
    }

    /// The process holding the group, if any, at the moment of the call.
    pub fn owner(&self) -> Option<ProcessId> {
        match self.owner.load(Ordering::Acquire) {
            0 => None,
            pid => Some(pid),
        }
    }
}

impl fmt::Debug for Group {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Group").field("id", &self.id).field("owner", &self.owner()).finish()
    }
}

/// Gives back every group process `me` still holds, whatever its count: the
/// process is ending. Must be called on the thread that ran the process.
pub fn release_all(me: ProcessId) {
    let mine: Vec<Arc<Group>> = HELD
        .try_with(|held| {
            let entries = &mut held.borrow_mut().entries;
            let mut mine = Vec::new();
            entries.retain(|(pid, group)| {
                if *pid == me {
                    mine.push(Arc::clone(group));
                    false
                } else {
                    true
                }
            });
            mine
        })
        .unwrap_or_default();
    for group in mine {
        if group.owner.load(Ordering::Relaxed) == me {
            group.unlock();
        }
    }
}

/// Who waits for what, for processes in the sleeping part of an acquire.
struct WaitGraph {
    /// Each waiting process and the group it waits for.
    waiting: HashMap<ProcessId, Arc<Group>, FxBuildHasher>,
}

static GRAPH: Mutex<WaitGraph> = Mutex::new(WaitGraph { waiting: HashMap::with_hasher(FxBuildHasher) });

impl WaitGraph {
    /// If `me` waiting for `wanted` would close a circle, the holder of
    /// `wanted`. Follows owner → the group it waits for → its owner ...; a
    /// process found waiting here cannot give anything back before it stops
    /// waiting, which needs this graph's mutex, so the chain is stable up to
    /// the first owner that is running.
    fn circle(&self, wanted: &Group, me: ProcessId) -> Option<ProcessId> {
        let holder = wanted.owner.load(Ordering::Acquire);
        if holder == 0 || holder == me {
            return None;
        }
        let mut process = holder;
        // A chain without repeats visits each waiting process at most once.
        for _ in 0..=self.waiting.len() {
            if process == me {
                return Some(holder);
            }
            let group = self.waiting.get(&process)?;
            let next = group.owner.load(Ordering::Acquire);
            if next == 0 || next == process {
                // Free, or just taken by its waiter: that process runs on.
                return None;
            }
            process = next;
        }
        None
    }
}

/// The groups the processes of one thread have taken: every group they hold
/// is listed, and so are a few they gave back. A release leaves its group
/// listed, so that a loop taking and giving back the same group does not
/// touch the list (nor the group's reference count, whose atomic updates
/// would move the group's cache line between processors); the groups given
/// back are dropped from the list when it grows.
struct Held {
    entries: Vec<(ProcessId, Arc<Group>)>,
}

/// How many groups the list of a thread keeps before dropping those given back.
const HELD_KEPT: usize = 32;

impl Held {
    /// Lists `group`, just taken by `me`, unless it is listed.
    fn note(&mut self, me: ProcessId, group: &Arc<Group>) {
        if self.entries.iter().any(|(pid, g)| *pid == me && Arc::ptr_eq(g, group)) {
            return;
        }
        if self.entries.len() >= HELD_KEPT {
            self.entries.retain(|(pid, g)| g.owner.load(Ordering::Relaxed) == *pid);
        }
        self.entries.push((me, Arc::clone(group)));
    }
}

impl Drop for Held {
    /// A thread ending with groups still held gives them back, so that no
    /// other process waits for a holder that no longer exists.
    fn drop(&mut self) {
        for (pid, group) in std::mem::take(&mut self.entries) {
            if group.owner.load(Ordering::Relaxed) == pid {
                group.unlock();
            }
        }
    }
}

thread_local! {
    static HELD: RefCell<Held> = const { RefCell::new(Held { entries: Vec::new() }) };
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Barrier;
    use std::sync::mpsc;
    use std::thread;
    use std::time::{Duration, Instant};

    /// Safety net of the waits below: a test that needs longer is broken.
    const PATIENCE: Duration = Duration::from_secs(10);

    /// Joins a thread, failing the test (instead of hanging it) when the
    /// thread has not ended within [`PATIENCE`], as when a wait it should
    /// not make never ends.
    fn join_within<T>(handle: thread::JoinHandle<T>) -> T {
        let start = Instant::now();
        while !handle.is_finished() {
            assert!(start.elapsed() < PATIENCE, "a thread of the test never ended");
            thread::yield_now();
        }
        handle.join().expect("the thread panicked")
    }

    /// Waits until `pid` sleeps waiting for `group`.
    fn wait_until_waiting(pid: ProcessId, group: &Group) {
        let start = Instant::now();
        loop {
            if GRAPH.lock().waiting.get(&pid).is_some_and(|g| g.id() == group.id()) {
                return;
            }
            assert!(start.elapsed() < PATIENCE, "process {pid} never waited for group {}", group.id());
            thread::yield_now();
        }
    }

    /// Process ids no other test uses, so that tests running together do not
    /// see each other in the wait graph.
    fn pids<const N: usize>() -> [ProcessId; N] {
        static NEXT: AtomicU64 = AtomicU64::new(1_000);
        std::array::from_fn(|_| NEXT.fetch_add(1, Ordering::Relaxed))
    }

    #[test]
    fn reentrant_per_process() {
        let [p, q] = pids();
        let group = Group::new();
        group.acquire(p).unwrap();
        group.acquire(p).unwrap();
        group.release(p);
        assert!(group.held_by(p), "one release of two acquires keeps the group");
        group.release(q);
        assert!(group.held_by(p), "another process cannot release it");
        group.release(p);
        assert_eq!(group.owner(), None);
        group.release(p);
        assert_eq!(group.owner(), None, "an extra release is a no-op");

        let other = Arc::clone(&group);
        join_within(thread::spawn(move || {
            other.acquire(q).unwrap();
            assert!(other.held_by(q));
            other.release(q);
        }));
        assert_eq!(group.owner(), None);
    }

    #[test]
    fn held_by_and_owner() {
        let [p, q] = pids();
        let group = Group::new();
        assert_ne!(group.id(), Group::new().id());
        assert_eq!(group.owner(), None);
        assert!(!group.held_by(p));
        group.acquire(p).unwrap();
        assert_eq!(group.owner(), Some(p));
        assert!(group.held_by(p));
        assert!(!group.held_by(q));
        assert!(!group.held_by(0));
        group.release(p);
        assert!(!group.held_by(p));
    }

    #[test]
    fn mutual_exclusion() {
        const THREADS: u64 = 8;
        const ROUNDS: u64 = 20_000;
        let group = Group::new();
        let counter = Arc::new(AtomicU64::new(0));
        let workers: Vec<_> = pids::<{ THREADS as usize }>()
            .into_iter()
            .map(|pid| {
                let group = Arc::clone(&group);
                let counter = Arc::clone(&counter);
                thread::spawn(move || {
                    for _ in 0..ROUNDS {
                        group.acquire(pid).unwrap();
                        // Not an atomic increment: only the lock keeps it exact.
                        let seen = counter.load(Ordering::Relaxed);
                        counter.store(seen + 1, Ordering::Relaxed);
                        group.release(pid);
                    }
                })
            })
            .collect();
        for worker in workers {
            join_within(worker);
        }
        assert_eq!(counter.load(Ordering::Relaxed), THREADS * ROUNDS);
        assert_eq!(group.owner(), None);
    }

    /// A thread that takes `first`, waits at `barrier`, then tries `second`;
    /// it lets go of both and gives the outcome of its second acquire.
    fn take_in_order(
        me: ProcessId,
        first: Arc<Group>,
        second: Arc<Group>,
        barrier: Arc<Barrier>,
    ) -> thread::JoinHandle<Result<(), Refused>> {
        thread::spawn(move || {
            first.acquire(me).unwrap();
            barrier.wait();
            let result = second.acquire(me);
            if result.is_ok() {
                second.release(me);
            }
            first.release(me);
            result
        })
    }

    #[test]
    fn opposite_order_refuses_exactly_one() {
        for _ in 0..200 {
            let [p, q] = pids();
            let a = Group::new();
            let b = Group::new();
            let barrier = Arc::new(Barrier::new(2));
            let one = take_in_order(p, Arc::clone(&a), Arc::clone(&b), Arc::clone(&barrier));
            let two = take_in_order(q, Arc::clone(&b), Arc::clone(&a), barrier);
            let results = [join_within(one), join_within(two)];
            match results {
                [Err(Refused::Deadlock(Deadlock { holder })), Ok(())] => assert_eq!(holder, q),
                [Ok(()), Err(Refused::Deadlock(Deadlock { holder }))] => assert_eq!(holder, p),
                other => panic!("expected exactly one deadlock, got {other:?}"),
            }
            assert_eq!((a.owner(), b.owner()), (None, None));
            assert!(!GRAPH.lock().waiting.contains_key(&p) && !GRAPH.lock().waiting.contains_key(&q));
        }
    }

    #[test]
    fn three_process_circle() {
        let [p1, p2, p3] = pids();
        let [a, b, c] = [Group::new(), Group::new(), Group::new()];
        // This thread is p3 and holds C; p1 holds A and waits for B, p2 holds B
        // and waits for C; p3 asking for A closes the circle.
        c.acquire(p3).unwrap();
        let (tx, rx) = mpsc::channel();
        let spawn = |me: ProcessId, first: &Arc<Group>, second: &Arc<Group>, tx: mpsc::Sender<()>| {
            let (first, second) = (Arc::clone(first), Arc::clone(second));
            thread::spawn(move || {
                first.acquire(me).unwrap();
                tx.send(()).unwrap();
                second.acquire(me).unwrap();
                second.release(me);
                first.release(me);
            })
        };
        // p2 first, so that B is already held when p1 asks for it.
        let t2 = spawn(p2, &b, &c, tx.clone());
        rx.recv_timeout(PATIENCE).unwrap();
        wait_until_waiting(p2, &c);
        let t1 = spawn(p1, &a, &b, tx);
        rx.recv_timeout(PATIENCE).unwrap();
        wait_until_waiting(p1, &b);

        assert_eq!(a.acquire(p3), Err(Refused::Deadlock(Deadlock { holder: p1 })));
        assert!(!GRAPH.lock().waiting.contains_key(&p3), "a refused acquire leaves no wait behind");
        assert!(c.held_by(p3), "a refused acquire keeps what was held");
        c.release(p3);
        join_within(t2);
        join_within(t1);
        assert_eq!((a.owner(), b.owner(), c.owner()), (None, None, None));
    }

    #[test]
    fn three_threads_in_a_circle_one_refused() {
        for _ in 0..50 {
            let ids = pids::<3>();
            let groups = [Group::new(), Group::new(), Group::new()];
            let barrier = Arc::new(Barrier::new(3));
            let threads: Vec<_> = (0..3)
                .map(|i| {
                    let me = ids[i];
                    let first = Arc::clone(&groups[i]);
                    let second = Arc::clone(&groups[(i + 1) % 3]);
                    take_in_order(me, first, second, Arc::clone(&barrier))
                })
                .collect();
            let refused = threads.into_iter().map(join_within).filter(Result::is_err).count();
            assert_eq!(refused, 1);
        }
    }

    /// A process told to stop while it sleeps waiting for a group gives up
    /// the wait (within a few checks), leaves no wait behind, and the group
    /// still goes to the next waiter when its holder lets go of it.
    #[test]
    fn a_stopped_waiter_gives_up() {
        let [p, q, r] = pids();
        let a = Group::new();
        a.acquire(p).unwrap();
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let quitter = {
            let (a, stop) = (Arc::clone(&a), Arc::clone(&stop));
            thread::spawn(move || {
                stop_waiting_when(Some(Box::new(move || stop.load(Ordering::Relaxed))));
                a.acquire(q)
            })
        };
        let stayer = {
            let a = Arc::clone(&a);
            thread::spawn(move || {
                a.acquire(r).unwrap();
                a.release(r);
            })
        };
        wait_until_waiting(q, &a);
        wait_until_waiting(r, &a);
        stop.store(true, Ordering::Relaxed);
        assert_eq!(join_within(quitter), Err(Refused::Stopped));
        assert!(!GRAPH.lock().waiting.contains_key(&q), "a stopped wait leaves no wait behind");
        assert!(a.held_by(p));
        a.release(p);
        join_within(stayer);
        assert_eq!(a.owner(), None);
    }

    #[test]
    fn release_all_frees_a_waiter() {
        let [p, q] = pids();
        let [a, b] = [Group::new(), Group::new()];
        let (held_tx, held_rx) = mpsc::channel();
        let (end_tx, end_rx) = mpsc::channel::<()>();
        let holder = {
            let (a, b) = (Arc::clone(&a), Arc::clone(&b));
            thread::spawn(move || {
                a.acquire(p).unwrap();
                a.acquire(p).unwrap();
                b.acquire(p).unwrap();
                held_tx.send(()).unwrap();
                end_rx.recv_timeout(PATIENCE).unwrap();
                release_all(p);
                assert!(!a.held_by(p) && !b.held_by(p));
            })
        };
        held_rx.recv_timeout(PATIENCE).unwrap();
        let waiter = {
            let (a, b) = (Arc::clone(&a), Arc::clone(&b));
            thread::spawn(move || {
                a.acquire(q).unwrap();
                b.acquire(q).unwrap();
                b.release(q);
                a.release(q);
            })
        };
        wait_until_waiting(q, &a);
        end_tx.send(()).unwrap();
        join_within(holder);
        join_within(waiter);
        assert_eq!((a.owner(), b.owner()), (None, None));
    }

    #[test]
    fn release_all_leaves_other_processes_alone() {
        let [p, q] = pids();
        let [a, b] = [Group::new(), Group::new()];
        a.acquire(p).unwrap();
        b.acquire(q).unwrap();
        release_all(p);
        assert_eq!((a.owner(), b.owner()), (None, Some(q)));
        b.release(q);
        assert_eq!(b.owner(), None);
    }

    #[test]
    fn ending_thread_gives_back_its_groups() {
        let [p, q] = pids();
        let group = Group::new();
        let other = Arc::clone(&group);
        join_within(thread::spawn(move || other.acquire(p).unwrap()));
        assert_eq!(group.owner(), None);
        group.acquire(q).unwrap();
        group.release(q);
    }
}
