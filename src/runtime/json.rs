//! JSON text to values: the parser behind `JSON Parse`.
//!
//! Objects keep their property order (a repeated name keeps its first place and
//! its last value), every number becomes a Real, and a string that is exactly a
//! date `"YYYY-MM-DD"` becomes a Date, as 4D does with its default "dates inside
//! objects" setting. Nesting is limited to [`MAX_DEPTH`] levels so that no input
//! can exhaust the stack. On request the parser also records where each
//! property name starts (line from 1, offset in UTF-16 units from the start of
//! its line), for `JSON Parse`'s `*` option.

use super::value::{Date, Props, Value};

/// The deepest nesting of objects and collections the parser, `JSON Stringify`
/// and the deep copies and comparisons of objects accept.
pub const MAX_DEPTH: usize = 512;

/// Where a property name starts in the JSON text: its path (`a.b[0].c`), its
/// line (from 1) and its offset in that line (from 0, in UTF-16 units).
#[derive(Clone, Debug, PartialEq)]
pub struct Symbol {
    pub path: String,
    pub line: usize,
    pub offset: usize,
}

/// A JSON syntax error: what was expected, and where (line and column from 1).
#[derive(Clone, Debug, PartialEq)]
pub struct ParseError {
    pub message: String,
    pub line: usize,
    pub column: usize,
}

/// Parses one JSON value (whitespace around it allowed, nothing else). With
/// `symbols`, the positions of all property names are collected too.
pub fn parse(text: &str, symbols: bool) -> Result<(Value, Vec<Symbol>), ParseError> {
    let mut parser = Parser { text, pos: 0, line: 1, line_start: 0, symbols: symbols.then(Vec::new), counted: (0, 0) };
    parser.skip_space();
    let value = parser.value(0, "")?;
    parser.skip_space();
    if parser.pos < text.len() {
        return Err(parser.error("unexpected text after the JSON value"));
    }
    Ok((value, parser.symbols.unwrap_or_default()))
}

/// A text that is exactly `YYYY-MM-DD` with a real calendar date (or
/// `0000-00-00`, the null date), as a Date.
pub fn iso_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u16> {
        let part = s.get(r)?;
        if !part.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        part.parse().ok()
    };
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    if (year, month, day) == (0, 0, 0) {
        return Some(Date::NULL);
    }
    let civil = jiff::civil::Date::new(i16::try_from(year).ok()?, i8::try_from(month).ok()?, i8::try_from(day).ok()?);
    civil.ok()?;
    Some(Date { year, month: u8::try_from(month).ok()?, day: u8::try_from(day).ok()? })
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
    line_start: usize,
    symbols: Option<Vec<Symbol>>,
    /// The last [`Parser::utf16_offset`]: a position and its offset in its
    /// line, from which the next is counted (so a long line is read once).
    counted: (usize, usize),
}

impl Parser<'_> {
    fn error(&self, message: &str) -> ParseError {
        let column = self.text.get(self.line_start..self.pos).map_or(0, |s| s.chars().count()) + 1;
        ParseError { message: message.to_string(), line: self.line, column }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn skip_space(&mut self) {
        while let Some(c) = self.peek() {
            match c {
                b' ' | b'\t' | b'\r' => self.pos += 1,
                b'\n' => {
                    self.pos += 1;
                    self.line += 1;
                    self.line_start = self.pos;
                }
                _ => break,
            }
        }
    }

    fn expect(&mut self, c: u8, what: &str) -> Result<(), ParseError> {
        if self.peek() == Some(c) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error(what))
        }
    }

    fn value(&mut self, depth: usize, path: &str) -> Result<Value, ParseError> {
        match self.peek() {
            Some(b'{') => self.object(depth + 1, path),
            Some(b'[') => self.array(depth + 1, path),
            Some(b'"') => {
                let s = self.string()?;
                Ok(match iso_date(&s).filter(|_| super::object_modes::json_dates()) {
                    Some(date) => Value::Date(date),
                    None => Value::text(s),
                })
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            Some(_) => Err(self.error("expected a JSON value")),
            None => Err(self.error("unexpected end of the JSON text")),
        }
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value, ParseError> {
        if self.text.get(self.pos..).is_some_and(|rest| rest.starts_with(word)) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a JSON value"))
        }
    }

    fn too_deep(&self, depth: usize) -> Result<(), ParseError> {
        if depth > MAX_DEPTH {
            return Err(self.error(&format!("objects and collections are nested more than {MAX_DEPTH} levels deep")));
        }
        Ok(())
    }

    fn object(&mut self, depth: usize, path: &str) -> Result<Value, ParseError> {
        self.too_deep(depth)?;
        self.pos += 1;
        let mut props: Props = Props::default();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::new_object(props));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a property name in double quotes"));
            }
            // Where names are, and their paths, only for `JSON Parse(...; *)`.
            let at = self.symbols.is_some().then(|| (self.line, self.utf16_offset()));
            let key = self.string()?;
            let key_path = match at {
                Some(_) if path.is_empty() => key.clone(),
                Some(_) => format!("{path}.{key}"),
                None => String::new(),
            };
            if let (Some(symbols), Some((line, offset))) = (&mut self.symbols, at) {
                symbols.push(Symbol { path: key_path.clone(), line, offset });
            }
            self.skip_space();
            self.expect(b':', "expected `:` after a property name")?;
            self.skip_space();
            let value = self.value(depth, &key_path)?;
            props.insert(crate::runtime::value::key(key.as_str()), value);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::new_object(props));
                }
                _ => return Err(self.error("expected `,` or `}` in an object")),
            }
        }
    }

    fn array(&mut self, depth: usize, path: &str) -> Result<Value, ParseError> {
        self.too_deep(depth)?;
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::new_collection(items));
        }
        loop {
            self.skip_space();
            let item_path = if self.symbols.is_some() { format!("{path}[{}]", items.len()) } else { String::new() };
            items.push(self.value(depth, &item_path)?);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::new_collection(items));
                }
                _ => return Err(self.error("expected `,` or `]` in an array")),
            }
        }
    }

    fn utf16_offset(&mut self) -> usize {
        let (from, offset) = match self.counted {
            (at, offset) if at >= self.line_start && at <= self.pos => (at, offset),
            _ => (self.line_start, 0),
        };
        let offset = offset + self.text.get(from..self.pos).map_or(0, |s| s.encode_utf16().count());
        self.counted = (self.pos, offset);
        offset
    }

    fn number(&mut self) -> Result<Value, ParseError> {
        let start = self.pos;
        let bytes = self.text.as_bytes();
        let digits = |pos: &mut usize| {
            let from = *pos;
            while bytes.get(*pos).is_some_and(u8::is_ascii_digit) {
                *pos += 1;
            }
            *pos > from
        };
        let mut pos = self.pos;
        if bytes.get(pos) == Some(&b'-') {
            pos += 1;
        }
        if bytes.get(pos) == Some(&b'0') {
            pos += 1;
        } else if !digits(&mut pos) {
            return Err(self.error("expected digits in a number"));
        }
        if bytes.get(pos) == Some(&b'.') {
            pos += 1;
            if !digits(&mut pos) {
                self.pos = pos;
                return Err(self.error("expected digits after the decimal point"));
            }
        }
        if matches!(bytes.get(pos), Some(b'e' | b'E')) {
            pos += 1;
            if matches!(bytes.get(pos), Some(b'+' | b'-')) {
                pos += 1;
            }
            if !digits(&mut pos) {
                self.pos = pos;
                return Err(self.error("expected digits in the exponent"));
            }
        }
        self.pos = pos;
        let n: f64 = self.text.get(start..pos).and_then(|s| s.parse().ok()).unwrap_or(0.0);
        Ok(Value::Real(n))
    }

    /// A string literal, the cursor on its opening quote.
    fn string(&mut self) -> Result<String, ParseError> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            let rest = self.text.get(self.pos..).unwrap_or("");
            let Some(c) = rest.chars().next() else {
                return Err(self.error("unterminated string"));
            };
            match c {
                '"' => {
                    self.pos += 1;
                    return Ok(out);
                }
                '\\' => {
                    self.pos += 1;
                    let escape = self.peek();
                    self.pos += 1;
                    match escape {
                        Some(b'"') => out.push('"'),
                        Some(b'\\') => out.push('\\'),
                        Some(b'/') => out.push('/'),
                        Some(b'b') => out.push('\u{8}'),
                        Some(b'f') => out.push('\u{c}'),
                        Some(b'n') => out.push('\n'),
                        Some(b'r') => out.push('\r'),
                        Some(b't') => out.push('\t'),
                        Some(b'u') => out.push(self.unicode_escape()?),
                        _ => {
                            self.pos -= 1;
                            return Err(self.error("invalid escape in a string"));
                        }
                    }
                }
                c if (c as u32) < 0x20 => return Err(self.error("control character in a string")),
                c => {
                    out.push(c);
                    self.pos += c.len_utf8();
                }
            }
        }
    }

    /// The character of a `\uXXXX` escape (the cursor after the `u`), joining a
    /// surrogate pair; a lone surrogate becomes U+FFFD.
    fn unicode_escape(&mut self) -> Result<char, ParseError> {
        let first = self.hex4()?;
        if (0xD800..0xDC00).contains(&first) && self.text.get(self.pos..).is_some_and(|rest| rest.starts_with("\\u")) {
            let save = self.pos;
            self.pos += 2;
            let second = self.hex4()?;
            if (0xDC00..0xE000).contains(&second) {
                let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                return Ok(char::from_u32(code).unwrap_or('\u{FFFD}'));
            }
            self.pos = save;
        }
        Ok(char::from_u32(first).unwrap_or('\u{FFFD}'))
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let digits = self.text.get(self.pos..self.pos + 4).filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()));
        let Some(digits) = digits else {
            return Err(self.error("expected four hexadecimal digits after \\u"));
        };
        self.pos += 4;
        u32::from_str_radix(digits, 16).map_err(|_| self.error("expected four hexadecimal digits after \\u"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Value {
        parse(text, false).map(|(v, _)| v).unwrap_or(Value::Undefined)
    }

    #[test]
    fn scalars() {
        assert!(matches!(ok(" 42.5 "), Value::Real(n) if n == 42.5));
        assert!(matches!(ok("-0"), Value::Real(n) if n == 0.0));
        assert!(matches!(ok("true"), Value::Bool(true)));
        assert!(matches!(ok("null"), Value::Null));
        assert!(matches!(ok("\"a\\u00e9\\ud83d\\ude00\""), Value::Text(t) if t.as_str() == "aé😀"));
        assert!(matches!(ok("\"2017-10-16\""), Value::Date(d) if d == Date { year: 2017, month: 10, day: 16 }));
        assert!(matches!(ok("\"2017-02-30\""), Value::Text(_)));
    }

    #[test]
    fn errors() {
        for bad in ["", "{", "[1,]", "01", "1.", "\"\\q\"", "tru", "{\"a\" 1}", "1 2", "\"\\ud800", "-"] {
            assert!(parse(bad, false).is_err(), "{bad}");
        }
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert!(parse(&deep, false).is_err());
        let fine = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&fine, false).is_ok());
    }

    #[test]
    fn symbols() {
        let text = "{\n  \"a\": 1,\n  \"b\": [ {\"c\": 2} ]\n}";
        let (_, symbols) = parse(text, true).unwrap_or((Value::Null, Vec::new()));
        let found: Vec<(String, usize, usize)> = symbols.into_iter().map(|s| (s.path, s.line, s.offset)).collect();
        assert_eq!(found, vec![("a".to_string(), 2, 2), ("b".to_string(), 3, 2), ("b[0].c".to_string(), 3, 10)]);
    }
}
