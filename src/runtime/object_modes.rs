//! How dates and times are put in objects and collections, and read from
//! JSON: the `Dates inside objects` setting of `SET DATABASE PARAMETER`,
//! which is the running process's (documented: each process is a thread, so
//! it is a thread-local), and `Times inside objects`, which is the run's
//! (documented: every process; each process thread is given the run's flag).

use std::cell::{Cell, RefCell};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::value::{Date, Value};

/// `Dates inside objects`: dates become texts, without time zone (0) or
/// at local midnight in UTC (1), or stay dates (2, the default).
pub mod dates {
    pub const STRING_WITHOUT_TIME_ZONE: u8 = 0;
    pub const STRING_WITH_TIME_ZONE: u8 = 1;
    pub const DATE_TYPE: u8 = 2;
}

thread_local! {
    static DATES: Cell<u8> = const { Cell::new(dates::DATE_TYPE) };
    static TIMES_IN_MILLISECONDS: RefCell<Option<Arc<AtomicBool>>> = const { RefCell::new(None) };
}

/// The `Dates inside objects` setting of the running process.
pub fn dates_mode() -> u8 {
    DATES.with(Cell::get)
}

/// Sets the `Dates inside objects` setting of the running process.
pub fn set_dates_mode(mode: u8) {
    DATES.with(|d| d.set(mode));
}

/// Makes the calling thread a process of a run whose `Times inside objects`
/// flag is `times` (True: milliseconds), with the default date setting.
pub fn enter_process(times: Arc<AtomicBool>) {
    set_dates_mode(dates::DATE_TYPE);
    TIMES_IN_MILLISECONDS.with(|t| *t.borrow_mut() = Some(times));
}

/// Whether times are put in objects as milliseconds (else seconds, the default).
pub fn times_in_milliseconds() -> bool {
    TIMES_IN_MILLISECONDS.with(|t| t.borrow().as_ref().is_some_and(|flag| flag.load(Ordering::Relaxed)))
}

/// Sets the run's `Times inside objects` setting (seen by every process of the run).
pub fn set_times_in_milliseconds(on: bool) {
    TIMES_IN_MILLISECONDS.with(|t| {
        if let Some(flag) = t.borrow().as_ref() {
            flag.store(on, Ordering::Relaxed);
        }
    });
}

/// A time of `seconds` as an object holds it.
pub fn stored_time(seconds: i64) -> f64 {
    if times_in_milliseconds() { seconds as f64 * 1000.0 } else { seconds as f64 }
}

/// A date as an object holds it: the date itself, or its ISO text.
pub fn stored_date(d: Date) -> Value {
    match dates_mode() {
        dates::STRING_WITHOUT_TIME_ZONE => Value::text(iso(d, 0)),
        dates::STRING_WITH_TIME_ZONE => {
            let (utc, seconds) = super::date_format::to_utc(d, 0, &jiff::tz::TimeZone::system());
            Value::text(iso(utc, seconds))
        }
        _ => Value::Date(d),
    }
}

/// `YYYY-MM-DDTHH:MM:SS.000Z`; the null date's is all zeros.
fn iso(d: Date, seconds: i64) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.000Z",
        d.year,
        d.month,
        d.day,
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

/// Whether JSON texts of dates become dates (the date type setting).
pub fn json_dates() -> bool {
    dates_mode() == dates::DATE_TYPE
}
