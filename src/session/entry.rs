//! One session: its id, kind and storage, which never change, and its user
//! name, privileges, last use, idle timeout and session singletons, which
//! change under their own short locks or atomics, so that every process of
//! the session reads and writes them through a shared `Arc<Session>`.
//!
//! Times are wall-clock (`SystemTime`), kept as milliseconds since the Unix
//! epoch: `.expirationDate` is a wall-clock date, and a web session's expiry is
//! that date passing.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use parking_lot::{Mutex, RwLock};
use rustc_hash::FxHashMap;

use super::{SessionId, SessionKind};
use crate::runtime::shared::SharedObject;

/// The idle timeout of a new session, in minutes; also the smallest allowed.
pub const DEFAULT_IDLE_TIMEOUT: u32 = 60;

/// The largest idle timeout, in minutes (a 4D Integer).
pub const MAX_IDLE_TIMEOUT: u32 = i32::MAX as u32;

/// A session, shared by all its processes through `Arc`.
#[derive(Debug)]
pub struct Session {
    pub id: SessionId,
    pub kind: SessionKind,
    /// `.storage`: a shared object, empty at creation, whose contents never
    /// join a group.
    pub storage: Arc<SharedObject>,
    pub created: SystemTime,
    /// Milliseconds since the Unix epoch; only ever moves forward.
    last_use: AtomicU64,
    /// Minutes, at least [`DEFAULT_IDLE_TIMEOUT`].
    idle_timeout: AtomicU32,
    details: RwLock<Details>,
    /// Instances of session singleton classes, by class index.
    singletons: Mutex<FxHashMap<usize, Arc<SharedObject>>>,
    /// The `4D.Session` object that stands for the session in 4D code.
    handle: std::sync::OnceLock<Arc<SharedObject>>,
}

#[derive(Debug)]
struct Details {
    user_name: Arc<str>,
    /// Distinct names, in the order first given.
    privileges: Vec<Box<str>>,
    /// Whether `set_privileges` was ever called (a web session is a guest until then).
    privileges_set: bool,
}

impl Session {
    pub(super) fn new(id: SessionId, kind: SessionKind, user_name: &str, now: SystemTime) -> Session {
        Session {
            id,
            kind,
            storage: SharedObject::new_storage(),
            created: now,
            last_use: AtomicU64::new(millis(now)),
            idle_timeout: AtomicU32::new(DEFAULT_IDLE_TIMEOUT),
            details: RwLock::new(Details {
                user_name: Arc::from(user_name),
                privileges: Vec::new(),
                privileges_set: false,
            }),
            singletons: Mutex::new(FxHashMap::default()),
            handle: std::sync::OnceLock::new(),
        }
    }

    /// The `4D.Session` object of the session: made by `make` the first
    /// time, the same object for every process after.
    pub fn handle(&self, make: impl FnOnce() -> Arc<SharedObject>) -> Arc<SharedObject> {
        Arc::clone(self.handle.get_or_init(make))
    }

    /// `.userName`.
    pub fn user_name(&self) -> Arc<str> {
        Arc::clone(&self.details.read().user_name)
    }

    pub fn set_user_name(&self, name: &str) {
        self.details.write().user_name = Arc::from(name);
    }

    /// The privileges set with [`Session::set_privileges`] and
    /// [`Session::add_privileges`], in the order first given.
    pub fn privileges(&self) -> Vec<String> {
        self.details.read().privileges.iter().map(|p| p.to_string()).collect()
    }

    /// Replaces the privileges with `names` (duplicates kept once; names are
    /// compared exactly, case included).
    pub fn set_privileges<I, S>(&self, names: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut details = self.details.write();
        details.privileges.clear();
        details.privileges_set = true;
        add_distinct(&mut details.privileges, names);
    }

    /// Adds `names` to the privileges (those already there are kept once).
    pub fn add_privileges<I, S>(&self, names: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut details = self.details.write();
        details.privileges_set = true;
        add_distinct(&mut details.privileges, names);
    }

    /// Removes every privilege.
    pub fn clear_privileges(&self) {
        self.details.write().privileges.clear();
    }

    /// Whether `name` is among the privileges (compared exactly, case included).
    pub fn has_privilege(&self, name: &str) -> bool {
        self.details.read().privileges.iter().any(|p| &**p == name)
    }

    /// Whether privileges were ever set in this session. A web session is a
    /// guest until then (`.isGuest()`, 21 R3 rule); other kinds never are.
    pub fn is_guest(&self) -> bool {
        self.kind == SessionKind::Web && !self.details.read().privileges_set
    }

    /// `.idleTimeout`, in minutes.
    pub fn idle_timeout(&self) -> u32 {
        self.idle_timeout.load(Ordering::Relaxed)
    }

    /// Sets the idle timeout to `minutes`, raised to 60 when below, lowered to
    /// the largest 4D Integer when above; returns the timeout set. The
    /// expiration date moves with it.
    pub fn set_idle_timeout(&self, minutes: i64) -> u32 {
        let minutes = minutes.clamp(i64::from(DEFAULT_IDLE_TIMEOUT), i64::from(MAX_IDLE_TIMEOUT));
        let minutes = u32::try_from(minutes).unwrap_or(MAX_IDLE_TIMEOUT);
        self.idle_timeout.store(minutes, Ordering::Relaxed);
        minutes
    }

    /// When the session was last looked up (or created).
    pub fn last_use(&self) -> SystemTime {
        from_millis(self.last_use.load(Ordering::Relaxed))
    }

    /// Marks the session as used now.
    pub fn touch(&self) {
        self.touch_at(SystemTime::now());
    }

    /// Marks the session as used at `now`; the last use never moves back.
    pub fn touch_at(&self, now: SystemTime) {
        let now = millis(now);
        // Most lookups land in the same millisecond: read first, so that the
        // processes of one session do not fight over the cache line.
        if now > self.last_use.load(Ordering::Relaxed) {
            self.last_use.fetch_max(now, Ordering::Relaxed);
        }
    }

    /// When a web session expires if not used before: its last use plus its
    /// idle timeout (`.expirationDate`). `None` for the other kinds, which
    /// live for the whole run.
    pub fn expires_at(&self) -> Option<SystemTime> {
        (self.kind == SessionKind::Web).then(|| from_millis(self.expiry_millis()))
    }

    /// Whether the session has expired at `now` (only web sessions expire).
    pub fn is_expired(&self, now: SystemTime) -> bool {
        self.kind == SessionKind::Web && millis(now) >= self.expiry_millis()
    }

    /// The instance of the session singleton class `class`, if made already.
    pub fn singleton(&self, class: usize) -> Option<Arc<SharedObject>> {
        self.singletons.lock().get(&class).cloned()
    }

    /// Keeps `instance` as the session's instance of `class` unless another
    /// was kept first; returns the one kept (first one wins).
    pub fn insert_singleton(&self, class: usize, instance: Arc<SharedObject>) -> Arc<SharedObject> {
        Arc::clone(self.singletons.lock().entry(class).or_insert(instance))
    }

    fn expiry_millis(&self) -> u64 {
        let timeout = u64::from(self.idle_timeout.load(Ordering::Relaxed)) * 60_000;
        self.last_use.load(Ordering::Relaxed).saturating_add(timeout)
    }
}

fn add_distinct<I, S>(privileges: &mut Vec<Box<str>>, names: I)
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    for name in names {
        let name = name.as_ref();
        if !privileges.iter().any(|p| &**p == name) {
            privileges.push(Box::from(name));
        }
    }
}

/// `time` in milliseconds since the Unix epoch (0 before it).
pub(super) fn millis(time: SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH).map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

fn from_millis(ms: u64) -> SystemTime {
    UNIX_EPOCH.checked_add(Duration::from_millis(ms)).unwrap_or(UNIX_EPOCH)
}
