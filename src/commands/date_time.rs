//! Commands of the "Date and Time" theme. Dates come from the local clock and
//! time zone through the `jiff` date library.

use std::sync::LazyLock;
use std::time::Instant;

use super::{Args, Ctx};
use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::value::{Date, Value};

fn date_arg(args: &Args<'_>, i: usize) -> Result<Date, RuntimeError> {
    match args.get(i) {
        Value::Date(d) => Ok(*d),
        Value::Undefined => Ok(Date::NULL),
        other => Err(super::bad_argument(&format!("argument {} must be a date, not {}", i + 1, other.type_name()))),
    }
}

fn from_civil(d: jiff::civil::Date) -> Date {
    match (u16::try_from(d.year()), u8::try_from(d.month()), u8::try_from(d.day())) {
        (Ok(year), Ok(month), Ok(day)) if (100..=32767).contains(&year) => Date { year, month, day },
        _ => Date::NULL,
    }
}

fn to_civil(d: Date) -> Option<jiff::civil::Date> {
    jiff::civil::Date::new(i16::try_from(d.year).ok()?, i8::try_from(d.month).ok()?, i8::try_from(d.day).ok()?).ok()
}

/// `Current date {(*)}` (33): today, from the local clock.
pub(crate) fn current_date(_: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Date(from_civil(jiff::Zoned::now().date())))
}

/// `Current time {(*)}` (178): the local time of day, in seconds.
pub(crate) fn current_time(_: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    let t = jiff::Zoned::now().time();
    Ok(Value::Time(i64::from(t.hour()) * 3600 + i64::from(t.minute()) * 60 + i64::from(t.second())))
}

/// `Day of(date)` (23); 0 for the null date.
pub(crate) fn day_of(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Real(f64::from(date_arg(args, 0)?.day)))
}

/// `Month of(date)` (24); 0 for the null date.
pub(crate) fn month_of(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Real(f64::from(date_arg(args, 0)?.month)))
}

/// `Year of(date)` (25); 0 for the null date.
pub(crate) fn year_of(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Real(f64::from(date_arg(args, 0)?.year)))
}

/// `Day number(date)` (114): 1 for Sunday to 7 for Saturday; 2 for the null date.
pub(crate) fn day_number(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let date = date_arg(args, 0)?;
    let n = match to_civil(date) {
        Some(d) => d.weekday().to_sunday_one_offset(),
        None => 2,
    };
    Ok(Value::Real(f64::from(n)))
}

/// `Add to date(date; years; months; days)` (393). A day past the end of the
/// resulting month is clamped to its last day (`!2020-01-31!` + 1 month is
/// `!2020-02-29!`).
pub(crate) fn add_to_date(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let date = date_arg(args, 0)?;
    let Some(civil) = to_civil(date) else { return Ok(Value::Date(Date::NULL)) };
    let (years, months, days) = (args.number(1)?.trunc(), args.number(2)?.trunc(), args.number(3)?.trunc());
    let span = jiff::Span::new()
        .try_years(years as i64)
        .and_then(|s| s.try_months(months as i64))
        .map_err(|e| RuntimeError::new(codes::BAD_ARGUMENTS, format!("Add to date: {e}")))?;
    let shifted =
        civil.checked_add(span).map_err(|e| RuntimeError::new(codes::BAD_ARGUMENTS, format!("Add to date: {e}")))?;
    let result = from_civil(shifted);
    Ok(Value::Date(if result.is_null() { result } else { Date::from_days(result.to_days() + days as i64) }))
}

/// `Date(text or date)` (102): ISO `YYYY-MM-DD` (a time part is ignored), or
/// the US order month, day, year: the first three runs of digits, whatever
/// stands between them (`"12/25/94"`, `"It was the 6/30, we were in 2016"`);
/// two-digit years below 30 are 20xx. Anything else gives the null date.
pub(crate) fn date(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    match args.get(0) {
        Value::Date(d) => Ok(Value::Date(*d)),
        Value::Text(t) => Ok(Value::Date(parse_date_text(t.as_str()).unwrap_or(Date::NULL))),
        Value::Undefined => Ok(Value::Date(Date::NULL)),
        other => Err(super::bad_argument(&format!("Date expects a text or a date, not {}", other.type_name()))),
    }
}

fn parse_date_text(text: &str) -> Option<Date> {
    let text = text.trim();
    // The date part of an ISO date and time; the time does not change the date.
    let date_part = match text.split_once('T') {
        Some((date, _)) if date.len() == 10 && date.as_bytes().get(4) == Some(&b'-') => date,
        _ => text,
    };
    let runs: Vec<&str> = date_part.split(|c: char| !c.is_ascii_digit()).filter(|p| !p.is_empty()).take(3).collect();
    let [a, b, c] = runs[..] else { return None };
    let (a_n, b_n, c_n): (i32, i32, i32) = (a.parse().ok()?, b.parse().ok()?, c.parse().ok()?);
    let (year, month, day) = if a.len() == 4 {
        (a_n, b_n, c_n)
    } else {
        let year = if c.len() <= 2 { if c_n < 30 { 2000 + c_n } else { 1900 + c_n } } else { c_n };
        (year, a_n, b_n)
    };
    let civil =
        jiff::civil::Date::new(i16::try_from(year).ok()?, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()?;
    Some(from_civil(civil))
}

/// `Time(text or number)` (179): `"HH:MM:SS"` or `"HH:MM"` (maybe negative,
/// maybe with `AM`/`PM`), the time of an ISO date and time
/// (`"2024-03-01T10:20:30Z"`, `"0000-00-00T01:02:03"`), or a number of seconds.
pub(crate) fn time(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    match args.get(0) {
        Value::Time(t) => Ok(Value::Time(*t)),
        Value::Real(n) if n.is_finite() => Ok(Value::Time(n.trunc().clamp(-1e15, 1e15) as i64)),
        Value::Real(_) => Ok(Value::Time(0)),
        Value::Long(n) => Ok(Value::Time(i64::from(*n))),
        Value::Text(t) => Ok(Value::Time(parse_time_text(t.as_str()).unwrap_or(0))),
        Value::Undefined => Ok(Value::Time(0)),
        other => Err(super::bad_argument(&format!("Time expects a text or a number, not {}", other.type_name()))),
    }
}

fn parse_time_text(text: &str) -> Option<i64> {
    let mut text = text.trim();
    if let Some((_, time)) = text.split_once('T') {
        // An ISO time: drop the zone (`Z`, `+01:00`) and the fraction of a second.
        text = time.trim_end_matches(['Z', 'z']);
        if let Some(at) = text.find(['+', '-']) {
            text = &text[..at];
        }
    }
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, text),
    };
    let lower = body.to_ascii_lowercase();
    let (body, half) = if let Some(rest) = lower.strip_suffix("pm").or_else(|| lower.strip_suffix("p.m.")) {
        (rest.trim_end().to_string(), Some(12))
    } else if let Some(rest) = lower.strip_suffix("am").or_else(|| lower.strip_suffix("a.m.")) {
        (rest.trim_end().to_string(), Some(0))
    } else {
        (lower, None)
    };
    let mut total = 0i64;
    let mut count = 0;
    for (part, factor) in body.split(':').zip([3600, 60, 1]) {
        let part = part.trim();
        let part = if factor == 1 { part.split('.').next().unwrap_or(part) } else { part };
        let n = part.parse::<i64>().ok()?;
        let n = if factor == 3600
            && let Some(offset) = half
        {
            n % 12 + offset
        } else {
            n
        };
        total = total.checked_add(n.checked_mul(factor)?)?;
        count += 1;
    }
    if count < 2 {
        return None;
    }
    Some(if negative { -total } else { total })
}

/// `Time string(seconds)` (180): `HH:MM:SS`; hours go on past 24 (`24:00:01`).
pub(crate) fn time_string(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let seconds = match args.get(0) {
        Value::Time(t) => *t,
        _ => {
            let n = args.number(0)?;
            if n.is_finite() { n.trunc().clamp(-1e15, 1e15) as i64 } else { 0 }
        }
    };
    Ok(Value::text(crate::runtime::format::time(seconds)))
}

/// Milliseconds since the machine started: the uptime read once (Linux
/// `/proc/uptime`; 0 elsewhere) plus the time elapsed since, on a monotonic clock.
fn uptime_ms() -> u64 {
    static START: LazyLock<(Instant, u64)> = LazyLock::new(|| {
        let uptime = std::fs::read_to_string("/proc/uptime")
            .ok()
            .and_then(|text| text.split_whitespace().next()?.parse::<f64>().ok())
            .map_or(0, |seconds| (seconds * 1000.0) as u64);
        (Instant::now(), uptime)
    });
    let elapsed = u64::try_from(START.0.elapsed().as_millis()).unwrap_or(u64::MAX);
    START.1.wrapping_add(elapsed)
}

/// `Milliseconds` (459): milliseconds since the machine started, as a signed
/// 32-bit Longint that wraps round to negative numbers after about 24.8 days.
pub(crate) fn milliseconds(_: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Real(f64::from(uptime_ms() as u32 as i32)))
}

/// `Tickcount` (458): ticks (1/60 s) since the machine started, as a Longint.
pub(crate) fn tickcount(_: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Real(f64::from((uptime_ms().wrapping_mul(60) / 1000) as u32 as i32)))
}

/// `Timestamp` (1445): the current UTC time as `yyyy-MM-ddTHH:mm:ss.SSSZ`.
pub(crate) fn timestamp(_: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::text(jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()))
}
