//! Commands of the "String" theme. Positions are 1-based and count UTF-16
//! code units, as 4D's do.

use super::{Args, Ctx};
use crate::runtime::error::RuntimeError;
use crate::runtime::value::{Text, Value};
use crate::runtime::{date_format, format, number_format};

/// `String(value {; format {; addTime}})` (10) and `String(number; base)`.
/// A number takes a display format (text) or a base (number, 2 to 36); a date
/// a date format constant or a pattern, and a time to add; a time a time format
/// constant or a pattern. The format of a text or a Boolean is ignored.
pub(crate) fn string(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let value = args.get(0);
    if args.len() < 2 || matches!(args.get(1), Value::Undefined) {
        if let Some(n) = value.as_number()
            && n.fract() == 0.0
            && (0.0..SMALL_WHOLE_NUMBERS as f64).contains(&n)
        {
            // `String($i)` of a small whole number: a text made once per thread.
            return Ok(Value::Text(SMALL_NUMBER_TEXTS.with(|texts| texts[n as usize].clone())));
        }
        return Ok(Value::text(format::string_of(value)));
    }
    let format = args.get(1);
    let text = match value {
        Value::Real(_) | Value::Long(_) => {
            let n = value.as_number().unwrap_or(0.0);
            match format {
                Value::Text(f) => number_format::number(n, f.as_str())?,
                _ => {
                    let base = args.number(1)?.trunc();
                    let base = if base == 0.0 { 10.0 } else { base };
                    if !(2.0..=36.0).contains(&base) {
                        return Err(super::bad_argument(&format!(
                            "the base of String must be between 2 and 36, not {}",
                            format::real(base)
                        )));
                    }
                    number_format::radix(n, base as u32)
                }
            }
        }
        Value::Date(d) => {
            let time = match args.get(2) {
                Value::Undefined => None,
                Value::Time(t) => Some(*t),
                other => Some(other.as_number().ok_or_else(|| {
                    super::bad_argument(&format!("the time to add must be a time, not {}", other.type_name()))
                })? as i64),
            };
            let tz = jiff::tz::TimeZone::system();
            match format {
                Value::Text(pattern) => date_format::pattern(Some(*d), time.unwrap_or(0), pattern.as_str(), &tz),
                _ => date_format::date_with_constant(*d, args.number(1)?.trunc() as i64, time, &tz),
            }
        }
        Value::Time(t) => match format {
            Value::Text(pattern) => date_format::pattern(None, *t, pattern.as_str(), &jiff::tz::TimeZone::system()),
            _ => date_format::time_with_constant(*t, args.number(1)?.trunc() as i64),
        },
        other => format::string_of(other),
    };
    Ok(Value::text(text))
}

/// `Num(value {; separator})` (11) and `Num(text; base)`: a text keeps its
/// digits, one decimal separator (`.`, or the `separator` given), a leading
/// `-` and an exponent, and ignores letters (`Num("A1B2C3")` is 123); a hyphen
/// inside the digits ends the number. With a base, the text is read as
/// ECMAScript's `parseInt` reads it (0 when nothing can be read). Booleans
/// give 1 or 0.
pub(crate) fn num(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Real(match args.get(0) {
        Value::Text(t) => match args.get(1) {
            Value::Text(separator) => num_of_text_with(t.as_str(), separator.as_str()),
            Value::Undefined => num_of_text(t.as_str()),
            _ => parse_int(t.as_str(), args.number(1)?),
        },
        Value::Bool(b) => f64::from(u8::from(*b)),
        Value::Real(n) => *n,
        Value::Long(n) => f64::from(*n),
        Value::Time(t) => *t as f64,
        Value::Undefined | Value::Null => 0.0,
        other => return Err(super::bad_argument(&format!("Num cannot convert {}", other.type_name()))),
    }))
}

/// The number in a text, by `Num`'s rules, with `.` as the decimal separator.
pub(crate) fn num_of_text(text: &str) -> f64 {
    num_of_text_with(text, ".")
}

/// The number in a text, by `Num`'s rules, with `separator` (one or more
/// characters, or none) as the decimal separator.
fn num_of_text_with(text: &str, separator: &str) -> f64 {
    let mut digits = String::new();
    let mut negative = false;
    let mut seen_digit = false;
    let mut seen_point = false;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if !separator.is_empty() && rest.starts_with(separator) {
            if !seen_point {
                digits.push('.');
                seen_point = true;
            }
            rest = &rest[separator.len()..];
            continue;
        }
        rest = &rest[c.len_utf8()..];
        match c {
            '0'..='9' => {
                digits.push(c);
                seen_digit = true;
            }
            '-' if !seen_digit => negative = true,
            '-' => break,
            'e' | 'E' if seen_digit => {
                let mut exponent = rest.chars().peekable();
                let sign = exponent.next_if(|n| *n == '-' || *n == '+');
                let exponent_digits: String = std::iter::from_fn(|| exponent.next_if(char::is_ascii_digit)).collect();
                if !exponent_digits.is_empty() {
                    digits.push('e');
                    digits.extend(sign);
                    digits.push_str(&exponent_digits);
                    break;
                }
            }
            _ => {}
        }
    }
    if !seen_digit {
        return 0.0;
    }
    let n: f64 = digits.trim_end_matches('.').parse().unwrap_or(0.0);
    if negative { -n } else { n }
}

/// ECMAScript's `parseInt(text, base)`, except that 0 stands for "not a
/// number": a base outside 2 to 36 (0 means 10, or 16 for a `0x` prefix) or a
/// text without a digit of the base gives 0.
fn parse_int(text: &str, base: f64) -> f64 {
    let text = text.trim_start_matches(is_trim_space);
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let base = base.trunc();
    let (mut radix, strip_prefix) = match base {
        0.0 => (10, true),
        16.0 => (16, true),
        b if (2.0..=36.0).contains(&b) => (b as u32, false),
        _ => return 0.0,
    };
    let mut text = text;
    if strip_prefix && let Some(rest) = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        text = rest;
        radix = 16;
    }
    let mut value = 0.0;
    let mut any = false;
    for c in text.chars() {
        let Some(d) = c.to_digit(radix) else { break };
        value = value * f64::from(radix) + f64::from(d);
        any = true;
    }
    match (any, negative) {
        (false, _) => 0.0,
        (true, true) => -value,
        (true, false) => value,
    }
}

/// How many whole numbers (from 0) have their `String` made in advance.
const SMALL_WHOLE_NUMBERS: usize = 1024;

thread_local! {
    /// `String(n)` for the small whole numbers, shared like text literals.
    static SMALL_NUMBER_TEXTS: Vec<Text> = (0..SMALL_WHOLE_NUMBERS).map(|n| Text::new(n.to_string())).collect();
}

/// `Length(text)` (16): the number of UTF-16 code units.
pub(crate) fn length(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let n = match args.get(0) {
        Value::Text(t) => t.utf16_len(),
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

/// The `options` of `Position`'s second form: the `sk` constants of the
/// Strings theme. `sk kana insensitive` (8) and `sk width insensitive` (16)
/// only mean something when the data language is Japanese, which fourd's
/// never is: they change nothing.
mod sk {
    pub const CHAR_CODES: i64 = 1;
    pub const CASE_INSENSITIVE: i64 = 2;
    pub const DIACRITIC_INSENSITIVE: i64 = 4;
    pub const WHOLE_WORD: i64 = 32;
}

/// The first match of `find` in `text` from byte `from` under `Position`'s
/// `options`: by character codes (`sk char codes`, with `sk case insensitive`
/// only `a`-`z` and `A`-`Z` fold), else linguistic matching where case and
/// accents count unless `sk case insensitive` or `sk diacritic insensitive`
/// says otherwise (`sk strict`, 0, counts both); `sk whole word` keeps only
/// the matches that neither start nor end inside a word.
fn find_with_options(text: &str, find: &str, from: usize, options: i64) -> Option<std::ops::Range<usize>> {
    let has = |flag: i64| options & flag != 0;
    let mut at = from;
    loop {
        let range = if has(sk::CHAR_CODES) {
            find_codes(text, find, at, has(sk::CASE_INSENSITIVE))?
        } else {
            crate::runtime::text::find(text, find, at)?
        };
        let found = &text[range.clone()];
        let same = has(sk::CHAR_CODES)
            || match (has(sk::CASE_INSENSITIVE), has(sk::DIACRITIC_INSENSITIVE)) {
                (true, true) => true,
                (true, false) => found.to_lowercase() == find.to_lowercase(),
                (false, true) => strip_accents(found) == strip_accents(find),
                (false, false) => found == find,
            };
        let in_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let whole = !has(sk::WHOLE_WORD)
            || !(in_word(text[..range.start].chars().next_back()) || in_word(text[range.end..].chars().next()));
        if same && whole {
            return Some(range);
        }
        at = range.start + text[range.start..].chars().next().map_or(1, char::len_utf8);
    }
}

/// The first occurrence of `find` in `text` from byte `from`, character code
/// by character code; with `ascii_case`, `a`-`z` match `A`-`Z`.
fn find_codes(text: &str, find: &str, from: usize, ascii_case: bool) -> Option<std::ops::Range<usize>> {
    if find.is_empty() {
        return None;
    }
    if !ascii_case {
        return text.get(from..)?.find(find).map(|at| from + at..from + at + find.len());
    }
    let (hay, needle) = (text.as_bytes(), find.as_bytes());
    (from..=hay.len().checked_sub(needle.len())?)
        .filter(|&i| text.is_char_boundary(i))
        .find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
        .map(|i| i..i + needle.len())
}

/// `Position(find; text {; start {; lengthFound}} {; *})` and
/// `Position(find; text; start; lengthFound; options)` (15): the 1-based
/// position of the first match, 0 if none; linguistic matching unless `*`
/// or the `options` say otherwise.
pub(crate) fn position(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let (find, text) = (args.text(0)?, args.text(1)?);
    let start = if args.len() > 2 { (args.number(2)?.trunc().max(1.0) as usize) - 1 } else { 0 };
    let from = byte_index(text, start);
    let found = if args.len() > 4 {
        if args.star {
            return Err(super::bad_argument("Position: pass either options or `*`, not both"));
        }
        let options = args.number(4)?;
        if !(0.0..=63.0).contains(&options) || options.fract() != 0.0 {
            return Err(super::bad_argument(&format!("Position: {options} is not a combination of sk options")));
        }
        find_with_options(text, find, from, options as i64)
    } else {
        find_in(text, find, from, args.star)
    };
    // `lengthFound`: the length of what was found, which linguistic matching
    // may make differ from the length of `find`; 0 when nothing is.
    if args.len() > 3 {
        let length = found.clone().map_or(0, |range| utf16_len(&text[range]));
        ctx.host.assign(&args.pointer(3)?, Value::Real(length as f64))?;
    }
    Ok(Value::Real(found.map_or(0, |range| utf16_index(text, range.start) + 1) as f64))
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

/// A position argument (1-based, in UTF-16 code units) as an `i64`, saturated.
fn position_arg(args: &Args<'_>, i: usize) -> Result<i64, RuntimeError> {
    let n = args.number(i)?;
    Ok(if n.is_nan() { 0 } else { n.trunc().clamp(-1e15, 1e15) as i64 })
}

/// `Change string(source; newChars; where)` (234): overwrites the characters
/// of `source` from `where` with `newChars`; the result keeps the length of
/// `source`. A `where` outside the text leaves it unchanged.
pub(crate) fn change_string(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let (source, new) = (args.text(0)?, args.text(1)?);
    let at = position_arg(args, 2)?;
    let units: Vec<u16> = source.encode_utf16().collect();
    if new.is_empty() || at < 1 || at as usize > units.len() {
        return Ok(Value::text(source));
    }
    let start = at as usize - 1;
    let mut out = units[..start].to_vec();
    out.extend(new.encode_utf16().take(units.len() - start));
    let end = out.len();
    out.extend(&units[end..]);
    Ok(Value::text(String::from_utf16_lossy(&out)))
}

/// `Insert string(source; what; where)` (231): inserts `what` before the
/// character at `where`; at the start when `where` is below 1, at the end when
/// it is past the text.
pub(crate) fn insert_string(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let (source, what) = (args.text(0)?, args.text(1)?);
    let at = position_arg(args, 2)?.max(1) as usize - 1;
    let split = byte_index(source, at);
    Ok(Value::text(format!("{}{what}{}", &source[..split], &source[split..])))
}

/// `Delete string(source; where; numChars)` (232): deletes `numChars`
/// characters from `where` (from the start when `where` is below 1); a `where`
/// past the text or a count of 0 or less leaves it unchanged.
pub(crate) fn delete_string(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let source = args.text(0)?;
    let (at, count) = (position_arg(args, 1)?.max(1) as usize - 1, position_arg(args, 2)?);
    if count <= 0 {
        return Ok(Value::text(source));
    }
    let len = utf16_len(source);
    if at >= len {
        return Ok(Value::text(source));
    }
    let end = at.saturating_add(count as usize).min(len);
    let mut out = utf16_slice(source, 0, at);
    out.push_str(&utf16_slice(source, end, len));
    Ok(Value::text(out))
}

/// `Match regex(pattern; text {; start} {; *})` (1019), the forms that return
/// only the Boolean. Without `start` the whole text must match the pattern;
/// with it, a match is searched from that position (1-based, UTF-16), and with
/// `*` it must begin exactly there. The pattern syntax is ICU's, read by
/// fancy-regex (look-around, back references, atomic groups).
pub(crate) fn match_regex(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let (pattern, text) = (args.text(0)?, args.text(1)?);
    let bad_pattern = |e: fancy_regex::Error| super::bad_argument(&format!("Match regex: invalid pattern: {e}"));
    // Compiled alone first, so that wrapping it cannot make a bad pattern valid.
    let regex = fancy_regex::Regex::new(pattern).map_err(bad_pattern)?;
    if args.len() < 3 {
        let whole = fancy_regex::Regex::new(&format!(r"\A(?:{pattern})\z")).map_err(bad_pattern)?;
        return whole.is_match(text).map(Value::Bool).map_err(|e| super::bad_argument(&format!("Match regex: {e}")));
    }
    if args.len() == 4 {
        return Err(super::bad_argument("Match regex: pos_found and length_found are passed together"));
    }
    let start = position_arg(args, 2)?.max(1) as usize - 1;
    if start > utf16_len(text) {
        return Ok(Value::Bool(false));
    }
    let from = byte_index(text, start);
    let found = regex.captures_from_pos(text, from).map_err(|e| super::bad_argument(&format!("Match regex: {e}")))?;
    let Some(captures) = found.filter(|c| !args.star || c.get(0).is_some_and(|m| m.start() == from)) else {
        return Ok(Value::Bool(false));
    };
    if args.len() > 4 {
        // Positions from 1 and lengths, in UTF-16 units; a group that took
        // part in no match has 0 and 0.
        let spans: Vec<(f64, f64)> = (0..captures.len())
            .map(|group| match captures.get(group) {
                Some(m) => ((utf16_index(text, m.start()) + 1) as f64, utf16_len(m.as_str()) as f64),
                None => (0.0, 0.0),
            })
            .collect();
        for (arg, lengths) in [(3, false), (4, true)] {
            let pointer = args.pointer(arg)?;
            let number = |&(position, length): &(f64, f64)| if lengths { length } else { position };
            let numbers = spans.iter().map(number);
            match ctx.host.deref(&pointer)? {
                // An array: the occurrence in element 0, then one element per group.
                Value::Array(array) => {
                    let mut array = array.borrow_mut();
                    let ty = array.ty;
                    let items: Option<Vec<Value>> = numbers.map(|n| ty.element(Value::Real(n))).collect();
                    array.items = items.ok_or_else(|| {
                        super::bad_argument("Match regex: the arrays of positions and lengths must be numeric")
                    })?;
                }
                _ => ctx.host.assign(&pointer, Value::Real(number(&spans[0])))?,
            }
        }
    }
    Ok(Value::Bool(true))
}
