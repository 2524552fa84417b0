//! Commands of the "String" theme. Positions are 1-based and count UTF-16
//! code units, as 4D's do.

use super::{Args, Ctx};
use crate::runtime::error::RuntimeError;
use crate::runtime::format;
use crate::runtime::value::Value;

/// `String(value)` (10), without a format: see `runtime::format::string_of`.
pub(crate) fn string(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::text(format::string_of(args.get(0))))
}

/// `Num(value)` (11): a text keeps its digits, one `.`, a leading `-` and an
/// exponent, and ignores letters (`Num("A1B2C3")` is 123); a hyphen inside the
/// digits ends the number. Booleans give 1 or 0.
pub(crate) fn num(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Real(match args.get(0) {
        Value::Text(t) => num_of_text(t.as_str()),
        Value::Bool(b) => f64::from(u8::from(*b)),
        Value::Real(n) => *n,
        Value::Long(n) => f64::from(*n),
        Value::Time(t) => *t as f64,
        Value::Undefined | Value::Null => 0.0,
        other => return Err(super::bad_argument(&format!("Num cannot convert {}", other.type_name()))),
    }))
}

/// The number in a text, by `Num`'s rules.
pub(crate) fn num_of_text(text: &str) -> f64 {
    let mut digits = String::new();
    let mut seen_digit = false;
    let mut seen_point = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '0'..='9' => {
                digits.push(c);
                seen_digit = true;
            }
            '.' if !seen_point => {
                digits.push('.');
                seen_point = true;
            }
            '-' if !seen_digit && !digits.starts_with('-') => digits.insert(0, '-'),
            '-' if seen_digit => break,
            'e' | 'E' if seen_digit && chars.peek().is_some_and(|n| n.is_ascii_digit() || *n == '-' || *n == '+') => {
                digits.push('e');
                if let Some(sign) = chars.next_if(|n| *n == '-' || *n == '+') {
                    digits.push(sign);
                }
                while let Some(d) = chars.next_if(char::is_ascii_digit) {
                    digits.push(d);
                }
                break;
            }
            _ => {}
        }
    }
    let digits = digits.trim_end_matches('.');
    if !seen_digit {
        return 0.0;
    }
    digits.parse().unwrap_or(0.0)
}

/// `Length(text)` (16): the number of UTF-16 code units.
pub(crate) fn length(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let n = match args.get(0) {
        Value::Text(t) if t.is_ascii() => t.as_str().len(),
        _ => utf16_len(args.text(0)?),
    };
    Ok(Value::Real(n as f64))
}

pub(crate) fn utf16_len(s: &str) -> usize {
    if s.is_ascii() { s.len() } else { s.encode_utf16().count() }
}

/// The UTF-16 code units `from..to` (0-based, clamped) of `s`.
pub(crate) fn utf16_slice(s: &str, from: usize, to: usize) -> String {
    if s.is_ascii() {
        let to = to.min(s.len());
        return s.get(from.min(to)..to).unwrap_or("").to_string();
    }
    let units: Vec<u16> = s.encode_utf16().collect();
    let to = to.min(units.len());
    String::from_utf16_lossy(&units[from.min(to)..to])
}

/// `Substring(text; first {; count})` (12).
pub(crate) fn substring(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let text = args.text(0)?;
    let first = args.number(1)?.trunc().max(1.0) as usize - 1;
    let end = if args.len() > 2 {
        let count = args.number(2)?.trunc();
        if count <= 0.0 {
            return Ok(Value::text(""));
        }
        first.saturating_add(count as usize)
    } else {
        usize::MAX
    };
    Ok(Value::text(utf16_slice(text, first, end)))
}

/// `Char(code)` (90): the character of a UTF-16 code.
pub(crate) fn char(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let code = args.number(0)?.trunc();
    let unit = if (0.0..=65535.0).contains(&code) { code as u16 } else { 0 };
    Ok(Value::text(String::from_utf16_lossy(&[unit])))
}

/// `Character code(text)` (91): the UTF-16 code of the first character, 0 for "".
pub(crate) fn character_code(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let code = args.text(0)?.encode_utf16().next().unwrap_or(0);
    Ok(Value::Real(f64::from(code)))
}

/// `Split string(text; separator {; options})` (1554). The separator is
/// matched exactly; `sk ignore empty strings` (1) and `sk trim spaces` (2).
pub(crate) fn split_string(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let (text, separator) = (args.text(0)?, args.text(1)?);
    let options = args.number(2)? as i64;
    let parts: Vec<String> = if separator.is_empty() {
        text.chars().map(String::from).collect()
    } else {
        text.split(separator).map(str::to_string).collect()
    };
    let items = parts
        .into_iter()
        .map(|p| if options & 2 != 0 { p.trim_matches(' ').to_string() } else { p })
        .filter(|p| options & 1 == 0 || !p.is_empty())
        .map(Value::text)
        .collect();
    Ok(Value::new_collection(items))
}

/// The text without its accents: each character decomposed (NFD) and its
/// combining marks dropped, as `Uppercase` and `Lowercase` do without `*`.
fn strip_accents(text: &str) -> String {
    if text.is_ascii() {
        return text.to_string();
    }
    let decomposed = icu_normalizer::DecomposingNormalizerBorrowed::new_nfd().normalize(text);
    decomposed.chars().filter(|c| !is_combining_mark(*c)).collect()
}

/// The blocks of combining diacritical marks.
fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// `Uppercase(text {; *})` (13): drops accents unless `*` is passed.
pub(crate) fn uppercase(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let text = args.text(0)?;
    Ok(Value::text(if args.star { text.to_uppercase() } else { strip_accents(text).to_uppercase() }))
}

/// `Lowercase(text {; *})` (14): drops accents unless `*` is passed.
pub(crate) fn lowercase(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let text = args.text(0)?;
    Ok(Value::text(if args.star { text.to_lowercase() } else { strip_accents(text).to_lowercase() }))
}

/// The UTF-16 position (0-based) of a byte offset.
fn utf16_index(s: &str, byte: usize) -> usize {
    s.get(..byte).map_or(0, utf16_len)
}

/// The byte offset of a UTF-16 position (0-based), clamped to the text.
fn byte_index(s: &str, unit: usize) -> usize {
    if s.is_ascii() {
        return unit.min(s.len());
    }
    let mut units = 0;
    for (i, c) in s.char_indices() {
        if units >= unit {
            return i;
        }
        units += c.len_utf16();
    }
    s.len()
}

/// The byte range of the first match of `find` in `text` from byte `from`:
/// by character codes with `*`, else ignoring case and accents.
fn find_in(text: &str, find: &str, from: usize, exact: bool) -> Option<std::ops::Range<usize>> {
    if find.is_empty() {
        return None;
    }
    if exact {
        return text.get(from..)?.find(find).map(|at| from + at..from + at + find.len());
    }
    crate::runtime::text::find(text, find, from)
}

/// `Position(find; text {; start} {; *})` (15): the 1-based position of the
/// first match, 0 if none; linguistic matching unless `*`.
pub(crate) fn position(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let (find, text) = (args.text(0)?, args.text(1)?);
    let start = if args.len() > 2 { (args.number(2)?.trunc().max(1.0) as usize) - 1 } else { 0 };
    let from = byte_index(text, start);
    let found = find_in(text, find, from, args.star).map_or(0, |range| utf16_index(text, range.start) + 1);
    Ok(Value::Real(found as f64))
}

/// `Replace string(text; old; new {; howMany} {; *})` (233): linguistic
/// matching unless `*`; an empty `old` leaves the text unchanged.
pub(crate) fn replace_string(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let (text, old, new) = (args.text(0)?, args.text(1)?, args.text(2)?);
    let mut how_many = if args.len() > 3 { args.number(3)?.trunc().max(0.0) as usize } else { usize::MAX };
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while how_many > 0 {
        let Some(range) = find_in(text, old, at, args.star) else { break };
        out.push_str(&text[at..range.start]);
        out.push_str(new);
        at = range.end;
        how_many -= 1;
    }
    out.push_str(&text[at..]);
    Ok(Value::text(out))
}

/// Whitespace as ECMAScript `trim` defines it.
fn is_trim_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

/// `Trim(text)` (1853).
pub(crate) fn trim(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::text(args.text(0)?.trim_matches(is_trim_space)))
}

/// `Trim start(text)` (1854).
pub(crate) fn trim_start(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::text(args.text(0)?.trim_start_matches(is_trim_space)))
}

/// `Trim end(text)` (1855).
pub(crate) fn trim_end(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::text(args.text(0)?.trim_end_matches(is_trim_space)))
}
