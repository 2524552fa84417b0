//! 4D's constants: name, theme, token (theme and index, as saved in
//! `Name:K8:3`) and value, read once from the data file `constants.tsv`
//! beside this module (made from 4D's documentation, see its header and
//! DECISIONS.md). The token numbers are not the value (`Is text:K8:3` is 2).
//!
//! A row without a value is a constant 4D has and fourd cannot give a value
//! to: the resolver warns of it (see [`is_known`]).

use std::collections::HashMap;
use std::sync::LazyLock;

/// The data file: a header of `#` lines, a line of column names, then one
/// constant a line (name, theme, token, type, value, source; tab separated).
pub const DATA: &str = include_str!("constants.tsv");

/// A constant's value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ConstValue {
    Number(f64),
    Text(&'static str),
}

/// One constant.
#[derive(Debug)]
pub struct ConstantSpec {
    pub name: &'static str,
    /// The theme as 4D's documentation names it ("" when not known).
    pub theme: &'static str,
    /// `(theme, index)` of the token, when known from saved code.
    pub token: Option<(u32, u32)>,
    /// The type as the documentation gives it ("Longint", "Text"…; "" when not known).
    pub kind: &'static str,
    /// The value, when documented.
    pub value: Option<ConstValue>,
    /// Where the value comes from: "docs:<page>" or "fourd" ("" without a value).
    pub source: &'static str,
}

/// A line of [`DATA`] that is not a constant: the line number (1 for the
/// first) and what is wrong.
#[derive(Debug, PartialEq)]
pub struct BadLine(pub usize, pub String);

/// The value of a row: a number for every type but Text and String.
fn parse_value(name: &str, kind: &str, value: &'static str) -> Result<Option<ConstValue>, String> {
    if value.is_empty() && !matches!(kind, "Text" | "String") {
        return Ok(None);
    }
    if matches!(kind, "Text" | "String") {
        // The one value that depends on the platform.
        if name == "Folder separator" && cfg!(windows) {
            return Ok(Some(ConstValue::Text("\\")));
        }
        return Ok(Some(ConstValue::Text(value)));
    }
    let number = if let Some(hex) = value.strip_prefix("0x") {
        i64::from_str_radix(hex, 16).map(|n| n as f64).map_err(|e| e.to_string())?
    } else {
        value.parse::<f64>().map_err(|e| format!("`{value}` is not a number: {e}"))?
    };
    Ok(Some(ConstValue::Number(number)))
}

/// Every row of a data file in [`DATA`]'s format, or the lines that are wrong.
pub fn parse(data: &'static str) -> Result<Vec<ConstantSpec>, Vec<BadLine>> {
    let mut rows = Vec::new();
    let mut bad = Vec::new();
    for (number, line) in data.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') || line.starts_with("name\t") {
            continue;
        }
        let fields: Vec<&'static str> = line.split('\t').collect();
        let [name, theme, token, kind, value, source] = fields[..] else {
            bad.push(BadLine(number + 1, format!("{} fields, not 6", fields.len())));
            continue;
        };
        let token = if token.is_empty() {
            None
        } else {
            match token.split_once(':').map(|(t, i)| (t.parse::<u32>(), i.parse::<u32>())) {
                Some((Ok(t), Ok(i))) => Some((t, i)),
                _ => {
                    bad.push(BadLine(number + 1, format!("token `{token}` is not theme:index")));
                    continue;
                }
            }
        };
        match parse_value(name, kind, value) {
            Ok(value) => rows.push(ConstantSpec { name, theme, token, kind, value, source }),
            Err(message) => bad.push(BadLine(number + 1, format!("{name}: {message}"))),
        }
    }
    if bad.is_empty() { Ok(rows) } else { Err(bad) }
}

/// Every constant of [`DATA`]; a wrong line is left out (a unit test keeps
/// the file right).
pub static CONSTANTS: LazyLock<Vec<ConstantSpec>> = LazyLock::new(|| parse(DATA).unwrap_or_default());

/// An index into [`CONSTANTS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConstantId(pub u16);

impl ConstantId {
    pub fn spec(self) -> &'static ConstantSpec {
        &CONSTANTS[self.0 as usize]
    }

    /// The value of a constant found by [`by_token`] or [`by_name`] (they
    /// find only constants with a value).
    pub fn value(self) -> ConstValue {
        self.spec().value.unwrap_or(ConstValue::Number(0.0))
    }
}

struct Lookup {
    /// The constants with a value, by token and by normalised name.
    by_token: HashMap<(u32, u32), ConstantId>,
    by_name: HashMap<String, ConstantId>,
    /// Every constant, with or without a value, by normalised name.
    known: HashMap<String, ConstantId>,
}

static LOOKUP: LazyLock<Lookup> = LazyLock::new(|| {
    let mut lookup = Lookup { by_token: HashMap::new(), by_name: HashMap::new(), known: HashMap::new() };
    for (index, spec) in CONSTANTS.iter().enumerate() {
        let id = ConstantId(u16::try_from(index).unwrap_or(u16::MAX));
        let key = crate::names::normalize(spec.name);
        if spec.value.is_some() {
            if let Some(token) = spec.token {
                lookup.by_token.entry(token).or_insert(id);
            }
            lookup.by_name.entry(key.clone()).or_insert(id);
        }
        lookup.known.entry(key).or_insert(id);
    }
    lookup
});

/// The constant with a value saved as `Name:Ktheme:index`.
pub fn by_token(theme: u32, index: u32) -> Option<ConstantId> {
    LOOKUP.by_token.get(&(theme, index)).copied()
}

/// The constant with a value of this (normalised) name.
pub fn by_name(normalized: &str) -> Option<ConstantId> {
    LOOKUP.by_name.get(normalized).copied()
}

/// Whether `normalized` names a 4D constant, whether fourd gives it a value or not.
pub fn is_known(normalized: &str) -> bool {
    LOOKUP.known.contains_key(normalized)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_file_parses() {
        let rows = parse(DATA).map_err(|bad| format!("{bad:?}")).unwrap();
        assert!(rows.len() > 1000, "{} rows", rows.len());
        assert!(u16::try_from(rows.len()).is_ok());
    }

    #[test]
    fn names_and_tokens_are_unique() {
        let mut names = HashMap::new();
        let mut tokens = HashMap::new();
        for spec in CONSTANTS.iter() {
            let key = crate::names::normalize(spec.name);
            assert!(names.insert(key, spec.name).is_none(), "`{}` twice", spec.name);
            if let Some(token) = spec.token {
                assert!(tokens.insert(token, spec.name).is_none(), "token {token:?} twice ({})", spec.name);
            }
        }
    }

    #[test]
    fn a_valued_row_has_a_type_and_a_source() {
        for spec in CONSTANTS.iter().filter(|s| s.value.is_some()) {
            assert!(!spec.kind.is_empty() && !spec.source.is_empty(), "{}", spec.name);
        }
    }

    #[test]
    fn values_by_name_and_by_token() {
        let value = |name: &str| by_name(&crate::names::normalize(name)).map(ConstantId::value);
        assert_eq!(value("Is collection"), Some(ConstValue::Number(42.0)));
        assert_eq!(value("is   COLLECTION"), Some(ConstValue::Number(42.0)));
        assert_eq!(value("On Unload"), Some(ConstValue::Number(24.0)));
        assert_eq!(by_token(2, 2).map(ConstantId::value), Some(ConstValue::Number(24.0)));
        assert_eq!(value("HTTP GET method"), Some(ConstValue::Text("GET")));
        assert_eq!(value("Pi"), Some(ConstValue::Number(std::f64::consts::PI)));
    }

    #[test]
    fn a_wrong_line_is_told() {
        let data = "# header\nname\ttheme\ttoken\ttype\tvalue\tsource\nA\tT\t1\tLongint\t1\tfourd\nB\tT\t\tLongint\tx\tfourd\nC\tT\n";
        let bad = parse(data).err().unwrap_or_default();
        assert_eq!(bad.iter().map(|b| b.0).collect::<Vec<_>>(), [3, 4, 5]);
    }
}
