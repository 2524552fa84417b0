//! The wording of syntax errors: what a line that pest could not parse is
//! reported as, in words a 4D developer understands.

use pest::Parser;
use pest::error::{ErrorVariant, InputLocation};

use super::super::lines::LogicalLine;
use super::super::parser::{FourdParser, Rule};
use crate::diag::{Diagnostic, SourceId, Span};

/// Serialises the re-parses that collect pest's token-level detail.
static DETAIL: parking_lot::Mutex<()> = parking_lot::Mutex::new(());

/// Parses a line that failed once more, with pest's token-level detail on, so
/// that the message can name the `)` or `;` that was expected. The switch is
/// global to pest; it only changes what a failure reports, and every failure
/// is reported from inside this lock, so messages do not depend on timing.
pub(super) fn detailed_error(text: &str) -> Option<pest::error::Error<Rule>> {
    let _guard = DETAIL.lock();
    pest::set_error_detail(true);
    let result = FourdParser::parse(Rule::line, text);
    pest::set_error_detail(false);
    result.err()
}

/// Turns pest's failure into words a 4D developer understands.
pub(super) fn syntax_error(source: SourceId, line: &LogicalLine<'_>, error: &pest::error::Error<Rule>) -> Diagnostic {
    let pos = match error.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let rest = &line.text[pos.min(line.text.len())..];
    if matches!(&error.variant, ErrorVariant::CustomError { .. }) {
        return Diagnostic::error(
            "syntax",
            "this statement is too complex to parse",
            Span::new(source, line.start, line.start),
        )
        .with_help("split the expression over several statements");
    }
    let found = found_token(rest);
    let mut expected: Vec<&'static str> = Vec::new();
    if let ErrorVariant::ParsingError { positives, .. } = &error.variant {
        for rule in positives {
            if let Some(word) = rule_words(*rule) {
                expected.push(word);
            }
        }
    }
    if let Some(attempts) = error.parse_attempts() {
        for token in attempts.expected_tokens() {
            let text = token.to_string();
            let word = match text.trim_matches('"') {
                ")" => "`)`",
                "]" => "`]`",
                "}" => "`}`",
                "]]" => "`]]`",
                ";" => "`;`",
                "(" => "`(`",
                _ => continue,
            };
            expected.push(word);
        }
    }
    expected.sort_by_key(|w| WORD_ORDER.iter().position(|o| o == w).unwrap_or(usize::MAX));
    expected.dedup();
    let start = line.start + pos;
    let len = if found.is_empty() { 0 } else { found.len() };
    let span = Span::new(source, start, start + len);
    let message = if found.is_empty() {
        String::from("unexpected end of the statement")
    } else {
        format!("unexpected `{found}`")
    };
    let label = if expected.is_empty() {
        String::from("not valid 4D here")
    } else {
        format!("expected {}", join_or(&expected))
    };
    let mut diag = Diagnostic::error("syntax", message, span).with_label(label);
    if let Some(help) = keyword_help(line.text) {
        diag = diag.with_help(help);
    }
    diag
}

/// The order in which expected things are listed.
const WORD_ORDER: &[&str] = &[
    "an expression",
    "an operator",
    "`:=`",
    "`(`",
    "`)`",
    "`]`",
    "`]]`",
    "`}`",
    "`;`",
    "`:`",
    "a name",
    "a variable",
    "a type",
    "a property name",
    "the end of the statement",
];

fn rule_words(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::expr
        | Rule::chain
        | Rule::operand
        | Rule::postfix_expr
        | Rule::prefix_op
        | Rule::text_lit
        | Rule::date_lit
        | Rule::time_lit
        | Rule::hex_lit
        | Rule::number_lit
        | Rule::object_lit
        | Rule::collection_lit
        | Rule::table_ref
        | Rule::field_ref
        | Rule::paren
        | Rule::param_indirect
        | Rule::local
        | Rule::interprocess
        | Rule::plain_name
        | Rule::tok_name
        | Rule::arg
        | Rule::marker
        | Rule::conj => "an expression",
        Rule::binop | Rule::ternary_q | Rule::assign_op => "an operator",
        Rule::var_name => "a variable",
        Rule::type_ref | Rule::type_colon => "a type",
        Rule::member_name | Rule::prop | Rule::prop_key => "a property name",
        Rule::EOI => "the end of the statement",
        Rule::args | Rule::call => "`(`",
        _ => return None,
    })
}

fn join_or(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// The word or symbol at the start of `rest`, for "unexpected `...`".
fn found_token(rest: &str) -> &str {
    let rest = rest.trim_end();
    let mut chars = rest.char_indices();
    let Some((_, first)) = chars.next() else { return "" };
    if first.is_alphanumeric() || first == '_' || first == '$' {
        let end = rest
            .char_indices()
            .skip(1)
            .find(|(_, c)| !(c.is_alphanumeric() || *c == '_'))
            .map_or(rest.len(), |(i, _)| i);
        &rest[..end]
    } else {
        &rest[..first.len_utf8()]
    }
}

/// A hint for the statement a broken line starts with.
fn keyword_help(text: &str) -> Option<&'static str> {
    let words: Vec<String> = text.split_whitespace().take(2).map(str::to_lowercase).collect();
    let first = words.first().map(String::as_str).unwrap_or("");
    Some(match first.split('(').next().unwrap_or("") {
        "for" if words.get(1).is_some_and(|w| w.starts_with("each")) => {
            "`For each` is written `For each ($item; $collection {; begin {; end}})`"
        }
        "for" => "`For` is written `For ($counter; start; end {; step})`",
        "var" => "`var` is written `var $name {; $other} : Type {:= value}`",
        "#declare" => "`#DECLARE` is written `#DECLARE($param : Type; ...) -> $result : Type`",
        "function" => "`Function` is written `Function name($param : Type) -> $result : Type`",
        "property" => "`property` is written `property name {; other} : Type`",
        _ => return None,
    })
}

/// What is missing when a keyword stands alone where it needs more, such as
/// `If` with no condition (which the grammar would otherwise read as a name).
pub(super) fn incomplete_keyword(text: &str) -> Option<&'static str> {
    Some(match super::super::names::normalize(text).as_str() {
        "if" | "while" | "until" => "a condition is expected after it",
        "use" => "a shared object or collection is expected after it",
        "for" => "expected `($counter; start; end)` after it",
        "for each" => "expected `($item; $collection)` after it",
        "var" => "expected a variable name after it",
        "property" => "expected a property name after it",
        "function" => "expected a function name after it",
        "class extends" => "expected a class name after it",
        _ => return None,
    })
}
