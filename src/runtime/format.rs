//! Values as text, the way `String` shows them without a format.
//!
//! fourd fixes what 4D takes from the system settings, so that output is the
//! same on every machine: `.` as decimal separator, English `True`/`False`,
//! dates as `MM/DD/YYYY`, times as `HH:MM:SS`.

use super::json;
use super::value::{Date, Value};

/// A number with at most 13 significant digits, trailing zeros removed:
/// `0.3333333333333`, `32768`, `INF`, `-INF`, and `""` for NaN. Numbers of 1e21
/// and more, or smaller than 1e-7, use an exponent (`1e+21`, `1.5e-8`).
pub fn real(n: f64) -> String {
    if n.is_nan() {
        return String::new();
    }
    if n.is_infinite() {
        return String::from(if n > 0.0 { "INF" } else { "-INF" });
    }
    if n == 0.0 {
        return String::from("0");
    }
    if n.fract() == 0.0 && n.abs() < 1e13 {
        // A whole number of at most 13 digits prints as it is.
        return (n as i64).to_string();
    }
    // Thirteen significant digits, as scientific notation, then laid out.
    let sci = format!("{:.12e}", n);
    let (mantissa, exponent) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let negative = mantissa.starts_with('-');
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    if !(-7..21).contains(&exponent) {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if exponent < 0 { '-' } else { '+' });
        out.push_str(&exponent.abs().to_string());
    } else if exponent < 0 {
        out.push_str("0.");
        for _ in 0..(-exponent - 1) {
            out.push('0');
        }
        out.push_str(digits);
    } else {
        let int_len = exponent as usize + 1;
        if digits.len() <= int_len {
            out.push_str(digits);
            for _ in digits.len()..int_len {
                out.push('0');
            }
        } else {
            out.push_str(&digits[..int_len]);
            out.push('.');
            out.push_str(&digits[int_len..]);
        }
    }
    out
}

/// A date as `MM/DD/YYYY`, or `00/00/00` for the null date.
pub fn date(d: Date) -> String {
    if d.is_null() {
        return String::from("00/00/00");
    }
    format!("{:02}/{:02}/{:04}", d.month, d.day, d.year)
}

/// A time as `HH:MM:SS` (hours may exceed 24; negative times get a `-`).
pub fn time(seconds: i64) -> String {
    let sign = if seconds < 0 { "-" } else { "" };
    let s = seconds.unsigned_abs();
    format!("{sign}{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

/// A text as a 4D string literal: between double quotes, with 4D's escapes
/// (what the REPL shows, and what generated code writes).
pub fn text_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A Boolean in English.
pub fn boolean(b: bool) -> &'static str {
    if b { "True" } else { "False" }
}

/// What a BLOB (scalar or `4D.Blob`) is in `String` and in JSON (fourd's
/// decision, in the form 4D documents for formulas).
pub const BLOB_TEXT: &str = "[object Blob]";
/// What `String` and JSON give of a picture (documented for JSON).
pub const PICTURE_TEXT: &str = "[object Picture]";

/// What `String(value)` gives without a format. Objects and collections have
/// no documented form; fourd gives their JSON, as `JSON Stringify` would.
pub fn string_of(value: &Value) -> String {
    match value {
        Value::Undefined => String::new(),
        Value::Null => String::from("null"),
        Value::Bool(b) => boolean(*b).to_string(),
        Value::Real(n) => real(*n),
        Value::Long(n) => n.to_string(),
        Value::Date(d) => date(*d),
        Value::Time(t) => time(*t),
        Value::Text(t) => t.as_str().to_string(),
        Value::Object(o) if super::blob::boxed(&o.borrow()).is_some() => String::from(BLOB_TEXT),
        Value::Object(_)
        | Value::Collection(_)
        | Value::Array(_)
        | Value::SharedObject(_)
        | Value::SharedCollection(_) => json(value, false),
        Value::Pointer(p) => format!("->{}", p.name()),
        Value::Blob(_) => String::from(BLOB_TEXT),
        Value::Picture(_) => String::from(PICTURE_TEXT),
    }
}

/// A value as JSON, as `JSON Stringify` writes it (`pretty` for the `*` form).
/// A value nested deeper than [`json::MAX_DEPTH`] levels (an object that
/// contains itself) is written `null`; [`try_json`] refuses it instead.
pub fn json(value: &Value, pretty: bool) -> String {
    let mut out = String::new();
    let _ = write_json(&mut out, value, pretty, 0, false);
    out
}

/// A value as JSON, or `None` when objects and collections are nested deeper than
/// [`json::MAX_DEPTH`] levels (as they are when one contains itself).
pub fn try_json(value: &Value, pretty: bool) -> Option<String> {
    let mut out = String::new();
    write_json(&mut out, value, pretty, 0, true).ok()?;
    Some(out)
}

/// Writes `value`; `Err` when too deep and `strict`.
fn write_json(out: &mut String, value: &Value, pretty: bool, depth: usize, strict: bool) -> Result<(), ()> {
    if depth >= json::MAX_DEPTH
        && matches!(
            value,
            Value::Object(_) | Value::Collection(_) | Value::SharedObject(_) | Value::SharedCollection(_)
        )
    {
        if strict {
            return Err(());
        }
        out.push_str("null");
        return Ok(());
    }
    match value {
        Value::Undefined | Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Real(n) => out.push_str(&json_number(*n)),
        Value::Long(n) => out.push_str(&n.to_string()),
        Value::Date(d) => write_json_text(out, &json_date(*d)),
        Value::Time(t) => out.push_str(&t.to_string()),
        Value::Text(t) => write_json_text(out, t.as_str()),
        // Pointers are resolved by `JSON Stringify` before they get here.
        Value::Pointer(p) => write_json_text(out, &format!("->{}", p.name())),
        Value::Array(a) => {
            let items = a.borrow().items.iter().skip(1).cloned().collect();
            write_json(out, &Value::new_collection(items), pretty, depth, strict)?;
        }
        Value::SharedObject(o) => {
            write_json(out, &Value::new_object(o.props()), pretty, depth, strict)?;
        }
        Value::SharedCollection(c) => {
            write_json(out, &Value::new_collection(c.values()), pretty, depth, strict)?;
        }
        Value::Object(o) if o.borrow().code.is_some() => write_json_text(out, "[object Formula]"),
        Value::Blob(_) => write_json_text(out, BLOB_TEXT),
        Value::Picture(_) => write_json_text(out, PICTURE_TEXT),
        Value::Object(o) if super::blob::boxed(&o.borrow()).is_some() => write_json_text(out, BLOB_TEXT),
        Value::Object(o) => {
            let o = o.borrow();
            let props: Vec<_> = o.props.iter().filter(|(_, v)| !matches!(v, Value::Undefined)).collect();
            if props.is_empty() {
                out.push_str("{}");
                return Ok(());
            }
            out.push('{');
            for (i, (key, item)) in props.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, pretty, depth + 1);
                write_json_text(out, key);
                out.push(':');
                if pretty {
                    out.push(' ');
                }
                write_json(out, item, pretty, depth + 1, strict)?;
            }
            newline(out, pretty, depth);
            out.push('}');
        }
        Value::Collection(c) => {
            let c = c.borrow();
            if c.is_empty() {
                out.push_str("[]");
                return Ok(());
            }
            out.push('[');
            for (i, item) in c.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, pretty, depth + 1);
                write_json(out, item, pretty, depth + 1, strict)?;
            }
            newline(out, pretty, depth);
            out.push(']');
        }
    }
    Ok(())
}

fn newline(out: &mut String, pretty: bool, depth: usize) {
    if pretty {
        out.push('\n');
        for _ in 0..depth {
            out.push('\t');
        }
    }
}

/// A JSON number: the shortest digits that read back as the same double,
/// with an exponent from 1e21 up and below 1e-6 (`1e+300`, `1.5e-7`), as
/// JavaScript writes numbers; `-0` is `0`, and what is not finite is `null`.
pub fn json_number(n: f64) -> String {
    if !n.is_finite() {
        return String::from("null");
    }
    if n == 0.0 {
        return String::from("0");
    }
    let size = n.abs();
    if (1e-6..1e21).contains(&size) {
        return format!("{n}");
    }
    let text = format!("{n:e}");
    match text.split_once('e') {
        Some((mantissa, exponent)) if !exponent.starts_with('-') => format!("{mantissa}e+{exponent}"),
        _ => text,
    }
}

/// A date as JSON text: `YYYY-MM-DD`, as 4D writes dates with its default "dates inside
/// objects" setting (date type); the null date is `0000-00-00`.
pub fn json_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

fn write_json_text(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reals_have_13_significant_digits() {
        assert_eq!(real(1.0 / 3.0), "0.3333333333333");
        assert_eq!(real(32768.0), "32768");
        assert_eq!(real(0.1 + 0.2), "0.3");
        assert_eq!(real(1.5), "1.5");
        assert_eq!(real(-2.25), "-2.25");
        assert_eq!(real(std::f64::consts::PI), "3.14159265359");
        assert_eq!(real(1.0 / 0.0), "INF");
        assert_eq!(real(-1.0 / 0.0), "-INF");
        assert_eq!(real(f64::NAN), "");
        assert_eq!(real(1e21), "1e+21");
        assert_eq!(real(123456789012.0), "123456789012");
        assert_eq!(real(0.000001), "0.000001");
    }

    #[test]
    fn json_numbers_are_shortest_with_an_exponent_out_of_range() {
        assert_eq!(json_number(-0.0), "0");
        assert_eq!(json_number(120.0), "120");
        assert_eq!(json_number(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(json_number(123456789012345678.0), "123456789012345680");
        assert_eq!(json_number(1e20), "100000000000000000000");
        assert_eq!(json_number(1e21), "1e+21");
        assert_eq!(json_number(-1e300), "-1e+300");
        assert_eq!(json_number(0.000001), "0.000001");
        assert_eq!(json_number(1.5e-7), "1.5e-7");
        assert_eq!(json_number(f64::NAN), "null");
    }

    #[test]
    fn dates_and_times() {
        assert_eq!(date(Date { year: 2023, month: 11, day: 27 }), "11/27/2023");
        assert_eq!(time(3723), "01:02:03");
        assert_eq!(time(-3723), "-01:02:03");
    }
}
