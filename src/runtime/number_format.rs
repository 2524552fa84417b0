//! Numbers through 4D's number display formats, as `String(number; format)`
//! applies them, and numbers in a radix (`String(number; base)`).
//!
//! A format has up to three sections, `positive;negative;zero`. In a section
//! the placeholders `#`, `0`, `^` and `*` stand for digits and differ only in
//! what they show where the number has no digit (nothing, `0`, a space, `*`);
//! `.` is the decimal point and `,` the thousands separator (en-US, the
//! system fourd assumes); any other character is shown as it is. A number with
//! more integer digits than the format has places shows as `<<<`. The special
//! formats are `&x` and `&$` (hexadecimal), `&xml` (the default form with a
//! `.`), `&N` (scientific notation with N significant digits) and `&/N` (the
//! number as a time of day in the time format N).

use super::date_format;
use super::error::{RuntimeError, codes};
use super::format::real;

/// `n` in the number display format `format`.
pub fn number(n: f64, format: &str) -> Result<String, RuntimeError> {
    if format.is_empty() {
        return Ok(real(n));
    }
    if let Some(name) = format.strip_prefix('|') {
        return Err(RuntimeError::new(
            codes::NOT_SUPPORTED,
            format!("the custom number style `|{name}` is not supported by fourd"),
        ));
    }
    if let Some(special) = format.strip_prefix('&') {
        if special.eq_ignore_ascii_case("xml") {
            return Ok(real(n));
        }
        if special.eq_ignore_ascii_case("x") {
            return Ok(hex(n, "0x", 4));
        }
        if special == "$" {
            return Ok(hex(n, "$", 2));
        }
        if let Some(time_format) = special.strip_prefix('/')
            && let Ok(code) = time_format.trim().parse::<i64>()
        {
            let seconds = if n.is_finite() { n.trunc().clamp(i64::MIN as f64, i64::MAX as f64) as i64 } else { 0 };
            return Ok(date_format::time_with_constant(seconds, code));
        }
        if !special.is_empty()
            && special.bytes().all(|b| b.is_ascii_digit())
            && let Ok(digits) = special.parse::<usize>()
        {
            return Ok(scientific(n, digits));
        }
    }
    if !n.is_finite() {
        return Ok(real(n));
    }
    let sections: Vec<&str> = format.splitn(3, ';').collect();
    Ok(if n < 0.0 && sections.len() >= 2 {
        section(sections[1], -n, false)
    } else if n == 0.0 && sections.len() == 3 {
        // The zero section is shown as it is written.
        sections[2].to_string()
    } else {
        section(sections[0], n.abs(), n < 0.0)
    })
}

/// A 32-bit pattern in hexadecimal, upper case, padded with zeros to `min`
/// digits, or to 4 or 8 when it needs more (`0x0080`, `$80`, `0xFFFFFFFF`).
fn hex(n: f64, prefix: &str, min: usize) -> String {
    let bits = if n.is_finite() { n.trunc() as i64 as u32 } else { 0 };
    let digits = format!("{bits:X}");
    let width = [min, 4, 8].into_iter().find(|w| *w >= digits.len()).unwrap_or(8).max(min);
    format!("{prefix}{digits:0>width$}")
}

/// Scientific notation with `digits` significant digits: `7.60e+2`, `0.0e+0`.
fn scientific(n: f64, digits: usize) -> String {
    if !n.is_finite() {
        return real(n);
    }
    let decimals = digits.clamp(1, 21) - 1;
    let text = format!("{n:.decimals$e}");
    match text.split_once('e') {
        Some((mantissa, exponent)) if exponent.starts_with('-') => format!("{mantissa}e{exponent}"),
        Some((mantissa, exponent)) => format!("{mantissa}e+{exponent}"),
        None => text,
    }
}

/// The digits of `value` (not negative) cut to `places` decimals (4D documents
/// that only the scientific format rounds), at 13 significant digits as 4D
/// computes: the integer digits without leading zeros (empty for zero) and
/// exactly `places` decimals.
fn truncated_digits(value: f64, places: usize) -> (Vec<u8>, Vec<u8>) {
    let sci = format!("{value:.12e}");
    let (mantissa, exponent) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exponent: i64 = exponent.parse().unwrap_or(0);
    let digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0').collect();
    let (mut int, mut frac): (Vec<u8>, Vec<u8>) = if value == 0.0 {
        (Vec::new(), Vec::new())
    } else if exponent >= 0 {
        let int_len = usize::try_from(exponent).unwrap_or(0) + 1;
        let mut int: Vec<u8> = digits.iter().copied().take(int_len).collect();
        int.resize(int_len, 0);
        (int, digits.iter().copied().skip(int_len).collect())
    } else {
        let zeros = usize::try_from(-exponent - 1).unwrap_or(0);
        let mut frac = vec![0; zeros];
        frac.extend(&digits);
        (Vec::new(), frac)
    };
    frac.resize(places, 0);
    let leading = int.iter().take_while(|d| **d == 0).count();
    int.drain(..leading);
    (int, frac)
}

fn is_placeholder(c: char) -> bool {
    matches!(c, '#' | '0' | '^' | '*')
}

/// What a placeholder shows where the number has no digit.
fn fill(placeholder: char) -> &'static str {
    match placeholder {
        '0' => "0",
        '^' => " ",
        '*' => "*",
        _ => "",
    }
}

/// One section of a format applied to `value` (not negative); `minus` puts a
/// minus sign in the place left of the digits (one-section formats).
fn section(format: &str, value: f64, minus: bool) -> String {
    let chars: Vec<char> = format.chars().collect();
    let (Some(first), Some(last)) =
        (chars.iter().position(|c| is_placeholder(*c)), chars.iter().rposition(|c| is_placeholder(*c)))
    else {
        return format.to_string();
    };
    let prefix: String = chars[..first].iter().collect();
    let suffix: String = chars[last + 1..].iter().collect();
    let region = &chars[first..=last];
    let point = region.iter().position(|c| *c == '.');
    let (int_part, frac_part) = match point {
        Some(p) => (&region[..p], &region[p + 1..]),
        None => (region, &region[region.len()..]),
    };
    let places = frac_part.iter().filter(|c| is_placeholder(**c)).count();
    let (int_digits, frac_digits) = truncated_digits(value, places);
    let minus = minus && (!int_digits.is_empty() || frac_digits.iter().any(|d| *d != 0));

    // The integer part: the digits fill the last places, the others show their fill.
    let slots = int_part.iter().filter(|c| is_placeholder(**c)).count();
    if int_digits.len() + usize::from(minus) > slots {
        return "<".repeat(region.len());
    }
    let first_digit = slots - int_digits.len();
    let mut outputs: Vec<String> = Vec::with_capacity(slots);
    let mut significant = Vec::with_capacity(slots);
    for (i, c) in int_part.iter().filter(|c| is_placeholder(**c)).enumerate() {
        if i >= first_digit {
            outputs.push(char::from(b'0' + int_digits[i - first_digit]).to_string());
            significant.push(true);
        } else {
            outputs.push(fill(*c).to_string());
            significant.push(*c == '0');
        }
    }
    if minus {
        match significant.iter().position(|s| *s) {
            Some(0) => outputs[0] = String::from("-"),
            Some(f) => outputs[f - 1] = String::from("-"),
            None if slots > 0 => outputs[slots - 1] = String::from("-"),
            None => {}
        }
    }
    let mut int_text = String::new();
    if minus && slots == 0 {
        int_text.push('-');
    }
    let mut slot = 0;
    let mut shown = false;
    let mut last_fill = "";
    for c in int_part {
        if is_placeholder(*c) {
            shown |= significant[slot];
            last_fill = fill(*c);
            int_text.push_str(&outputs[slot]);
            slot += 1;
        } else if shown {
            int_text.push(*c);
        } else {
            int_text.push_str(last_fill);
        }
    }

    // The decimals: the significant ones, then the fills of the remaining places.
    let significant_decimals = frac_digits.iter().rposition(|d| *d != 0).map_or(0, |p| p + 1);
    let mut frac_outputs: Vec<String> = Vec::with_capacity(frac_part.len());
    let mut place = 0;
    for c in frac_part {
        if is_placeholder(*c) {
            frac_outputs.push(if place < significant_decimals {
                char::from(b'0' + frac_digits[place]).to_string()
            } else {
                fill(*c).to_string()
            });
            place += 1;
        } else {
            frac_outputs.push(c.to_string());
        }
    }
    // A character between places shows only when something follows it.
    let mut frac_text = String::new();
    for (i, c) in frac_part.iter().enumerate() {
        if is_placeholder(*c)
            || frac_part[i + 1..].iter().zip(&frac_outputs[i + 1..]).any(|(p, o)| is_placeholder(*p) && !o.is_empty())
        {
            frac_text.push_str(&frac_outputs[i]);
        }
    }
    let mut out = prefix;
    out.push_str(&int_text);
    if !frac_text.is_empty() {
        out.push('.');
        out.push_str(&frac_text);
    }
    out.push_str(&suffix);
    out
}

/// `n` in `radix` (2 to 36), as ECMAScript's `Number.prototype.toString(radix)`
/// writes it: lowercase digits, a `-` for negative numbers, the fraction to the
/// precision of the double; `NaN` for anything not finite.
pub fn radix(n: f64, radix: u32) -> String {
    if !n.is_finite() {
        return String::from("NaN");
    }
    if radix == 10 {
        return ecmascript_decimal(n);
    }
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let base = f64::from(radix);
    let negative = n < 0.0;
    let value = n.abs();
    let mut integer = value.floor();
    let mut fraction = value - integer;
    // Only as many fraction digits as the double can tell apart.
    let mut delta = (0.5 * (next_up(value) - value)).max(next_up(0.0));
    let mut frac_digits: Vec<u32> = Vec::new();
    if fraction >= delta {
        loop {
            fraction *= base;
            delta *= base;
            let digit = fraction.floor().clamp(0.0, base - 1.0) as u32;
            frac_digits.push(digit);
            fraction -= f64::from(digit);
            if (fraction > 0.5 || (fraction == 0.5 && digit & 1 == 1)) && fraction + delta > 1.0 {
                // Round up, carrying into the digits already written.
                loop {
                    match frac_digits.pop() {
                        None => {
                            integer += 1.0;
                            break;
                        }
                        Some(d) if d + 1 < radix => {
                            frac_digits.push(d + 1);
                            break;
                        }
                        Some(_) => {}
                    }
                }
                break;
            }
            if fraction < delta {
                break;
            }
        }
    }
    // The integer digits; digits below the double's precision are zeros.
    let mut int_digits: Vec<u8> = Vec::new();
    while integer / base >= 9_007_199_254_740_992.0 {
        integer /= base;
        int_digits.push(b'0');
    }
    loop {
        let remainder = integer % base;
        int_digits.push(DIGITS[remainder as usize % 36]);
        integer = (integer - remainder) / base;
        if integer <= 0.0 {
            break;
        }
    }
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.extend(int_digits.iter().rev().map(|b| char::from(*b)));
    if !frac_digits.is_empty() {
        out.push('.');
        out.extend(frac_digits.iter().map(|d| char::from(DIGITS[*d as usize % 36])));
    }
    out
}

/// The next larger double (for finite, non-negative values).
fn next_up(x: f64) -> f64 {
    if x == 0.0 { f64::from_bits(1) } else { f64::from_bits(x.to_bits() + 1) }
}

/// ECMAScript's `Number.prototype.toString()`: the shortest digits that read
/// back as the same double, with an exponent from 1e21 up and below 1e-6.
fn ecmascript_decimal(n: f64) -> String {
    if n == 0.0 {
        return String::from("0");
    }
    let sci = format!("{:e}", n.abs());
    let (mantissa, exponent) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exponent: i64 = exponent.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let k = digits.len() as i64;
    let point = exponent + 1;
    let mut out = String::from(if n < 0.0 { "-" } else { "" });
    if (k..=21).contains(&point) {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', (point - k) as usize));
    } else if 0 < point && point <= 21 {
        out.push_str(&digits[..point as usize]);
        out.push('.');
        out.push_str(&digits[point as usize..]);
    } else if -6 < point && point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-point) as usize));
        out.push_str(&digits);
    } else {
        out.push_str(&digits[..1]);
        if k > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if point - 1 < 0 { '-' } else { '+' });
        out.push_str(&(point - 1).abs().to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(n: f64, format: &str) -> String {
        number(n, format).unwrap_or_else(|e| e.message().to_string())
    }

    #[test]
    fn documented_examples() {
        assert_eq!(f(32768.0, "###,##0 Inhabitants"), "32,768 Inhabitants");
        assert_eq!(f(1.0 / 3.0, "##0.00000"), "0.33333");
        assert_eq!(f(std::f64::consts::PI, "##0.00"), "3.14");
        assert_eq!(f(-1.0, "&x"), "0xFFFFFFFF");
        assert_eq!(f(-1.0, "&$"), "$FFFFFFFF");
        assert_eq!(f(128.0, "&x"), "0x0080");
        assert_eq!(f(128.0, "&$"), "$80");
        assert_eq!(f(16384.0, "&x"), "0x4000");
        assert_eq!(f(16384.0, "&$"), "$4000");
        assert_eq!(f(50.3, "&xml"), "50.3");
        assert_eq!(f(1.0, "True;;False"), "True");
        assert_eq!(f(0.0, "True;;False"), "False");
        assert_eq!(f(759.62, "&3"), "7.60e+2");
        assert_eq!(f(25000.0, "&/5"), "6:56 AM");
    }

    #[test]
    fn the_table_of_examples() {
        let rows: &[(&str, &str, &str, &str)] = &[
            ("###", "<<<", "<<<", ""),
            ("####", "1234", "<<<<", ""),
            ("#######", "1234", "-1234", ""),
            ("#####.##", "1234.5", "-1234.5", ""),
            ("####0.00", "1234.50", "-1234.50", "0.00"),
            ("#####0", "1234", "-1234", "0"),
            ("+#####0;-#####0;0", "+1234", "-1234", "0"),
            ("#####0DB;#####0CR;0", "1234DB", "1234CR", "0"),
            ("#####0;(#####0)", "1234", "(1234)", "0"),
            ("###,##0", "1,234", "-1,234", "0"),
            ("##,##0.00", "1,234.50", "-1,234.50", "0.00"),
            ("^^^^^^^", "   1234", "  -1234", "       "),
            ("^^^^^^0", "   1234", "  -1234", "      0"),
            ("^^^,^^0", "  1,234", " -1,234", "      0"),
            ("*******", "***1234", "**-1234", "*******"),
            ("******0", "***1234", "**-1234", "******0"),
            ("***,**0", "**1,234", "*-1,234", "******0"),
            ("**,**0.00", "*1,234.50", "-1,234.50", "*****0.00"),
            ("$*,**0.00;-$*,**0.00", "$1,234.50", "-$1,234.50", "$****0.00"),
            ("$^^^^0", "$ 1234", "$-1234", "$    0"),
            ("$^^^0;-$^^^0", "$1234", "-$1234", "$   0"),
            ("&2", "1.2e+3", "-1.2e+3", "0.0e+0"),
            ("&xml", "1234.5", "-1234.5", "0"),
        ];
        for (format, positive, negative, zero) in rows {
            assert_eq!(f(1234.5, format), *positive, "{format} positive");
            assert_eq!(f(-1234.5, format), *negative, "{format} negative");
            assert_eq!(f(0.0, format), *zero, "{format} zero");
        }
    }

    #[test]
    fn rounding_and_padding() {
        assert_eq!(f(2.675, "0.00"), "2.67");
        assert_eq!(f(9.999, "0.00"), "9.99");
        assert_eq!(f(10.5, "0.00"), "<<<<");
        assert_eq!(f(0.1 + 0.2, "0.000"), "0.300");
        assert_eq!(f(7.0, "0000"), "0007");
        assert_eq!(f(-7.0, "0000"), "-007");
        assert_eq!(f(-0.001, "##0.00"), "0.00");
        assert_eq!(f(0.5, "#.##"), ".5");
        assert_eq!(f(1234567.891, "###,###,##0.00"), "1,234,567.89");
        assert_eq!(f(1e300, "###"), "<<<");
        assert_eq!(f(f64::NAN, "###"), "");
        assert_eq!(f(f64::INFINITY, "&x"), "0x0000");
        assert_eq!(f(5.0, "abc"), "abc");
        assert_eq!(f(5.0, ""), "5");
    }

    #[test]
    fn radixes_follow_ecmascript() {
        assert_eq!(radix(10.0, 2), "1010");
        assert_eq!(radix(-10.0, 2), "-1010");
        assert_eq!(radix(254.0, 16), "fe");
        assert_eq!(radix(-16523461.0, 16), "-fc20c5");
        assert_eq!(radix(f64::NAN, 10), "NaN");
        assert_eq!(radix(f64::INFINITY, 10), "NaN");
        assert_eq!(radix(0.5, 2), "0.1");
        assert_eq!(radix(255.5, 16), "ff.8");
        assert_eq!(radix(0.1 + 0.2, 10), "0.30000000000000004");
        assert_eq!(radix(1e21, 10), "1e+21");
        assert_eq!(radix(123.0, 10), "123");
        assert!(radix(1e300, 36).len() > 100);
        assert_eq!(radix(0.0, 7), "0");
    }
}
