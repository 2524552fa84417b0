//! The documented signatures of the commands of the table (`signatures.tsv`):
//! their argument counts, whether they take a `*`, the arguments that must be
//! variables, the types of the parameters and of the result, whether the
//! command is thread safe, and the syntax line the resolver quotes when a call
//! has no documented form. A unit test checks every row of [`table::COMMANDS`]
//! against it, so a row that contradicts the documentation fails.
//!
//! [`table::COMMANDS`]: super::table::COMMANDS

use std::collections::HashMap;
use std::sync::LazyLock;

/// How a command takes a `*`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Star {
    /// Never.
    No,
    /// After its arguments (`Position(...; *)`).
    Extra,
    /// In place of an argument (`TEXT TO BLOB(...; offset | *)`).
    Alt,
}

/// A number of arguments some form takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Count {
    /// Exactly this many.
    Exactly(u8),
    /// This many, or this many and any number of pairs (`3+2n`).
    Pairs(u8),
}

/// One documented command.
#[derive(Debug)]
pub struct Signature {
    pub name: &'static str,
    pub min: u8,
    /// The most arguments counting a `*`; `None` when variadic.
    pub max: Option<u8>,
    /// The most arguments not counting a `*`; `None` when variadic.
    pub values: Option<u8>,
    /// The numbers of arguments (not counting a `*`) the forms take, when
    /// some number from `min` to `values` is none of them; empty otherwise.
    pub counts: Vec<Count>,
    pub star: Star,
    /// The 1-based positions of the arguments that receive a value.
    pub out: Vec<u8>,
    /// The types of the parameters of the first documented form, in order
    /// (`Text`, `Integer`, `Text|Blob`...); `None` when the page was not read.
    pub parameter_types: Option<Vec<&'static str>>,
    /// The type of the function result; `None` for none or when not known.
    pub result_type: Option<&'static str>,
    /// Whether the docs call the command thread safe; `None` when they do not say.
    pub thread_safe: Option<bool>,
    pub signature: &'static str,
}

/// The types the `types` column may name (the docs' older `String` and
/// `Longint` are written `Text` and `Integer`).
pub const TYPE_NAMES: &[&str] = &[
    "Text",
    "Integer",
    "Real",
    "Number",
    "Boolean",
    "Date",
    "Time",
    "Object",
    "Collection",
    "Pointer",
    "Array",
    "Picture",
    "Blob",
    "Variable",
    "Field",
    "Table",
    "Operator",
    "Expression",
    "Any",
    "Null",
    "4D.File",
    "4D.Folder",
    "4D.Function",
    "4D.Session",
    "4D.Signal",
];

/// The `types` column: `?` (unknown), `-` (no parameter, no result), or
/// `T1;T2...` followed by `->R` when there is a result.
#[allow(clippy::type_complexity)]
fn types(field: &'static str) -> Option<(Option<Vec<&'static str>>, Option<&'static str>)> {
    match field {
        "?" => return Some((None, None)),
        "-" => return Some((Some(Vec::new()), None)),
        _ => {}
    }
    let (parameters, result) = match field.split_once("->") {
        Some((parameters, result)) => (parameters, Some(result)),
        None => (field, None),
    };
    let well_formed = |t: &str| !t.is_empty() && t.split('|').all(|name| TYPE_NAMES.contains(&name));
    if result.is_some_and(|r| !well_formed(r)) {
        return None;
    }
    let parameters: Vec<&'static str> =
        if parameters.is_empty() { Vec::new() } else { parameters.split(';').collect() };
    if !parameters.iter().all(|t| well_formed(t)) || (parameters.is_empty() && result.is_none()) {
        return None;
    }
    Some((Some(parameters), result))
}

const DATA: &str = include_str!("signatures.tsv");

/// The rows of `signatures.tsv`, by normalised name. A malformed line is
/// skipped here and reported by the unit test.
static SIGNATURES: LazyLock<HashMap<String, Signature>> = LazyLock::new(|| {
    DATA.lines().filter_map(parse).map(|signature| (crate::names::normalize(signature.name), signature)).collect()
});

/// The documented signature of a command.
pub fn by_name(name: &str) -> Option<&'static Signature> {
    SIGNATURES.get(&crate::names::normalize(name))
}

/// The signatures of the table's rows, by row.
static BY_ROW: LazyLock<Vec<Option<&'static Signature>>> =
    LazyLock::new(|| super::table::COMMANDS.iter().map(|spec| by_name(spec.name)).collect());

/// The documented signature of a row of the table.
pub fn of(id: super::CommandId) -> Option<&'static Signature> {
    BY_ROW.get(usize::from(id.0)).copied().flatten()
}

impl Signature {
    /// Whether some form takes `count` arguments besides a `*` (the bounds
    /// `min` and `values` apart, which the resolver checks first).
    pub fn allows(&self, count: usize) -> bool {
        self.counts.is_empty()
            || self.counts.iter().any(|c| match *c {
                Count::Exactly(n) => count == usize::from(n),
                Count::Pairs(n) => count >= usize::from(n) && (count - usize::from(n)).is_multiple_of(2),
            })
    }
}

/// The `counts` column: `-`, or items separated by commas, each `N` or `N+2n`.
fn counts(field: &str) -> Option<Vec<Count>> {
    if field == "-" {
        return Some(Vec::new());
    }
    field
        .split(',')
        .map(|item| match item.strip_suffix("+2n") {
            Some(n) => n.parse().ok().map(Count::Pairs),
            None => item.parse().ok().map(Count::Exactly),
        })
        .collect()
}

/// A count: a number, or `n` for any number.
fn count(field: &str) -> Option<Option<u8>> {
    if field == "n" { Some(None) } else { field.parse().ok().map(Some) }
}

/// One line of the file; `None` for a comment or a malformed line.
fn parse(line: &'static str) -> Option<Signature> {
    if line.starts_with('#') || line.trim().is_empty() {
        return None;
    }
    let fields: Vec<&'static str> = line.split('\t').collect();
    let [name, min, max, values, counts_field, star, out, _source, types_field, thread_safe, signature] = fields[..]
    else {
        return None;
    };
    let (parameter_types, result_type) = types(types_field)?;
    let thread_safe = match thread_safe {
        "yes" => Some(true),
        "no" => Some(false),
        "?" => None,
        _ => return None,
    };
    let star = match star {
        "no" => Star::No,
        "extra" => Star::Extra,
        "alt" => Star::Alt,
        _ => return None,
    };
    let out = if out == "-" { Vec::new() } else { out.split(',').map(|p| p.parse().ok()).collect::<Option<_>>()? };
    Some(Signature {
        name,
        min: min.parse().ok()?,
        max: count(max)?,
        values: count(values)?,
        counts: counts(counts_field)?,
        star,
        out,
        parameter_types,
        result_type,
        thread_safe,
        signature,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::table::COMMANDS;

    #[test]
    fn counts_say_which_numbers_of_arguments_a_form_takes() {
        let regex = by_name("Match regex").expect("Match regex is documented");
        assert!(regex.allows(2) && regex.allows(3) && regex.allows(5) && !regex.allows(4));
        let ob_set = by_name("OB SET").expect("OB SET is documented");
        assert!(ob_set.allows(3) && ob_set.allows(7) && !ob_set.allows(4));
        assert!(by_name("Position").expect("Position is documented").allows(4));
    }

    #[test]
    fn every_line_parses() {
        for line in DATA.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            assert!(parse(line).is_some(), "malformed line in signatures.tsv: {line}");
        }
    }

    #[test]
    fn every_line_has_its_types_and_thread_safety() {
        for line in DATA.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 11, "signatures.tsv: not 11 columns: {line}");
            assert!(types(fields[8]).is_some(), "signatures.tsv: malformed types {:?}: {line}", fields[8]);
            assert!(["yes", "no", "?"].contains(&fields[9]), "signatures.tsv: thread_safe {:?}: {line}", fields[9]);
        }
        assert_eq!(types("Text;Text->Integer"), Some((Some(vec!["Text", "Text"]), Some("Integer"))));
        assert_eq!(types("->Date"), Some((Some(vec![]), Some("Date"))));
        assert_eq!(types("-"), Some((Some(vec![]), None)));
        assert_eq!(types("?"), Some((None, None)));
        assert_eq!(types("Text|Blob"), Some((Some(vec!["Text|Blob"]), None)));
        for bad in ["", "Text;", "Txt", "Text->", "->", "Text;;Text"] {
            assert_eq!(types(bad), None, "{bad:?} should be malformed");
        }
    }

    #[test]
    fn a_documented_row_gives_its_types_and_thread_safety() {
        let documented: Vec<&Signature> = SIGNATURES.values().filter(|s| s.parameter_types.is_some()).collect();
        for s in &documented {
            let count = s.parameter_types.as_ref().map_or(0, Vec::len);
            assert!(
                s.max.is_none_or(|max| count <= usize::from(max)),
                "{}: {count} parameter types for at most {:?} arguments",
                s.name,
                s.max
            );
        }
    }

    #[test]
    fn the_docs_facts_of_a_few_rows() {
        let position = by_name("Position").expect("Position is documented");
        assert_eq!(position.parameter_types.as_deref(), Some(&["Text", "Text", "Integer", "Integer", "Operator"][..]));
        assert_eq!(position.result_type, Some("Integer"));
        assert_eq!(by_name("OPEN URL").and_then(|s| s.thread_safe), Some(true));
        assert_eq!(by_name("Session storage").and_then(|s| s.thread_safe), Some(false));
        assert_eq!(by_name("TRACE").and_then(|s| s.parameter_types.clone()), Some(vec![]));
    }

    #[test]
    fn the_file_has_one_line_per_row() {
        assert_eq!(SIGNATURES.len(), COMMANDS.len(), "signatures.tsv and the command table differ in length");
    }

    #[test]
    fn every_row_agrees_with_its_documented_forms() {
        let mut wrong = Vec::new();
        for spec in COMMANDS {
            let Some(doc) = by_name(spec.name) else {
                wrong.push(format!("{}: not in signatures.tsv", spec.name));
                continue;
            };
            let max = if spec.max_args == u8::MAX { None } else { Some(spec.max_args) };
            if spec.min_args != doc.min || max != doc.values {
                wrong.push(format!(
                    "{}: the row takes ({}, {:?}) arguments, the docs ({}, {:?})",
                    spec.name, spec.min_args, max, doc.min, doc.values
                ));
            }
            if spec.star != (doc.star != Star::No) {
                wrong.push(format!(
                    "{}: the row's `*` ({}) differs from the docs' ({:?})",
                    spec.name, spec.star, doc.star
                ));
            }
            let star_counts = u8::from(doc.star == Star::Extra);
            if let (Some(max), Some(values)) = (doc.max, doc.values)
                && max != values + star_counts
                && !(doc.star == Star::Extra && max == values)
            {
                wrong.push(format!("{}: max {max} and values {values} do not fit its `*`", spec.name));
            }
            for c in &doc.counts {
                let (Count::Exactly(n) | Count::Pairs(n)) = *c;
                if n < doc.min || doc.values.is_some_and(|values| n > values) {
                    wrong.push(format!("{}: {n} arguments is outside its documented bounds", spec.name));
                }
            }
            for &position in &doc.out {
                let i = usize::from(position) - 1;
                if !spec.by_ref(i) && !spec.by_place(i) {
                    wrong.push(format!("{}: argument {position} receives a value but is not by reference", spec.name));
                }
            }
        }
        assert!(wrong.is_empty(), "the command table contradicts signatures.tsv:\n{}", wrong.join("\n"));
    }
}
