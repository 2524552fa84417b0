//! `.query()` and `.indices()`: the elements (or their indexes) of a
//! collection of objects that match a query string such as
//! `"name = :1 and (age >= 18 or parent.name = 'Ann')"`.
//!
//! A condition is `path comparator value`. Paths are dotted (`a.b`), `[]`
//! after a name walks every element of a collection (`kids[].age`: one
//! matching element is enough), or a placeholder naming the path. Comparators:
//! `=` `==` (texts ignore case and accents, `@` is a wildcard), `===` `IS`
//! (no wildcard), `#` `!=` (not `=`), `!==` `IS NOT` (not `===`), `<` `>`
//! `<=` `>=`, `IN` (equal to one value of a collection or of a `[a, b]`
//! list). Values are quoted texts (`'x'`), numbers, `true`, `false`, `null`
//! (matches null and missing properties), bare words (texts), or
//! placeholders: `:1`, `:2`... for the values after the query string, and
//! `:name` for the `parameters` (values) and `attributes` (paths) of a
//! final querySettings object. Conditions combine with `and` `&` `&&`,
//! `or` `|` `||` (`and` binds tighter), `not` and parentheses; keywords
//! ignore case.
//!
//! Choices where 4D's documentation is silent: elements that are not objects
//! never match; a text compares only with a text, except that a date
//! property compares with a `"YYYY-MM-DD"` text; a condition on a Null
//! placeholder is never true, even with `#` (the documentation says to
//! write `null` in the query instead);
//! an object or collection given through an indexed placeholder is an error
//! unless the comparator is `IN` (references are compared only through the
//! querySettings `parameters`).

use std::cmp::Ordering;

use super::Args;
use crate::runtime::compare;
use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::text;
use crate::runtime::value::{CollectionRef, Date, ObjectRef, Value};

/// How deep parentheses and `not` may nest in a query string.
const MAX_DEPTH: usize = 200;

#[derive(Clone, Copy, PartialEq, Debug)]
enum Op {
    /// `=`, `==`: with wildcard.
    Eq,
    /// `===`, `IS`: without wildcard.
    Is,
    /// `#`, `!=`.
    Ne,
    /// `!==`, `IS NOT`.
    IsNot,
    Lt,
    Gt,
    Le,
    Ge,
    In,
}

/// The value side of a condition.
enum Operand {
    Value(Value),
    /// The `null` keyword: null or missing.
    Null,
    /// A Null given through a placeholder: matches nothing.
    Nothing,
    /// `[a, b, c]` for `IN`.
    List(Vec<Value>),
}

/// One step of a property path; `each` when written `name[]`.
struct Step {
    name: String,
    each: bool,
}

enum Node {
    And(Box<Node>, Box<Node>),
    Or(Box<Node>, Box<Node>),
    Not(Box<Node>),
    Condition { path: Vec<Step>, op: Op, operand: Operand },
}

/// The values given with a query: indexed ones and the querySettings object.
struct Placeholders<'a> {
    indexed: &'a [Value],
    settings: Option<ObjectRef>,
}

impl Placeholders<'_> {
    fn named(&self, group: &str, name: &str) -> Option<Value> {
        let settings = self.settings.as_ref()?.borrow();
        match settings.props.get(group)? {
            Value::Object(o) => o.borrow().props.get(name).cloned(),
            _ => None,
        }
    }
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
    values: &'a Placeholders<'a>,
    depth: usize,
}

fn syntax_error(message: impl Into<String>) -> RuntimeError {
    RuntimeError::new(codes::BAD_ARGUMENTS, format!("query string: {}", message.into()))
}

impl Parser<'_> {
    fn rest(&self) -> &str {
        self.text.get(self.pos..).unwrap_or("")
    }

    fn skip_spaces(&mut self) {
        let rest = self.rest();
        self.pos += rest.len() - rest.trim_start().len();
    }

    /// Consumes `symbol` if the text goes on with it.
    fn eat(&mut self, symbol: &str) -> bool {
        if self.rest().starts_with(symbol) {
            self.pos += symbol.len();
            true
        } else {
            false
        }
    }

    /// Consumes the keyword `word` (any case) if it is next and whole.
    fn eat_keyword(&mut self, word: &str) -> bool {
        let rest = self.rest();
        let Some(head) = rest.get(..word.len()) else { return false };
        if !head.eq_ignore_ascii_case(word) {
            return false;
        }
        if rest[word.len()..].chars().next().is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
            return false;
        }
        self.pos += word.len();
        true
    }

    fn where_(&self) -> String {
        let rest = self.rest();
        if rest.is_empty() {
            String::from("at the end")
        } else {
            format!("at `{}`", rest.chars().take(20).collect::<String>())
        }
    }

    fn query(&mut self) -> Result<Node, RuntimeError> {
        let node = self.or()?;
        self.skip_spaces();
        if !self.rest().is_empty() {
            return Err(syntax_error(format!("unexpected text {}", self.where_())));
        }
        Ok(node)
    }

    fn or(&mut self) -> Result<Node, RuntimeError> {
        let mut node = self.and()?;
        loop {
            self.skip_spaces();
            if self.eat("||") || self.eat("|") || self.eat_keyword("or") {
                node = Node::Or(Box::new(node), Box::new(self.and()?));
            } else {
                return Ok(node);
            }
        }
    }

    fn and(&mut self) -> Result<Node, RuntimeError> {
        let mut node = self.unary()?;
        loop {
            self.skip_spaces();
            if self.eat("&&") || self.eat("&") || self.eat_keyword("and") {
                node = Node::And(Box::new(node), Box::new(self.unary()?));
            } else {
                return Ok(node);
            }
        }
    }

    fn unary(&mut self) -> Result<Node, RuntimeError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(syntax_error("parentheses nested too deep"));
        }
        self.skip_spaces();
        let node = if self.eat_keyword("not") {
            Node::Not(Box::new(self.unary()?))
        } else if self.eat("(") {
            let inner = self.or()?;
            self.skip_spaces();
            if !self.eat(")") {
                return Err(syntax_error(format!("`)` expected {}", self.where_())));
            }
            inner
        } else {
            self.condition()?
        };
        self.depth -= 1;
        Ok(node)
    }

    fn condition(&mut self) -> Result<Node, RuntimeError> {
        let path = self.path()?;
        self.skip_spaces();
        let op = self.comparator()?;
        self.skip_spaces();
        let operand = self.operand(op)?;
        Ok(Node::Condition { path, op, operand })
    }

    fn comparator(&mut self) -> Result<Op, RuntimeError> {
        const SYMBOLS: &[(&str, Op)] = &[
            ("===", Op::Is),
            ("!==", Op::IsNot),
            ("==", Op::Eq),
            ("!=", Op::Ne),
            ("<=", Op::Le),
            (">=", Op::Ge),
            ("=", Op::Eq),
            ("#", Op::Ne),
            ("<", Op::Lt),
            (">", Op::Gt),
        ];
        for (symbol, op) in SYMBOLS {
            if self.eat(symbol) {
                return Ok(*op);
            }
        }
        if self.eat_keyword("is") {
            self.skip_spaces();
            return Ok(if self.eat_keyword("not") { Op::IsNot } else { Op::Is });
        }
        if self.eat_keyword("in") {
            return Ok(Op::In);
        }
        Err(syntax_error(format!("a comparator expected {}", self.where_())))
    }

    /// A placeholder's name after `:`: digits (indexed) or a word (named).
    fn placeholder(&mut self) -> Result<String, RuntimeError> {
        let name: String = self.rest().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        if name.is_empty() {
            return Err(syntax_error(format!("a placeholder name expected {}", self.where_())));
        }
        self.pos += name.len();
        Ok(name)
    }

    /// The value of placeholder `name` (`1`, `2`... or a name in `group`).
    fn placeholder_value(&self, name: &str, group: &str) -> Result<Value, RuntimeError> {
        match name.parse::<usize>() {
            Ok(n) => match n.checked_sub(1).and_then(|i| self.values.indexed.get(i)) {
                Some(value) => Ok(value.clone()),
                None => Err(syntax_error(format!("no value is given for the placeholder :{n}"))),
            },
            Err(_) => self
                .values
                .named(group, name)
                .ok_or_else(|| syntax_error(format!("the querySettings {group} have no `{name}`"))),
        }
    }

    fn path(&mut self) -> Result<Vec<Step>, RuntimeError> {
        if self.eat(":") {
            let name = self.placeholder()?;
            return match self.placeholder_value(&name, "attributes")? {
                Value::Text(t) => parse_path(t.as_str()),
                Value::Collection(levels) => levels
                    .borrow()
                    .iter()
                    .map(|level| match level {
                        Value::Text(t) => Ok(Step { name: t.as_str().to_string(), each: false }),
                        other => Err(syntax_error(format!("a path level must be a text, not {}", other.type_name()))),
                    })
                    .collect(),
                other => Err(syntax_error(format!("the path :{name} must be a text, not {}", other.type_name()))),
            };
        }
        let text: String = self
            .rest()
            .chars()
            .take_while(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '[' | ']' | '$'))
            .collect();
        if text.is_empty() {
            return Err(syntax_error(format!("a property path expected {}", self.where_())));
        }
        self.pos += text.len();
        parse_path(&text)
    }

    fn operand(&mut self, op: Op) -> Result<Operand, RuntimeError> {
        if self.eat(":") {
            let name = self.placeholder()?;
            let indexed = name.parse::<usize>().is_ok();
            return match self.placeholder_value(&name, "parameters")? {
                Value::Null | Value::Undefined => Ok(Operand::Nothing),
                Value::Object(_) | Value::Collection(_) if indexed && op != Op::In => Err(syntax_error(format!(
                    "an object or a collection in :{name} can be compared only through the querySettings parameters"
                ))),
                value => Ok(Operand::Value(value)),
            };
        }
        if self.eat("[") {
            let mut items = Vec::new();
            loop {
                self.skip_spaces();
                if self.eat("]") {
                    break;
                }
                if !items.is_empty() && !self.eat(",") {
                    return Err(syntax_error(format!("`,` or `]` expected {}", self.where_())));
                }
                self.skip_spaces();
                items.push(self.constant(true)?);
            }
            return Ok(Operand::List(items));
        }
        match self.constant(false)? {
            Value::Null => Ok(Operand::Null),
            value => Ok(Operand::Value(value)),
        }
    }

    /// A quoted text, or a bare word: `true`, `false`, `null`, a number or a text.
    fn constant(&mut self, in_list: bool) -> Result<Value, RuntimeError> {
        for quote in ['\'', '"'] {
            if self.rest().starts_with(quote) {
                let body = &self.rest()[1..];
                let Some(end) = body.find(quote) else {
                    return Err(syntax_error(format!("a quote is not closed {}", self.where_())));
                };
                let value = Value::text(&body[..end]);
                self.pos += end + 2;
                return Ok(value);
            }
        }
        let word: String = self
            .rest()
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != ')' && !(in_list && matches!(c, ',' | ']')))
            .collect();
        if word.is_empty() {
            return Err(syntax_error(format!("a value expected {}", self.where_())));
        }
        self.pos += word.len();
        Ok(match word.as_str() {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            "null" => Value::Null,
            _ => match word.parse::<f64>() {
                Ok(n) if n.is_finite() => Value::Real(n),
                _ => Value::text(word),
            },
        })
    }
}

/// `a.b[].c` as steps.
fn parse_path(text: &str) -> Result<Vec<Step>, RuntimeError> {
    text.split('.')
        .map(|part| {
            let (name, each) = match part.strip_suffix("[]") {
                Some(name) => (name, true),
                None => (part, false),
            };
            if name.is_empty() || name.contains(['[', ']']) {
                return Err(syntax_error(format!("`{text}` is not a property path")));
            }
            Ok(Step { name: name.to_string(), each })
        })
        .collect()
}

/// The values a path reaches from `value` (several through `[]`).
fn reach(value: &Value, path: &[Step], out: &mut Vec<Value>) {
    let Some((step, rest)) = path.split_first() else {
        out.push(value.clone());
        return;
    };
    let Some(next) = crate::runtime::access::own_property(value, step.name.as_str()) else { return };
    match (&next, step.each) {
        (Value::Collection(items), true) => {
            for item in items.borrow().iter() {
                reach(item, rest, out);
            }
        }
        (Value::SharedCollection(items), true) => {
            for item in &items.values() {
                reach(item, rest, out);
            }
        }
        (_, true) => {}
        (_, false) => reach(&next, rest, out),
    }
}

fn date_of(text: &str) -> Option<Date> {
    let mut parts = text.splitn(3, '-');
    let year = parts.next()?.parse::<u16>().ok()?;
    let month = parts.next()?.parse::<u8>().ok()?;
    let day = parts.next()?.parse::<u8>().ok()?;
    (text.len() == 10 && (1..=12).contains(&month) && (1..=31).contains(&day)).then_some(Date { year, month, day })
}

/// `=` (with `wildcard`) or `===` between a property value and a query value.
fn equal(found: &Value, wanted: &Value, wildcard: bool) -> bool {
    match (found, wanted) {
        (Value::Text(a), Value::Text(b)) if wildcard => text::equal(a.as_str(), b.as_str()),
        (Value::Text(a), Value::Text(b)) => text::compare_primary(a.as_str(), b.as_str()) == Ordering::Equal,
        (Value::Date(a), Value::Text(b)) => date_of(b.as_str()) == Some(*a),
        (Value::Null | Value::Undefined, _) | (_, Value::Null | Value::Undefined) => false,
        _ => compare::equal(found, wanted),
    }
}

/// The order of a property value and a query value, when they are comparable.
fn order(found: &Value, wanted: &Value) -> Option<Ordering> {
    match (found, wanted) {
        (Value::Text(a), Value::Text(b)) => Some(text::compare_primary(a.as_str(), b.as_str())),
        (Value::Date(a), Value::Date(b)) => Some(a.cmp(b)),
        (Value::Date(a), Value::Text(b)) => date_of(b.as_str()).map(|b| a.cmp(&b)),
        (Value::Bool(a), Value::Bool(b)) => Some(a.cmp(b)),
        (a, b) => a.as_number()?.partial_cmp(&b.as_number()?),
    }
}

fn matches(node: &Node, element: &Value) -> bool {
    match node {
        Node::And(a, b) => matches(a, element) && matches(b, element),
        Node::Or(a, b) => matches(a, element) || matches(b, element),
        Node::Not(a) => !matches(a, element),
        Node::Condition { path, op, operand } => {
            if matches!(operand, Operand::Nothing) {
                return false;
            }
            let mut found = Vec::new();
            reach(element, path, &mut found);
            match op {
                Op::Ne => !condition(&found, Op::Eq, operand),
                Op::IsNot => !condition(&found, Op::Is, operand),
                _ => condition(&found, *op, operand),
            }
        }
    }
}

/// Whether one of the values found satisfies `op operand` (`op` is not a negation).
fn condition(found: &[Value], op: Op, operand: &Operand) -> bool {
    match operand {
        Operand::Nothing => false,
        Operand::Null => {
            matches!(op, Op::Eq | Op::Is | Op::In)
                && (found.is_empty() || found.iter().any(|v| matches!(v, Value::Null | Value::Undefined)))
        }
        Operand::List(items) => op == Op::In && found.iter().any(|v| items.iter().any(|w| equal(v, w, true))),
        Operand::Value(wanted) => found.iter().any(|v| match op {
            Op::Eq | Op::Ne => equal(v, wanted, true),
            Op::Is | Op::IsNot => equal(v, wanted, false),
            Op::In => match wanted {
                Value::Collection(items) => items.borrow().iter().any(|w| equal(v, w, true)),
                other => equal(v, other, true),
            },
            Op::Lt => order(v, wanted) == Some(Ordering::Less),
            Op::Gt => order(v, wanted) == Some(Ordering::Greater),
            Op::Le => order(v, wanted).is_some_and(Ordering::is_le),
            Op::Ge => order(v, wanted).is_some_and(Ordering::is_ge),
        }),
    }
}

/// The indexes of the elements that match the query in `args`.
fn matching(c: &CollectionRef, args: &Args<'_>) -> Result<Vec<(usize, Value)>, RuntimeError> {
    let query = args.text(0)?;
    let mut indexed = args.values.get(1..).unwrap_or(&[]);
    let mut settings = None;
    if let [rest @ .., Value::Object(o)] = indexed
        && o.borrow().code.is_none()
    {
        settings = Some(o.clone());
        indexed = rest;
    }
    let values = Placeholders { indexed, settings };
    let mut parser = Parser { text: query, pos: 0, values: &values, depth: 0 };
    if query.trim().is_empty() {
        return Err(syntax_error("the query string is empty"));
    }
    let node = parser.query()?;
    Ok(c.borrow()
        .iter()
        .enumerate()
        .filter(|(_, v)| matches!(v, Value::Object(_) | Value::SharedObject(_)) && matches(&node, v))
        .map(|(i, v)| (i, v.clone()))
        .collect())
}

/// `.query(queryString {; value...})` / `.query(queryString; querySettings)`:
/// the matching elements, in a new (shallow) collection.
pub(super) fn query(
    _: &mut crate::commands::Ctx<'_>,
    c: &CollectionRef,
    args: &Args<'_>,
) -> Result<Value, RuntimeError> {
    Ok(Value::new_collection(matching(c, args)?.into_iter().map(|(_, v)| v).collect()))
}

/// `.indices(queryString {; value...})`: the indexes of the matching elements, ascending.
pub(super) fn indices(
    _: &mut crate::commands::Ctx<'_>,
    c: &CollectionRef,
    args: &Args<'_>,
) -> Result<Value, RuntimeError> {
    Ok(Value::new_collection(matching(c, args)?.into_iter().map(|(i, _)| Value::Real(i as f64)).collect()))
}
