//! The session table under load: 8 threads creating, reading, removing and
//! expiring sessions lose none and never deadlock.
//!
//! Runs 0.5 s by default; `FOURD_SESSION_SOAK_SECS=10 cargo test --test it --
//! session/concurrency` runs it for 10 s. A watchdog fails the trial when a
//! thread makes no progress for 5 s.
//!
//! What is checked: sessions that cannot expire (standalone, stored
//! procedures, remote, and web sessions with a long idle timeout) are found by
//! every lookup until their thread removes them, and removing them finds them;
//! web sessions with the default timeout are swept by `expire` at a time 90
//! minutes ahead, and at the end each was either removed by its thread or
//! counted by exactly one sweep; the table's length is what was created less
//! what was removed and expired.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, mpsc};
use std::thread;
use std::time::{Duration, Instant, SystemTime};

use fourd::session::{Session, SessionId, SessionKind, SessionTable};
use libtest_mimic::{Failed, Trial};

const THREADS: usize = 8;
/// Sessions made before the threads start and never removed, per thread.
const PINNED: usize = 64;
/// The most sessions a thread holds before it removes its oldest.
const HELD: usize = 1_000;
/// A thread that makes no progress for this long is stuck.
const WATCHDOG: Duration = Duration::from_secs(5);
/// Sweeps look this far ahead: further than the default idle timeout (60
/// minutes), far less than a long one.
const AHEAD: Duration = Duration::from_secs(90 * 60);
const LONG_TIMEOUT: i64 = 100_000;

pub fn trials() -> Vec<Trial> {
    vec![Trial::test("session/concurrency", concurrency)]
}

fn duration() -> Duration {
    std::env::var("FOURD_SESSION_SOAK_SECS")
        .ok()
        .and_then(|secs| secs.parse::<f64>().ok())
        .filter(|secs| secs.is_finite() && *secs > 0.0)
        .map_or(Duration::from_millis(500), Duration::from_secs_f64)
}

/// What one thread did.
#[derive(Default)]
struct Stats {
    created: u64,
    created_short: u64,
    removed: u64,
    removed_short: u64,
    expired: u64,
    lookups: u64,
    /// Sessions still held: (id, may expire).
    held: Vec<(SessionId, bool)>,
}

fn concurrency() -> Result<(), Failed> {
    let table = Arc::new(SessionTable::new());
    let kinds = [SessionKind::Standalone, SessionKind::StoredProcedures, SessionKind::Remote, SessionKind::Web];
    let pinned: Arc<Vec<SessionId>> = Arc::new(
        (0..THREADS * PINNED)
            .map(|i| {
                let session = table.create(kinds[i % kinds.len()], "pinned");
                session.set_idle_timeout(LONG_TIMEOUT);
                session.id
            })
            .collect(),
    );
    let stop = Arc::new(AtomicBool::new(false));
    let progress: Arc<Vec<AtomicU64>> = Arc::new((0..THREADS).map(|_| AtomicU64::new(0)).collect());
    let (results, finished) = mpsc::channel();
    for t in 0..THREADS {
        let (table, pinned, stop, progress, results) =
            (Arc::clone(&table), Arc::clone(&pinned), Arc::clone(&stop), Arc::clone(&progress), results.clone());
        // Not scoped: a stuck thread must not keep the trial from failing.
        thread::spawn(move || {
            let result = worker(t, &table, &pinned, &stop, &progress[t]);
            let _ = results.send((t, result));
        });
    }
    drop(results);

    // Watch until the end of the run, then until every thread has reported.
    let deadline = Instant::now() + duration();
    let mut seen: Vec<(u64, Instant)> = (0..THREADS).map(|_| (0, Instant::now())).collect();
    let mut stats: Vec<Option<Stats>> = (0..THREADS).map(|_| None).collect();
    let mut reported = 0;
    while reported < THREADS {
        if Instant::now() >= deadline {
            stop.store(true, Ordering::Relaxed);
        }
        match finished.recv_timeout(Duration::from_millis(50)) {
            Ok((t, Ok(s))) => {
                stats[t] = Some(s);
                reported += 1;
            }
            Ok((t, Err(problem))) => return Err(format!("thread {t}: {problem}").into()),
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => return Err("a thread died without reporting".into()),
        }
        for (t, (count, since)) in seen.iter_mut().enumerate() {
            if stats[t].is_some() {
                continue;
            }
            let now = progress[t].load(Ordering::Relaxed);
            if now != *count {
                *count = now;
                *since = Instant::now();
            } else if since.elapsed() > WATCHDOG {
                stop.store(true, Ordering::Relaxed);
                return Err(format!("thread {t} made no progress for {WATCHDOG:?} (deadlock?)").into());
            }
        }
    }
    let stats: Vec<Stats> = stats.into_iter().flatten().collect();

    // Sweep what is left of the short-lived sessions, then count.
    let last_sweep = table.expire(SystemTime::now() + AHEAD) as u64;
    let sum = |f: fn(&Stats) -> u64| stats.iter().map(f).sum::<u64>();
    let (created, created_short) = (sum(|s| s.created), sum(|s| s.created_short));
    let (removed, removed_short) = (sum(|s| s.removed), sum(|s| s.removed_short));
    let expired = sum(|s| s.expired) + last_sweep;
    let mut problems = Vec::new();
    if created_short != removed_short + expired {
        problems.push(format!(
            "{created_short} short-lived sessions created, {removed_short} removed and {expired} expired"
        ));
    }
    let lasting: Vec<SessionId> =
        stats.iter().flat_map(|s| s.held.iter().filter(|(_, short)| !short).map(|(id, _)| *id)).collect();
    let expected_len = pinned.len() as u64 + created - removed - expired;
    if table.len() as u64 != expected_len || table.len() != pinned.len() + lasting.len() {
        problems.push(format!(
            "the table holds {} sessions; expected {expected_len} ({} pinned + {} held)",
            table.len(),
            pinned.len(),
            lasting.len()
        ));
    }
    for id in pinned.iter().chain(&lasting) {
        if table.get_by_id(id).is_none() {
            problems.push(format!("session {id} was lost"));
        }
    }
    for (id, _) in stats.iter().flat_map(|s| s.held.iter().filter(|(_, short)| *short)) {
        if table.get_by_id(id).is_some() {
            problems.push(format!("session {id} survived its expiry"));
        }
    }
    if created == 0 || sum(|s| s.lookups) == 0 || expired == 0 {
        problems.push(format!("too little done: {created} created, {expired} expired"));
    }
    problems.truncate(20);
    if problems.is_empty() { Ok(()) } else { Err(problems.join("\n").into()) }
}

fn worker(
    t: usize,
    table: &SessionTable,
    pinned: &[SessionId],
    stop: &AtomicBool,
    progress: &AtomicU64,
) -> Result<Stats, String> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ (t as u64 + 1).wrapping_mul(0xBF58_476D_1CE4_E5B9));
    let kinds = [SessionKind::Standalone, SessionKind::StoredProcedures, SessionKind::Remote, SessionKind::Web];
    let mut stats = Stats::default();
    // Held sessions: (id, may expire), oldest first.
    let mut held: VecDeque<(SessionId, bool)> = VecDeque::new();
    let mut turn = 0u64;
    while !stop.load(Ordering::Relaxed) {
        turn += 1;
        progress.store(turn, Ordering::Relaxed);
        let roll = rng.below(1_000);
        if roll < 400 || held.is_empty() {
            let kind = kinds[rng.below(kinds.len() as u64) as usize];
            let session = table.create(kind, "user");
            let short = kind == SessionKind::Web;
            stats.created += 1;
            stats.created_short += u64::from(short);
            held.push_back((session.id, short));
            if held.len() > HELD {
                remove_oldest(table, &mut held, &mut stats)?;
            }
        } else if roll < 750 {
            let (id, short) = held[rng.below(held.len() as u64) as usize];
            stats.lookups += 1;
            match lookup(table, &id, rng.below(2) == 0) {
                Some(session) if session.id == id => {}
                Some(session) => return Err(format!("looking up {id} gave {}", session.id)),
                None if short => held.retain(|(other, _)| *other != id),
                None => return Err(format!("session {id} was lost")),
            }
        } else if roll < 900 {
            let id = pinned[rng.below(pinned.len() as u64) as usize];
            stats.lookups += 1;
            match lookup(table, &id, rng.below(2) == 0) {
                Some(session) if session.id == id => {}
                _ => return Err(format!("pinned session {id} not found")),
            }
        } else if roll < 999 {
            remove_oldest(table, &mut held, &mut stats)?;
        } else {
            stats.expired += table.expire(SystemTime::now() + AHEAD) as u64;
            if turn.is_multiple_of(16) {
                let listed = table.sessions();
                if listed.len() < pinned.len() {
                    return Err(format!("a snapshot lists {} sessions, fewer than the pinned ones", listed.len()));
                }
            }
        }
    }
    stats.held = held.into_iter().collect();
    Ok(stats)
}

fn lookup(table: &SessionTable, id: &SessionId, by_text: bool) -> Option<Arc<Session>> {
    if by_text { table.get(id.as_str()) } else { table.get_by_id(id) }
}

fn remove_oldest(
    table: &SessionTable,
    held: &mut VecDeque<(SessionId, bool)>,
    stats: &mut Stats,
) -> Result<(), String> {
    let Some((id, short)) = held.pop_front() else { return Ok(()) };
    match table.remove(&id) {
        Some(session) if session.id != id => Err(format!("removing {id} gave {}", session.id)),
        Some(_) => {
            stats.removed += 1;
            stats.removed_short += u64::from(short);
            Ok(())
        }
        // A short-lived session may have been swept meanwhile.
        None if short => Ok(()),
        None => Err(format!("session {id} was lost before its removal")),
    }
}

/// splitmix64: enough randomness to mix the operations.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % n
    }
}
