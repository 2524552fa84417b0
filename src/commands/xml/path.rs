//! The XPath subset of 4D's DOM commands: absolute (`/root/child`) and
//! relative (`child[2]/leaf`) paths, `//` anywhere below, `*`, `.`, `..`,
//! `text()`, `node()`, unions with `|`, and the predicates `[n]`,
//! `[last()]`, `[@attr]`, `[@attr="v"]`, `[child]`, `[child="v"]` and
//! `[contains(@attr, "v")]` (or of a child, or `.`). Attributes are not
//! nodes a reference can designate, so a path ending at `@name` is refused.

use super::tree::Tree;

/// A parsed path expression: the union of its paths.
#[derive(Debug)]
pub struct Expr(pub Vec<Path>);

#[derive(Debug)]
pub struct Path {
    pub absolute: bool,
    pub steps: Vec<Step>,
}

#[derive(Debug)]
pub struct Step {
    /// Reached through `//` (anywhere below) rather than `/`.
    pub descendant: bool,
    pub test: Test,
    pub predicates: Vec<Predicate>,
}

#[derive(Debug, PartialEq)]
pub enum Test {
    Name(String),
    AnyElement,
    Current,
    Parent,
    Text,
    AnyNode,
}

#[derive(Debug, PartialEq)]
pub enum Predicate {
    /// `[n]`, 1-based.
    Position(usize),
    Last,
    /// `[@name]` or `[@name="value"]`.
    Attribute(String, Option<String>),
    /// `[child]` or `[child="value"]`.
    Child(String, Option<String>),
    /// `[contains(operand, "value")]`.
    Contains(Operand, String),
}

#[derive(Debug, PartialEq)]
pub enum Operand {
    Attribute(String),
    Child(String),
    Current,
}

/// Parses a path; the error says what is wrong with it.
pub fn parse(text: &str) -> Result<Expr, String> {
    let mut cursor = Cursor { chars: text.trim().chars().collect(), at: 0 };
    let mut paths = vec![cursor.path()?];
    loop {
        cursor.skip_spaces();
        if cursor.eat('|') {
            paths.push(cursor.path()?);
        } else if cursor.at < cursor.chars.len() {
            return Err(format!("unexpected '{}' in the path", cursor.chars[cursor.at]));
        } else {
            return Ok(Expr(paths));
        }
    }
}

struct Cursor {
    chars: Vec<char>,
    at: usize,
}

impl Cursor {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn eat_str(&mut self, s: &str) -> bool {
        let n = s.chars().count();
        if self.chars.len() >= self.at + n && self.chars[self.at..self.at + n].iter().copied().eq(s.chars()) {
            self.at += n;
            true
        } else {
            false
        }
    }

    fn skip_spaces(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.at += 1;
        }
    }

    fn name(&mut self) -> Result<String, String> {
        let start = self.at;
        while self.peek().is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ':')) {
            self.at += 1;
        }
        if start == self.at {
            return Err(match self.peek() {
                Some(c) => format!("a name was expected in the path, not '{c}'"),
                None => "the path ends where a name was expected".to_string(),
            });
        }
        Ok(self.chars[start..self.at].iter().collect())
    }

    fn path(&mut self) -> Result<Path, String> {
        self.skip_spaces();
        let mut steps = Vec::new();
        let mut absolute = false;
        let mut descendant = false;
        if self.eat_str("//") {
            absolute = true;
            descendant = true;
        } else if self.eat('/') {
            absolute = true;
        }
        loop {
            steps.push(self.step(descendant)?);
            if self.eat_str("//") {
                descendant = true;
            } else if self.eat('/') {
                descendant = false;
            } else {
                return Ok(Path { absolute, steps });
            }
        }
    }

    fn step(&mut self, descendant: bool) -> Result<Step, String> {
        let test = if self.eat_str("..") {
            Test::Parent
        } else if self.eat('.') {
            Test::Current
        } else if self.eat('*') {
            Test::AnyElement
        } else if self.peek() == Some('@') {
            return Err("an attribute is not an element: a reference designates elements only".into());
        } else if self.eat_str("text()") {
            Test::Text
        } else if self.eat_str("node()") {
            Test::AnyNode
        } else {
            Test::Name(self.name()?)
        };
        let mut predicates = Vec::new();
        while self.eat('[') {
            self.skip_spaces();
            predicates.push(self.predicate()?);
            self.skip_spaces();
            if !self.eat(']') {
                return Err("a predicate must end with ']'".into());
            }
        }
        Ok(Step { descendant, test, predicates })
    }

    fn predicate(&mut self) -> Result<Predicate, String> {
        if self.peek().is_some_and(|c| c.is_ascii_digit()) {
            let start = self.at;
            while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                self.at += 1;
            }
            let digits: String = self.chars[start..self.at].iter().collect();
            return match digits.parse::<usize>() {
                Ok(n) if n > 0 => Ok(Predicate::Position(n)),
                _ => Err(format!("the position [{digits}] designates no element")),
            };
        }
        if self.eat_str("last()") {
            return Ok(Predicate::Last);
        }
        if self.eat_str("contains(") {
            self.skip_spaces();
            let operand = if self.eat('@') {
                Operand::Attribute(self.name()?)
            } else if self.eat('.') {
                Operand::Current
            } else {
                Operand::Child(self.name()?)
            };
            self.skip_spaces();
            if !self.eat(',') {
                return Err("contains() takes two arguments".into());
            }
            self.skip_spaces();
            let value = self.literal()?;
            self.skip_spaces();
            if !self.eat(')') {
                return Err("contains() must end with ')'".into());
            }
            return Ok(Predicate::Contains(operand, value));
        }
        let attribute = self.eat('@');
        let name = self.name()?;
        self.skip_spaces();
        let value = if self.eat('=') {
            self.skip_spaces();
            Some(self.literal()?)
        } else {
            None
        };
        Ok(if attribute { Predicate::Attribute(name, value) } else { Predicate::Child(name, value) })
    }

    fn literal(&mut self) -> Result<String, String> {
        let quote = match self.peek() {
            Some(q @ ('"' | '\'')) => q,
            _ => return Err("a quoted value was expected in the predicate".into()),
        };
        self.at += 1;
        let start = self.at;
        while self.peek().is_some_and(|c| c != quote) {
            self.at += 1;
        }
        if self.peek().is_none() {
            return Err("a quoted value is not closed".into());
        }
        let value = self.chars[start..self.at].iter().collect();
        self.at += 1;
        Ok(value)
    }
}

/// How names compare: `XML DOM case sensitivity`.
fn same(a: &str, b: &str, case_sensitive: bool) -> bool {
    if case_sensitive { a == b } else { a.to_lowercase() == b.to_lowercase() }
}

/// The nodes an expression selects from `context`, in the order found, each once.
pub fn select(tree: &Tree, context: usize, expr: &Expr) -> Vec<usize> {
    let mut found = Vec::new();
    for path in &expr.0 {
        let mut nodes = select_path(tree, context, path);
        // 4D's earlier paths named the context element itself first
        // (`Root/child` from the root): read them so when nothing else matches.
        if nodes.is_empty()
            && !path.absolute
            && let Some(Step { test: Test::Name(first), .. }) = path.steps.first()
            && tree.name(context) == first
            && let Some(parent) = tree.nodes[context].parent
        {
            nodes = select_path(tree, parent, path);
        }
        for n in nodes {
            if !found.contains(&n) {
                found.push(n);
            }
        }
    }
    found
}

fn select_path(tree: &Tree, context: usize, path: &Path) -> Vec<usize> {
    let mut nodes = vec![if path.absolute { 0 } else { context }];
    for step in &path.steps {
        let mut next = Vec::new();
        for &node in &nodes {
            let mut contexts = vec![node];
            if step.descendant {
                contexts.extend(tree.descendants(node));
            }
            for c in contexts {
                let candidates = candidates(tree, c, &step.test);
                for n in filter(tree, candidates, &step.predicates) {
                    if !next.contains(&n) {
                        next.push(n);
                    }
                }
            }
        }
        nodes = next;
    }
    nodes
}

fn candidates(tree: &Tree, node: usize, test: &Test) -> Vec<usize> {
    use super::tree::Kind;
    match test {
        Test::Current => vec![node],
        Test::Parent => tree.nodes[node].parent.into_iter().collect(),
        Test::AnyElement => tree.elements(node).collect(),
        Test::Name(name) => tree.elements(node).filter(|&c| tree.name(c) == name).collect(),
        Test::Text => tree.nodes[node]
            .children
            .iter()
            .copied()
            .filter(|&c| matches!(tree.kind(c), Kind::Text(_) | Kind::CData(_)))
            .collect(),
        Test::AnyNode => tree.nodes[node].children.clone(),
    }
}

fn filter(tree: &Tree, mut nodes: Vec<usize>, predicates: &[Predicate]) -> Vec<usize> {
    for predicate in predicates {
        nodes = match predicate {
            Predicate::Position(n) => nodes.get(n - 1).copied().into_iter().collect(),
            Predicate::Last => nodes.last().copied().into_iter().collect(),
            _ => nodes.into_iter().filter(|&n| holds(tree, n, predicate)).collect(),
        };
    }
    nodes
}

fn holds(tree: &Tree, node: usize, predicate: &Predicate) -> bool {
    match predicate {
        Predicate::Attribute(name, value) => match (tree.attribute(node, name), value) {
            (Some(found), Some(wanted)) => found == wanted,
            (found, None) => found.is_some(),
            (None, Some(_)) => false,
        },
        Predicate::Child(name, value) => tree
            .elements(node)
            .filter(|&c| tree.name(c) == name)
            .any(|c| value.as_ref().is_none_or(|v| tree.string_value(c) == *v)),
        Predicate::Contains(operand, part) => match operand {
            Operand::Attribute(name) => tree.attribute(node, name).is_some_and(|v| v.contains(part.as_str())),
            Operand::Current => tree.string_value(node).contains(part.as_str()),
            Operand::Child(name) => tree
                .elements(node)
                .filter(|&c| tree.name(c) == name)
                .any(|c| tree.string_value(c).contains(part.as_str())),
        },
        Predicate::Position(_) | Predicate::Last => true,
    }
}

/// The element children of `node` named `name` (`XML DOM case sensitivity` decides how names compare).
pub fn children_named(tree: &Tree, node: usize, name: &str, case_sensitive: bool) -> Vec<usize> {
    tree.elements(node).filter(|&c| same(tree.name(c), name, case_sensitive)).collect()
}
