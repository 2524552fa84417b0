//! Dates and times through 4D's date and time display formats: the format
//! constants (`Internal date long`, `HH MM AM PM`...) and the ICU-style
//! patterns (`"EEEE d MMMM y"`, `"hh:mm aa"`), as `String(value; format)`
//! applies them.
//!
//! fourd's "system" is en-US (English names, Sunday first in the week,
//! `MM/DD/YYYY`). The formats that show a time zone or convert to GMT use the
//! local time zone that the caller passes.

use jiff::tz::TimeZone;

use super::format;
use super::value::Date;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DAYS: [&str; 7] = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/// `Blank if null date` and `Blank if null time`, added to a format constant.
const BLANK_IF_NULL: i64 = 100;

/// The day of the week, 0 for Sunday to 6 for Saturday.
fn weekday(d: Date) -> usize {
    (d.to_days() + 3).rem_euclid(7) as usize
}

fn month_name(d: Date) -> &'static str {
    MONTHS.get(usize::from(d.month).wrapping_sub(1)).copied().unwrap_or("")
}

fn day_name(d: Date) -> &'static str {
    if d.is_null() { "" } else { DAYS[weekday(d)] }
}

fn short(name: &str, len: usize) -> &str {
    name.get(..len).unwrap_or(name)
}

/// A date and a time of day, after adding a time (which may exceed 24 hours)
/// to a date.
fn date_and_seconds(d: Date, seconds: i64) -> (Date, i64) {
    if d.is_null() {
        return (d, seconds);
    }
    let days = seconds.div_euclid(86_400);
    let sum = Date::from_days(d.to_days().saturating_add(days));
    // Past the dates 4D holds (years 100 to 32767), no date and no time.
    if sum.is_null() { (sum, 0) } else { (sum, seconds.rem_euclid(86_400)) }
}

/// The local date and time `(d, seconds)` in UTC, by the rules of `tz`.
pub fn to_utc(d: Date, seconds: i64, tz: &TimeZone) -> (Date, i64) {
    let (d, seconds) = date_and_seconds(d, seconds);
    let convert = || -> Option<(Date, i64)> {
        let civil =
            jiff::civil::date(i16::try_from(d.year).ok()?, i8::try_from(d.month).ok()?, i8::try_from(d.day).ok()?);
        let local = civil
            .to_datetime(jiff::civil::Time::midnight())
            .checked_add(jiff::SignedDuration::from_secs(seconds))
            .ok()?;
        let utc = tz.to_ambiguous_zoned(local).compatible().ok()?.with_time_zone(TimeZone::UTC);
        let (date, time) = (utc.date(), utc.time());
        let date = Date {
            year: u16::try_from(date.year()).ok()?,
            month: u8::try_from(date.month()).ok()?,
            day: u8::try_from(date.day()).ok()?,
        };
        Some((date, i64::from(time.hour()) * 3600 + i64::from(time.minute()) * 60 + i64::from(time.second())))
    };
    if d.is_null() { (d, seconds) } else { convert().unwrap_or((d, seconds)) }
}

/// The offset of `tz` from UTC, in seconds, at the local date and time given.
fn offset_at(d: Date, seconds: i64, tz: &TimeZone) -> i32 {
    let civil = match (i16::try_from(d.year), i8::try_from(d.month), i8::try_from(d.day)) {
        (Ok(y), Ok(m), Ok(day)) if !d.is_null() => jiff::civil::Date::new(y, m, day).ok(),
        _ => None,
    };
    let civil = civil.unwrap_or_else(|| jiff::Zoned::now().date());
    let local = civil
        .to_datetime(jiff::civil::Time::midnight())
        .checked_add(jiff::SignedDuration::from_secs(seconds.rem_euclid(86_400)))
        .unwrap_or_default();
    tz.to_ambiguous_zoned(local).compatible().map_or(0, |z| z.offset().seconds())
}

/// `d` with a date format constant (`String(date; n {; time})`); an unknown
/// constant gives the default form.
pub fn date_with_constant(d: Date, code: i64, time: Option<i64>, tz: &TimeZone) -> String {
    let blank = code >= BLANK_IF_NULL;
    let code = if blank { code - BLANK_IF_NULL } else { code };
    if d.is_null() {
        return match code {
            _ if blank => String::new(),
            8 => format!("0000-00-00T{}", clock(time.unwrap_or(0))),
            9 => format!("0000-00-00T{}Z", clock(time.unwrap_or(0))),
            _ => format::date(d),
        };
    }
    let seconds = time.unwrap_or(0);
    match code {
        2 => format!("{}, {} {}, {}", short(day_name(d), 3), short(month_name(d), 3), d.day, d.year),
        3 => format!("{}, {} {}, {}", day_name(d), month_name(d), d.day, d.year),
        4 if (1930..=2029).contains(&d.year) => format!("{:02}/{:02}/{:02}", d.month, d.day, d.year % 100),
        5 => format!("{} {}, {}", month_name(d), d.day, d.year),
        6 => format!("{} {}, {}", short(month_name(d), 3), d.day, d.year),
        8 => {
            let (d, s) = date_and_seconds(d, seconds);
            format!("{:04}-{:02}-{:02}T{}", d.year, d.month, d.day, clock(s))
        }
        9 => {
            let (d, s) = to_utc(d, seconds, tz);
            format!("{:04}-{:02}-{:02}T{}Z", d.year, d.month, d.day, clock(s))
        }
        10 => {
            let (d, s) = to_utc(d, seconds, tz);
            format!(
                "{}, {:02} {} {:04} {} GMT",
                short(day_name(d), 3),
                d.day,
                short(month_name(d), 3),
                d.year,
                clock(s)
            )
        }
        _ => format::date(d),
    }
}

/// `HH:MM:SS` for a time of day.
fn clock(seconds: i64) -> String {
    format::time(seconds)
}

fn unit(n: u64, name: &str) -> String {
    // The documentation writes "13 hours 0 minute": the singular for 0 and 1.
    if n <= 1 { format!("{n} {name}") } else { format!("{n} {name}s") }
}

/// A time with a time format constant (`String(time; n)`); an unknown
/// constant gives the default form.
pub fn time_with_constant(seconds: i64, code: i64) -> String {
    let blank = code >= BLANK_IF_NULL;
    let code = if blank { code - BLANK_IF_NULL } else { code };
    if blank && seconds == 0 {
        return String::new();
    }
    let sign = if seconds < 0 { "-" } else { "" };
    let s = seconds.unsigned_abs();
    let (hours, minutes, secs) = (s / 3600, s / 60 % 60, s % 60);
    match code {
        2 => format!("{sign}{hours:02}:{minutes:02}"),
        3 => format!("{sign}{} {} {}", unit(hours, "hour"), unit(minutes, "minute"), unit(secs, "second")),
        4 => format!("{sign}{} {}", unit(hours, "hour"), unit(minutes, "minute")),
        5 => {
            let hour = seconds.rem_euclid(86_400) / 3600;
            let minutes = seconds.rem_euclid(3600) / 60;
            let twelve = if hour % 12 == 0 { 12 } else { hour % 12 };
            format!("{twelve}:{minutes:02} {}", if hour < 12 { "AM" } else { "PM" })
        }
        6 => format!("{sign}{:02}:{secs:02}", s / 60),
        7 => format!("{sign}{} {}", unit(s / 60, "minute"), unit(secs, "second")),
        8 => format!("0000-00-00T{}", format::time(seconds)),
        _ => format::time(seconds),
    }
}

/// One piece of a pattern.
enum Piece {
    Literal(String),
    Field(char, usize),
}

/// The pieces of an ICU pattern; `None` if it holds a letter that is not a
/// pattern letter. Unquoted spaces at both ends are dropped.
fn parse_pattern(pattern: &str) -> Option<Vec<Piece>> {
    let mut pieces = Vec::new();
    let mut chars = pattern.trim_matches(' ').chars().peekable();
    let mut literal = String::new();
    while let Some(c) = chars.next() {
        if c == '\'' {
            if chars.peek() == Some(&'\'') {
                chars.next();
                literal.push('\'');
                continue;
            }
            while let Some(q) = chars.next() {
                if q == '\'' {
                    if chars.peek() == Some(&'\'') {
                        chars.next();
                        literal.push('\'');
                    } else {
                        break;
                    }
                } else {
                    literal.push(q);
                }
            }
        } else if c.is_ascii_alphabetic() {
            if !"GyYuQqMLwdDEecabBhHKkmsSXxOzZ".contains(c) {
                return None;
            }
            let mut count = 1;
            while chars.next_if_eq(&c).is_some() {
                count += 1;
            }
            if !literal.is_empty() {
                pieces.push(Piece::Literal(std::mem::take(&mut literal)));
            }
            pieces.push(Piece::Field(c, count));
        } else {
            literal.push(c);
        }
    }
    if !literal.is_empty() {
        pieces.push(Piece::Literal(literal));
    }
    Some(pieces)
}

fn padded(n: i64, width: usize) -> String {
    if n < 0 { format!("-{:0width$}", n.unsigned_abs()) } else { format!("{n:0width$}") }
}

/// The week of the year and its year, as en-US counts them: weeks start on
/// Sunday and week 1 is the one holding January 1.
fn week_of_year(d: Date) -> (i64, i64) {
    let next_jan1 = Date { year: d.year.saturating_add(1), month: 1, day: 1 };
    if weekday(next_jan1) != 0 && d.to_days() >= next_jan1.to_days() - weekday(next_jan1) as i64 {
        return (1, i64::from(d.year) + 1);
    }
    let jan1 = Date { year: d.year, month: 1, day: 1 };
    let day_of_year = d.to_days() - jan1.to_days();
    ((day_of_year + weekday(jan1) as i64) / 7 + 1, i64::from(d.year))
}

fn quarter_text(q: i64, count: usize) -> String {
    match count {
        1 | 5 => q.to_string(),
        2 => format!("{q:02}"),
        3 => format!("Q{q}"),
        _ => format!("{}{} quarter", q, ["st", "nd", "rd", "th"][(q.clamp(1, 4) - 1) as usize]),
    }
}

fn month_text(d: Date, count: usize) -> String {
    match count {
        1 => d.month.to_string(),
        2 => format!("{:02}", d.month),
        3 => short(month_name(d), 3).to_string(),
        5 => short(month_name(d), 1).to_string(),
        _ => month_name(d).to_string(),
    }
}

fn day_of_week_text(d: Date, count: usize) -> String {
    let name = day_name(d);
    match count {
        1..=3 => short(name, 3).to_string(),
        4 => name.to_string(),
        5 => short(name, 1).to_string(),
        _ => short(name, 2).to_string(),
    }
}

/// An offset as ISO 8601: `-08`, `+0530`, `-08:00`, `-07:52:58`.
fn iso_offset(offset: i32, count: usize, z_for_zero: bool) -> String {
    if offset == 0 && z_for_zero {
        return String::from("Z");
    }
    let sign = if offset < 0 { '-' } else { '+' };
    let o = offset.unsigned_abs();
    let (h, m, s) = (o / 3600, o / 60 % 60, o % 60);
    match count {
        1 if m == 0 => format!("{sign}{h:02}"),
        1 | 2 => format!("{sign}{h:02}{m:02}"),
        3 => format!("{sign}{h:02}:{m:02}"),
        4 if s != 0 => format!("{sign}{h:02}{m:02}{s:02}"),
        4 => format!("{sign}{h:02}{m:02}"),
        _ if s != 0 => format!("{sign}{h:02}:{m:02}:{s:02}"),
        _ => format!("{sign}{h:02}:{m:02}"),
    }
}

/// An offset as localized GMT: `GMT-8`, `GMT+5:30` (short), `GMT-08:00` (long).
fn gmt_offset(offset: i32, long: bool) -> String {
    if offset == 0 {
        return String::from("GMT");
    }
    let sign = if offset < 0 { '-' } else { '+' };
    let o = offset.unsigned_abs();
    let (h, m) = (o / 3600, o / 60 % 60);
    match (long, m) {
        (true, _) => format!("GMT{sign}{h:02}:{m:02}"),
        (false, 0) => format!("GMT{sign}{h}"),
        (false, _) => format!("GMT{sign}{h}:{m:02}"),
    }
}

/// A date and a time through an ICU pattern. A `None` date (a time formatted
/// alone) shows zeros in the date fields. A pattern with a letter that is not a
/// pattern letter gives `""`.
pub fn pattern(date: Option<Date>, seconds: i64, pattern: &str, tz: &TimeZone) -> String {
    let Some(pieces) = parse_pattern(pattern) else { return String::new() };
    let (d, s) = match date {
        Some(d) => date_and_seconds(d, seconds),
        None => (Date::NULL, seconds),
    };
    let hour = s.rem_euclid(86_400) / 3600;
    let (minute, second) = (s.rem_euclid(3600) / 60, s.rem_euclid(60));
    let year = i64::from(d.year);
    let mut out = String::new();
    for piece in pieces {
        let Piece::Field(letter, count) = piece else {
            if let Piece::Literal(text) = piece {
                out.push_str(&text);
            }
            continue;
        };
        let null = d.is_null();
        let text = match letter {
            'G' if null => String::new(),
            'G' => String::from(match count {
                1..=3 => "AD",
                4 => "Anno Domini",
                _ => "A",
            }),
            'y' if count == 2 => padded(year % 100, 2),
            'y' | 'u' => padded(year, count),
            'Y' => {
                let week_year = if null { 0 } else { week_of_year(d).1 };
                if count == 2 { padded(week_year % 100, 2) } else { padded(week_year, count) }
            }
            'Q' | 'q' => quarter_text(if null { 0 } else { (i64::from(d.month) - 1) / 3 + 1 }, count),
            'M' | 'L' => month_text(d, count),
            'w' => padded(if null { 0 } else { week_of_year(d).0 }, count.min(2)),
            'd' => padded(i64::from(d.day), count.min(2)),
            'D' => padded(
                if null { 0 } else { d.to_days() - Date { year: d.year, month: 1, day: 1 }.to_days() + 1 },
                count,
            ),
            'E' => day_of_week_text(d, count),
            'e' | 'c' if count <= 2 => padded(if null { 0 } else { weekday(d) as i64 + 1 }, count),
            'e' | 'c' => day_of_week_text(d, count),
            'a' if count == 5 => String::from(if hour < 12 { "a" } else { "p" }),
            'a' => String::from(if hour < 12 { "AM" } else { "PM" }),
            'b' => {
                let noon_or_midnight = minute == 0 && second == 0 && (hour == 0 || hour == 12);
                match (noon_or_midnight, hour, count) {
                    (true, 0, 5) => String::from("mi"),
                    (true, _, 5) => String::from("n"),
                    (true, 0, _) => String::from("midnight"),
                    (true, _, _) => String::from("noon"),
                    (false, h, 5) => String::from(if h < 12 { "a" } else { "p" }),
                    (false, h, _) => String::from(if h < 12 { "AM" } else { "PM" }),
                }
            }
            'B' => String::from(match hour {
                12 if minute == 0 && second == 0 => "noon",
                6..=11 => "in the morning",
                12..=17 => "in the afternoon",
                18..=20 => "in the evening",
                _ => "at night",
            }),
            'h' => padded(if hour % 12 == 0 { 12 } else { hour % 12 }, count.min(2)),
            'H' => padded(hour, count.min(2)),
            'K' => padded(hour % 12, count.min(2)),
            'k' => padded(if hour == 0 { 24 } else { hour }, count.min(2)),
            'm' => padded(minute, count.min(2)),
            's' => padded(second, count.min(2)),
            'S' => "0".repeat(count),
            'X' | 'x' | 'O' | 'z' | 'Z' => {
                let offset = offset_at(d, s, tz);
                match (letter, count) {
                    ('X', n) => iso_offset(offset, n, true),
                    ('x', n) => iso_offset(offset, n, false),
                    ('O', 4) | ('z', 4) | ('Z', 4) => gmt_offset(offset, true),
                    ('O', _) => gmt_offset(offset, false),
                    ('z', 5) | ('Z', 5) => iso_offset(offset, 5, true),
                    _ => iso_offset(offset, 2, false),
                }
            }
            _ => String::new(),
        };
        out.push_str(&text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const D: Date = Date { year: 2006, month: 12, day: 29 };

    fn paris() -> TimeZone {
        TimeZone::fixed(jiff::tz::offset(1))
    }

    #[test]
    fn weekdays() {
        assert_eq!(weekday(Date { year: 2024, month: 3, day: 17 }), 0);
        assert_eq!(weekday(Date { year: 1970, month: 1, day: 1 }), 4);
        assert_eq!(weekday(D), 5);
    }

    #[test]
    fn date_constants() {
        let tz = paris();
        let c = |code, time| date_with_constant(D, code, time, &tz);
        assert_eq!(c(1, None), "12/29/2006");
        assert_eq!(c(2, None), "Fri, Dec 29, 2006");
        assert_eq!(c(3, None), "Friday, December 29, 2006");
        assert_eq!(c(4, None), "12/29/06");
        assert_eq!(c(5, None), "December 29, 2006");
        assert_eq!(c(6, None), "Dec 29, 2006");
        assert_eq!(c(7, None), "12/29/2006");
        assert_eq!(c(8, None), "2006-12-29T00:00:00");
        assert_eq!(c(8, Some(3723)), "2006-12-29T01:02:03");
        assert_eq!(c(9, None), "2006-12-28T23:00:00Z");
        assert_eq!(c(9, Some(16 * 3600)), "2006-12-29T15:00:00Z");
        assert_eq!(c(10, Some(14 * 3600)), "Fri, 29 Dec 2006 13:00:00 GMT");
        assert_eq!(date_with_constant(Date { year: 2096, month: 12, day: 29 }, 4, None, &tz), "12/29/2096");
        assert_eq!(date_with_constant(Date::NULL, 105, None, &tz), "");
        assert_eq!(date_with_constant(Date::NULL, 5, None, &tz), "00/00/00");
    }

    #[test]
    fn time_constants() {
        let t = 3723;
        assert_eq!(time_with_constant(t, 1), "01:02:03");
        assert_eq!(time_with_constant(t, 2), "01:02");
        assert_eq!(time_with_constant(t, 3), "1 hour 2 minutes 3 seconds");
        assert_eq!(time_with_constant(t, 4), "1 hour 2 minutes");
        assert_eq!(time_with_constant(t, 5), "1:02 AM");
        assert_eq!(time_with_constant(t, 6), "62:03");
        assert_eq!(time_with_constant(t, 7), "62 minutes 3 seconds");
        assert_eq!(time_with_constant(t, 8), "0000-00-00T01:02:03");
        assert_eq!(time_with_constant(t, 9), "01:02:03");
        assert_eq!(time_with_constant(17 * 3600 + 30 * 60 + 45, 5), "5:30 PM");
        assert_eq!(time_with_constant(17 * 3600 + 30 * 60 + 45, 3), "17 hours 30 minutes 45 seconds");
        assert_eq!(time_with_constant(13 * 3600, 4), "13 hours 0 minute");
        assert_eq!(time_with_constant(0, 101), "");
    }

    #[test]
    fn patterns() {
        let tz = paris();
        let p = |d, s, pat| pattern(d, s, pat, &tz);
        let nov27 = Date { year: 2023, month: 11, day: 27 };
        assert_eq!(p(Some(nov27), 0, "EEEE d MMMM y GGGG"), "Monday 27 November 2023 Anno Domini");
        assert_eq!(p(Some(nov27), 0, "E dd/MM/yyyy zzzz"), "Mon 27/11/2023 GMT+01:00");
        assert_eq!(
            p(Some(nov27), 11 * 3600 + 15 * 60, "E dd/MM/yyyy 'at' hh:mm aa O"),
            "Mon 27/11/2023 at 11:15 AM GMT+1"
        );
        assert_eq!(p(None, 17 * 3600 + 30 * 60 + 45, "hh:mm aa O"), "05:30 PM GMT+1");
        assert_eq!(p(None, 17 * 3600 + 30 * 60 + 45, "'It is' K a"), "It is 5 PM");
        assert_eq!(p(None, 15 * 3600 + 30 * 60, "HH 'hours and' mm 'minutes'"), "15 hours and 30 minutes");
        assert_eq!(p(None, 9 * 3600 + 10 * 60 + 25, " HH : mm : ss "), "09 : 10 : 25");
        assert_eq!(p(None, 9 * 3600 + 10 * 60 + 25, "' 'HH : mm : ss' '"), " 09 : 10 : 25 ");
        assert_eq!(p(Some(Date { year: 2000, month: 6, day: 15 }), 0, "QQQQ"), "2nd quarter");
        assert_eq!(p(Some(Date { year: 2001, month: 3, day: 17 }), 0, "D"), "76");
        assert_eq!(p(Some(Date { year: 1954, month: 3, day: 17 }), 0, "eeee"), "Wednesday");
        assert_eq!(p(Some(Date { year: 1954, month: 3, day: 17 }), 0, "w"), "12");
        assert_eq!(p(Some(Date { year: 1996, month: 7, day: 2 }), 0, "yyyyyy"), "001996");
        assert_eq!(p(None, 18 * 3600, "K a"), "6 PM");
        assert_eq!(p(None, 13 * 3600 + 25 * 60, "B"), "in the afternoon");
        assert_eq!(p(Some(D), 0, "It is"), "");
        assert_eq!(p(Some(D), 0, "''yy''"), "'06'");
        assert_eq!(p(Some(Date { year: 2010, month: 12, day: 31 }), 0, "w Y"), "1 2011");
    }
}
