//! The documented signatures of the commands of the table (`signatures.tsv`):
//! their argument counts, whether they take a `*`, the arguments that must be
//! variables, and the syntax line the resolver quotes when a call has no
//! documented form. A unit test checks every row of [`table::COMMANDS`]
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
    pub signature: &'static str,
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
    let [name, min, max, values, counts_field, star, out, _source, signature] = fields[..] else { return None };
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
