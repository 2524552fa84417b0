//! The session table: every live session by id, in 64 shards, each a
//! `parking_lot::RwLock` around a hash map from the id's 128 bits to the
//! session. A lookup read-locks one shard for a hash probe, an `Arc` clone and
//! the expiry check and touch (a few atomics), so lookups never wait for one
//! another and never take a lock that covers the whole table.
//!
//! Why shards of our own rather than a concurrent map crate: the table needs
//! only insert, find, remove and a sweep, which sharded locks give with the
//! crates fourd already has (`parking_lot`, `rustc-hash`) and without `unsafe`
//! in fourd; `dashmap` is the same design behind a larger API, and lock-free
//! maps (`papaya`, `scc`) add epoch-based reclamation. At 1,000,000 sessions
//! a lookup costs about 0.5 µs on the development machine (the
//! `session_table` benchmark), nearly all of it cache misses on the map's
//! slot and on the session itself, which another map would not avoid. Each
//! shard sits on its own cache line so that locking one does not slow its
//! neighbours. A sweep shrinks a shard's map that it left mostly empty.
//!
//! Ids are random (never chosen by a client), so keys spread evenly over the
//! shards (chosen by the id's low bits) and FxHash, which does not resist
//! chosen keys, is safe here.
//!
//! A sweep (`expire`) finds expired sessions under each shard's read lock and
//! write-locks the shard only to remove them; the removed sessions are dropped
//! after every lock is let go, so freeing a large storage never holds up a
//! lookup. A session's storage is freed when the last `Arc<Session>` goes:
//! a process still running in an expired session keeps it until it ends.
//!
//! The one-time tokens of `.createOTP()` have an index of their own, sharded
//! the same way by the token's low bits: token → (session id, expiry). It
//! holds ids, not sessions, so a token never keeps a session alive. Taking a
//! token (`take_otp`, for `.restore()` and `$4DSID`) removes it under its
//! shard's lock whatever follows (single use), lets go, then looks the
//! session up as `get` does (one shard's read lock; an expired session is
//! refused and removed). `expire` also drops expired tokens and those whose
//! session is gone.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::SystemTime;

use parking_lot::{Mutex, RwLock};
use rustc_hash::FxBuildHasher;

use super::entry::millis;
use super::{Session, SessionId, SessionKind};

/// How many shards; a power of two.
const SHARDS: usize = 64;

/// Below this capacity a shard's map is not shrunk after a sweep.
const MIN_CAPACITY: usize = 256;

type Map = HashMap<u128, Arc<Session>, FxBuildHasher>;

/// One shard, alone on its cache line.
#[repr(align(64))]
#[derive(Default)]
struct Shard(RwLock<Map>);

/// The shortest lifespan of a one-time token, in seconds (documented: a
/// smaller one is raised to it).
pub const MIN_OTP_LIFESPAN: u64 = 10;

/// A one-time token's session (the id's bits) and when it expires
/// (milliseconds since the Unix epoch).
#[derive(Clone, Copy)]
struct Otp {
    session: u128,
    expires: u64,
}

/// One shard of the token index, alone on its cache line.
#[repr(align(64))]
#[derive(Default)]
struct OtpShard(Mutex<HashMap<u128, Otp, FxBuildHasher>>);

/// The sessions of a run (or of a server), by id.
pub struct SessionTable {
    shards: Box<[Shard]>,
    otps: Box<[OtpShard]>,
}

impl SessionTable {
    pub fn new() -> SessionTable {
        SessionTable {
            shards: (0..SHARDS).map(|_| Shard::default()).collect(),
            otps: (0..SHARDS).map(|_| OtpShard::default()).collect(),
        }
    }

    /// `.createOTP({lifespan})`: a new one-time token of `session`, valid for
    /// `lifespan_secs` seconds from now (at least [`MIN_OTP_LIFESPAN`]).
    pub fn create_otp(&self, session: &Session, lifespan_secs: u64) -> SessionId {
        self.create_otp_at(session, lifespan_secs, SystemTime::now())
    }

    /// [`SessionTable::create_otp`] at the time `now`.
    pub fn create_otp_at(&self, session: &Session, lifespan_secs: u64, now: SystemTime) -> SessionId {
        let lifespan = lifespan_secs.max(MIN_OTP_LIFESPAN).saturating_mul(1000);
        let otp = Otp { session: session.id.as_u128(), expires: millis(now).saturating_add(lifespan) };
        loop {
            let token = SessionId::random();
            let key = token.as_u128();
            let mut map = self.otp_shard(key).0.lock();
            if let std::collections::hash_map::Entry::Vacant(slot) = map.entry(key) {
                slot.insert(otp);
                return token;
            }
        }
    }

    /// The session that created the one-time token written in `token`, for
    /// `.restore()` and `$4DSID`: the token is used up whatever the answer.
    /// `None` for a text that is no token, an unknown or used token, an
    /// expired token, or a session that has expired or is gone.
    pub fn take_otp(&self, token: &str) -> Option<Arc<Session>> {
        let token = SessionId::parse(token)?;
        self.take_otp_at(&token, SystemTime::now())
    }

    /// [`SessionTable::take_otp`] at the time `now`.
    pub fn take_otp_at(&self, token: &SessionId, now: SystemTime) -> Option<Arc<Session>> {
        let key = token.as_u128();
        // Removed under the lock, looked at after: single use.
        let otp = self.otp_shard(key).0.lock().remove(&key)?;
        if millis(now) >= otp.expires {
            return None;
        }
        self.get_at(&SessionId::from_u128(otp.session), now)
    }

    /// How many one-time tokens wait to be used (expired ones not yet swept included).
    pub fn otp_count(&self) -> usize {
        self.otps.iter().map(|shard| shard.0.lock().len()).sum()
    }

    /// A new session of `kind` for `user_name`, with a new random id, created
    /// and last used now.
    pub fn create(&self, kind: SessionKind, user_name: &str) -> Arc<Session> {
        self.create_at(kind, user_name, SystemTime::now())
    }

    /// [`SessionTable::create`] at the time `now`.
    pub fn create_at(&self, kind: SessionKind, user_name: &str, now: SystemTime) -> Arc<Session> {
        loop {
            let session = Arc::new(Session::new(SessionId::random(), kind, user_name, now));
            let key = session.id.as_u128();
            let mut map = self.shard(key).0.write();
            // Two equal random ids are next to impossible; if it happens, draw again.
            if let std::collections::hash_map::Entry::Vacant(slot) = map.entry(key) {
                slot.insert(Arc::clone(&session));
                return session;
            }
        }
    }

    /// The session whose id is written in `id` (either case), marked as used
    /// now. `None` for a text that is not an id, an unknown id, or an expired
    /// session, which is removed.
    pub fn get(&self, id: &str) -> Option<Arc<Session>> {
        let id = SessionId::parse(id)?;
        self.get_at(&id, SystemTime::now())
    }

    /// [`SessionTable::get`] by id.
    pub fn get_by_id(&self, id: &SessionId) -> Option<Arc<Session>> {
        self.get_at(id, SystemTime::now())
    }

    /// [`SessionTable::get_by_id`] at the time `now`.
    pub fn get_at(&self, id: &SessionId, now: SystemTime) -> Option<Arc<Session>> {
        let key = id.as_u128();
        let shard = &self.shard(key).0;
        {
            let map = shard.read();
            let session = map.get(&key)?;
            if !session.is_expired(now) {
                // Touched under the read lock: a sweep, which write-locks the
                // shard, sees either no session or this use.
                session.touch_at(now);
                return Some(Arc::clone(session));
            }
        }
        let removed = {
            let mut map = shard.write();
            match map.get(&key) {
                Some(session) if session.is_expired(now) => map.remove(&key),
                _ => None,
            }
        };
        drop(removed);
        None
    }

    /// Removes the session `id`; returns it if it was there.
    pub fn remove(&self, id: &SessionId) -> Option<Arc<Session>> {
        let key = id.as_u128();
        self.shard(key).0.write().remove(&key)
    }

    /// Removes every session expired at `now`; returns how many.
    pub fn expire(&self, now: SystemTime) -> usize {
        let mut removed = Vec::new();
        for shard in self.shards.iter() {
            let expired: Vec<u128> =
                shard.0.read().iter().filter(|(_, session)| session.is_expired(now)).map(|(key, _)| *key).collect();
            if expired.is_empty() {
                continue;
            }
            let mut map = shard.0.write();
            for key in expired {
                // Looked up again: it may have been used or removed meanwhile.
                if map.get(&key).is_some_and(|session| session.is_expired(now)) {
                    removed.extend(map.remove(&key));
                }
            }
            // A map never shrinks by itself: give back most of the room a
            // crowd of expired sessions leaves (costs a pass over the few left).
            if map.capacity() > MIN_CAPACITY && map.len() < map.capacity() / 4 {
                let len = map.len();
                map.shrink_to(len * 2);
            }
        }
        // Tokens that expired, or whose session is gone, are dropped (a
        // session's shard is read-locked under a token shard's lock: nothing
        // takes them the other way round).
        let now_ms = millis(now);
        for shard in self.otps.iter() {
            shard.0.lock().retain(|_, otp| now_ms < otp.expires && self.contains(otp.session));
        }
        // The sessions (and their storage, unless a process still holds them)
        // are freed here, after every lock is let go.
        removed.len()
    }

    /// Whether the session whose id has these bits is in the table.
    fn contains(&self, key: u128) -> bool {
        self.shard(key).0.read().contains_key(&key)
    }

    /// How many sessions the table holds (expired ones not yet swept included).
    pub fn len(&self) -> usize {
        self.shards.iter().map(|shard| shard.0.read().len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.shards.iter().all(|shard| shard.0.read().is_empty())
    }

    /// A snapshot of the sessions, oldest first (then by id), as
    /// `Process activity` lists them. Looking at them does not touch them.
    pub fn sessions(&self) -> Vec<Arc<Session>> {
        let mut all: Vec<Arc<Session>> =
            self.shards.iter().flat_map(|shard| shard.0.read().values().cloned().collect::<Vec<_>>()).collect();
        all.sort_by_key(|session| (session.created, session.id));
        all
    }

    fn shard(&self, key: u128) -> &Shard {
        // The low bits of a version 4 id are random.
        &self.shards[(key as usize) & (SHARDS - 1)]
    }

    fn otp_shard(&self, key: u128) -> &OtpShard {
        &self.otps[(key as usize) & (SHARDS - 1)]
    }
}

impl Default for SessionTable {
    fn default() -> SessionTable {
        SessionTable::new()
    }
}

impl std::fmt::Debug for SessionTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SessionTable").field("len", &self.len()).finish()
    }
}
