//! Scale benchmark of the session table (issue 6): 1,000,000 sessions
//! created, then each looked up by id in a random order; prints the time per
//! creation and per lookup and the bytes per session.
//!
//! Run with `cargo bench --bench session_table` (stable; `harness = false`).
//! `FOURD_BENCH_SESSIONS=N` changes the count.
//!
//! Bytes per session are measured two ways: the heap bytes asked of the
//! allocator (a counting wrapper, `cap`, around mimalloc, fourd's allocator),
//! which count the session, its storage object and group, its user name and
//! the map's slots, grown as they grow; and the growth of the process's
//! resident memory, which adds the allocator's rounding and free space. The
//! list of ids the benchmark keeps is allocated before either is read.

#![allow(clippy::print_stdout)]

use std::hint::black_box;
use std::time::{Duration, Instant, SystemTime};

use cap::Cap;
use fourd::session::{SessionId, SessionKind, SessionTable};

#[global_allocator]
static ALLOCATOR: Cap<mimalloc::MiMalloc> = Cap::new(mimalloc::MiMalloc, usize::MAX);

fn main() {
    let count: usize =
        std::env::var("FOURD_BENCH_SESSIONS").ok().and_then(|n| n.parse().ok()).unwrap_or(1_000_000).max(1);
    let mut ids: Vec<SessionId> = Vec::with_capacity(count);
    let mut texts: Vec<String> = Vec::with_capacity(count);

    let (heap_before, rss_before) = (ALLOCATOR.allocated(), resident());
    let table = SessionTable::new();
    let start = Instant::now();
    for _ in 0..count {
        ids.push(table.create(SessionKind::Web, "").id);
    }
    let create = start.elapsed();
    let (heap_after, rss_after) = (ALLOCATOR.allocated(), resident());
    assert_eq!(table.len(), count);

    println!("sessions: {count}");
    println!("create: {:.0} ns per session ({:.2} s in all)", per(create, count), create.as_secs_f64());
    println!(
        "memory: {:.0} bytes per session asked of the allocator; {} bytes per session of resident memory",
        (heap_after - heap_before) as f64 / count as f64,
        rss_after
            .zip(rss_before)
            .map_or("unknown".to_string(), |(a, b)| format!("{:.0}", a.saturating_sub(b) as f64 / count as f64)),
    );

    // Look each session up once, in a random order (so that neither the map
    // nor the sessions are visited in the order they were made).
    shuffle(&mut ids);
    texts.extend(ids.iter().map(|id| id.as_str().to_string()));
    for round in 1..=2 {
        let start = Instant::now();
        let mut found = 0usize;
        for id in &ids {
            found += usize::from(black_box(table.get_by_id(black_box(id))).is_some());
        }
        let by_id = start.elapsed();
        assert_eq!(found, count);

        let start = Instant::now();
        let mut found = 0usize;
        for text in &texts {
            found += usize::from(black_box(table.get(black_box(text))).is_some());
        }
        let by_text = start.elapsed();
        assert_eq!(found, count);
        println!(
            "lookup, round {round}: {:.0} ns by SessionId, {:.0} ns by text (parse + lookup)",
            per(by_id, count),
            per(by_text, count)
        );
    }

    // Two threads looking up at once (the machine's two cores).
    let start = Instant::now();
    let half = count / 2;
    std::thread::scope(|scope| {
        for part in [&texts[..half], &texts[half..]] {
            let table = &table;
            scope.spawn(move || {
                let found = part.iter().filter(|text| table.get(text).is_some()).count();
                assert_eq!(found, part.len());
            });
        }
    });
    println!("lookup, 2 threads at once: {:.0} ns per lookup of the whole (wall clock)", per(start.elapsed(), count));

    // Every session expired at once: the sweep, and the memory given back.
    let start = Instant::now();
    let expired = table.expire(SystemTime::now() + Duration::from_secs(61 * 60));
    let sweep = start.elapsed();
    assert_eq!(expired, count);
    assert!(table.is_empty());
    println!(
        "expire: {:.0} ns per session ({:.2} s in all); heap left: {} bytes",
        per(sweep, count),
        sweep.as_secs_f64(),
        ALLOCATOR.allocated().saturating_sub(heap_before + text_bytes(&texts))
    );
}

fn per(time: Duration, count: usize) -> f64 {
    time.as_nanos() as f64 / count as f64
}

fn text_bytes(texts: &[String]) -> usize {
    texts.iter().map(String::capacity).sum()
}

/// The process's resident memory in bytes (Linux only).
fn resident() -> Option<usize> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: usize = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

/// Fisher-Yates with splitmix64.
fn shuffle<T>(items: &mut [T]) {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    for i in (1..items.len()).rev() {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        items.swap(i, (z % (i as u64 + 1)) as usize);
    }
}
