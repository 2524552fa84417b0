//! Commands of the "Date and Time" theme. Dates come from the local clock and
//! time zone through the `jiff` date library.

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
/// the US order `MM/DD/YY(YY)` with `/ . , -` or spaces between the parts
/// (two-digit years below 30 are 20xx); anything else gives the null date.
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
    let date_part = text.split('T').next()?;
    let parts: Vec<&str> = date_part.split(['/', '.', ',', '-', ' ']).filter(|p| !p.is_empty()).collect();
    let [a, b, c] = parts[..] else { return None };
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

/// `Time(text or number)` (179): `"HH:MM:SS"` (or `HH:MM`, maybe negative), or a number of seconds.
pub(crate) fn time(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    match args.get(0) {
        Value::Time(t) => Ok(Value::Time(*t)),
        Value::Real(n) => Ok(Value::Time(n.trunc() as i64)),
        Value::Long(n) => Ok(Value::Time(i64::from(*n))),
        Value::Text(t) => Ok(Value::Time(parse_time_text(t.as_str()).unwrap_or(0))),
        Value::Undefined => Ok(Value::Time(0)),
        other => Err(super::bad_argument(&format!("Time expects a text or a number, not {}", other.type_name()))),
    }
}

fn parse_time_text(text: &str) -> Option<i64> {
    let text = text.trim();
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let mut total = 0i64;
    let mut count = 0;
    for (part, factor) in body.split(':').zip([3600, 60, 1]) {
        total += part.trim().parse::<i64>().ok()? * factor;
        count += 1;
    }
    if count < 2 {
        return None;
    }
    Some(if negative { -total } else { total })
}

/// `Timestamp` (1445): the current UTC time as `yyyy-MM-ddTHH:mm:ss.SSSZ`.
pub(crate) fn timestamp(_: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::text(jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()))
}
