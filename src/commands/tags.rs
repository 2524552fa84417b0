//! 4D's transformation tags (`PROCESS 4D TAGS`; later the semi-dynamic
//! pages of `fourd serve`). A template is read into a tree of [`Node`]s
//! (text, `<!--#4DTEXT-->`-style tags, `$4DTEXT(...)`-style tags, blocks of
//! `4DIF` and `4DLOOP`), `4DINCLUDE` files read in place; the tree is then
//! written as the code of one method — so that the template's locals are
//! one set, shared by all its tags, and `$1`... are the parameters — whose
//! result is a collection of pieces: the number of a literal text, or a
//! value with how to insert it. The pieces are joined here: `4DTEXT`
//! escapes HTML, `4DHTML` and `4DEVAL` insert as they are and their result
//! is processed again when it holds tags; errors are inserted as 4D does.

use std::path::{Path, PathBuf};

use super::{Args, Ctx};
use crate::runtime::error::RuntimeError;
use crate::runtime::format::string_of;
use crate::runtime::value::Value;

/// The deepest `4DINCLUDE` nesting, and the deepest reprocessing of results.
const MAX_DEPTH: usize = 16;

/// How a value is inserted.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Insert {
    /// HTML escaped (`4DTEXT`).
    Escaped = 1,
    /// As it is, and processed again (`4DHTML`, `4DEVAL`).
    Html = 2,
    /// As it is, never processed again (`$4DHTML(...)`, `$4DEVAL(...)`).
    Plain = 3,
    /// A `4DSCRIPT` result: HTML when it starts with `Char(1)`, else escaped.
    Script = 4,
}

/// Piece kinds of the generated code's result, besides [`Insert`].
const ERROR_CODE: i32 = 9;
const ERROR_MESSAGE: i32 = 8;

#[derive(Debug)]
enum Node {
    Text(String),
    Value { insert: Insert, expr: String, tag: String, eval: bool },
    If { branches: Vec<(String, Vec<Node>)>, otherwise: Option<Vec<Node>>, tag: String },
    Loop { cond: String, body: Vec<Node>, tag: String },
    Each { var: String, expr: String, body: Vec<Node>, tag: String },
    Code(String),
    Script { method: String, param: String, tag: String },
}

/// One tag as read: its name (uppercase), what follows it, its whole text.
struct Tag {
    name: String,
    rest: String,
    source: String,
}

/// An open block while reading.
enum Open {
    If { branches: Vec<(String, Vec<Node>)>, otherwise: Option<Vec<Node>>, in_else: bool, tag: String },
    Loop { cond: String, tag: String },
    Each { var: String, expr: String, tag: String },
}

/// The reader of a template: its project folder (for `4DINCLUDE`).
struct Reader {
    root: PathBuf,
    /// The files being included, to refuse a file that includes itself.
    including: Vec<PathBuf>,
}

impl Reader {
    /// Reads `text`, whose `4DINCLUDE` paths are relative to `base`.
    fn read(&mut self, text: &str, base: &Path) -> Vec<Node> {
        let mut base = base.to_path_buf();
        let mut stack: Vec<(Open, Vec<Node>)> = Vec::new();
        let mut nodes: Vec<Node> = Vec::new();
        let mut rest = text;
        while !rest.is_empty() {
            let Some((before, tag, after)) = next_tag(rest) else {
                nodes.push(Node::Text(rest.to_string()));
                break;
            };
            if !before.is_empty() {
                nodes.push(Node::Text(before.to_string()));
            }
            rest = after;
            match tag {
                Found::Dollar { name, expr, source } => {
                    let (insert, eval) = match name.as_str() {
                        "4DTEXT" => (Insert::Escaped, false),
                        "4DHTML" => (Insert::Plain, false),
                        _ => (Insert::Plain, true),
                    };
                    nodes.push(Node::Value { insert, expr, tag: source, eval });
                }
                Found::Comment(tag) => match tag.name.as_str() {
                    "4DTEXT" => nodes.push(value(Insert::Escaped, tag, false)),
                    "4DHTML" => nodes.push(value(Insert::Html, tag, false)),
                    "4DEVAL" => nodes.push(value(Insert::Html, tag, true)),
                    "4DCODE" => nodes.push(Node::Code(tag.rest)),
                    "4DSCRIPT" => {
                        let spec = tag.rest.trim_start_matches('/');
                        let (method, param) = spec.split_once('/').unwrap_or((spec, ""));
                        nodes.push(Node::Script {
                            method: method.trim().to_string(),
                            param: format!("/{param}"),
                            tag: tag.source,
                        });
                    }
                    "4DBASE" => {
                        let folder = tag.rest.trim();
                        base = if folder.eq_ignore_ascii_case("WEBFOLDER") {
                            self.root.clone()
                        } else {
                            base.join(folder.trim_start_matches('/'))
                        };
                    }
                    "4DINCLUDE" => nodes.extend(self.include(&tag, &base)),
                    "4DIF" => {
                        stack.push((
                            Open::If {
                                branches: vec![(tag.rest.trim().to_string(), Vec::new())],
                                otherwise: None,
                                in_else: false,
                                tag: tag.source,
                            },
                            std::mem::take(&mut nodes),
                        ));
                    }
                    "4DELSEIF" | "4DELSE" => match stack.last_mut() {
                        Some((Open::If { branches, otherwise, in_else, .. }, _)) if !*in_else => {
                            let body = std::mem::take(&mut nodes);
                            match otherwise {
                                Some(_) => {}
                                None => {
                                    if let Some(last) = branches.last_mut() {
                                        last.1 = body;
                                    }
                                }
                            }
                            if tag.name == "4DELSE" {
                                *in_else = true;
                            } else {
                                branches.push((tag.rest.trim().to_string(), Vec::new()));
                            }
                        }
                        _ => nodes.push(Node::Text(tag.source)),
                    },
                    "4DENDIF" => match stack.pop() {
                        Some((Open::If { mut branches, in_else, tag, .. }, outer)) => {
                            let body = std::mem::replace(&mut nodes, outer);
                            let otherwise = if in_else {
                                Some(body)
                            } else {
                                if let Some(last) = branches.last_mut() {
                                    last.1 = body;
                                }
                                None
                            };
                            nodes.push(Node::If { branches, otherwise, tag });
                        }
                        Some(other) => {
                            stack.push(other);
                            nodes.push(Node::Text(tag.source));
                        }
                        None => nodes.push(Node::Text(tag.source)),
                    },
                    "4DLOOP" => stack.push((
                        Open::Loop { cond: tag.rest.trim().to_string(), tag: tag.source },
                        std::mem::take(&mut nodes),
                    )),
                    "4DEACH" => {
                        let spec = tag.rest.trim().to_string();
                        let lower = spec.to_ascii_lowercase();
                        let (var, expr) = match lower.find(" in ") {
                            Some(i) => (spec[..i].trim().to_string(), spec[i + 4..].trim().to_string()),
                            None => (spec.clone(), String::new()),
                        };
                        stack.push((Open::Each { var, expr, tag: tag.source }, std::mem::take(&mut nodes)));
                    }
                    "4DENDLOOP" | "4DENDEACH" => match stack.pop() {
                        Some((Open::Loop { cond, tag: open }, outer)) if tag.name == "4DENDLOOP" => {
                            let body = std::mem::replace(&mut nodes, outer);
                            nodes.push(Node::Loop { cond, body, tag: open });
                        }
                        Some((Open::Each { var, expr, tag: open }, outer)) if tag.name == "4DENDEACH" => {
                            let body = std::mem::replace(&mut nodes, outer);
                            nodes.push(Node::Each { var, expr, body, tag: open });
                        }
                        Some(other) => {
                            stack.push(other);
                            nodes.push(Node::Text(tag.source));
                        }
                        None => nodes.push(Node::Text(tag.source)),
                    },
                    _ => nodes.push(Node::Text(tag.source)),
                },
            }
        }
        // Blocks left open: their tag and what is expected, instead of their contents.
        while let Some((open, outer)) = stack.pop() {
            let message = match open {
                Open::If { tag, .. } => format!("{tag}: 4DENDIF expected"),
                Open::Loop { tag, .. } => format!("{tag}: 4DENDLOOP expected"),
                Open::Each { tag, .. } => format!("{tag}: 4DENDEACH expected"),
            };
            nodes = outer;
            nodes.push(Node::Text(message));
        }
        nodes
    }

    /// The nodes of an included file (the contents of its `<body>` when it
    /// has one), or the documented error text.
    fn include(&mut self, tag: &Tag, base: &Path) -> Vec<Node> {
        let path = base.join(tag.rest.trim().trim_start_matches('/'));
        let failed = || vec![Node::Text(format!("{}: The document cannot be opened", tag.source))];
        let Ok(path) = path.canonicalize() else { return failed() };
        if self.including.contains(&path) || self.including.len() >= MAX_DEPTH {
            return failed();
        }
        let Ok(bytes) = std::fs::read(&path) else { return failed() };
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let body = body_of(&text).unwrap_or(&text).to_string();
        let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
        self.including.push(path);
        let nodes = self.read(&body, &folder);
        self.including.pop();
        nodes
    }
}

fn value(insert: Insert, tag: Tag, eval: bool) -> Node {
    Node::Value { insert, expr: tag.rest.trim().to_string(), tag: tag.source, eval }
}

/// What is between `<body ...>` and `</body>`, when both are there.
fn body_of(text: &str) -> Option<&str> {
    let lower = text.to_ascii_lowercase();
    let open = lower.find("<body")?;
    let start = open + lower[open..].find('>')? + 1;
    let end = lower[start..].find("</body>")? + start;
    Some(&text[start..end])
}

enum Found {
    Comment(Tag),
    Dollar { name: String, expr: String, source: String },
}

/// The next tag of `text`: the text before it, the tag, the text after it.
fn next_tag(text: &str) -> Option<(&str, Found, &str)> {
    let mut from = 0;
    loop {
        let comment = text[from..].find("<!--#").map(|i| i + from);
        let dollar = find_dollar(text, from);
        match (comment, dollar) {
            (Some(c), d) if d.as_ref().is_none_or(|(d, ..)| c < *d) => {
                let inner = c + 5;
                let end = text[inner..].find("-->")? + inner;
                let content = &text[inner..end];
                let word_end =
                    content.find(|ch: char| ch.is_whitespace() || ch == '/' || ch == '(').unwrap_or(content.len());
                let name = content[..word_end].to_ascii_uppercase();
                if !name.starts_with("4D") {
                    from = end + 3;
                    continue;
                }
                let tag = Tag { name, rest: content[word_end..].to_string(), source: text[c..end + 3].to_string() };
                return Some((&text[..c], Found::Comment(tag), &text[end + 3..]));
            }
            (_, Some((d, name, end))) => {
                let expr = text[d + name.len() + 2..end - 1].to_string();
                let source = text[d..end].to_string();
                return Some((&text[..d], Found::Dollar { name, expr, source }, &text[end..]));
            }
            _ => return None,
        }
    }
}

/// The next `$4DTEXT(...)`, `$4DHTML(...)` or `$4DEVAL(...)` at or after
/// `from`: where it starts, its name, where it ends (after its `)`), its
/// parentheses matched outside quotes.
fn find_dollar(text: &str, from: usize) -> Option<(usize, String, usize)> {
    let mut at = from;
    while let Some(i) = text[at..].find('$').map(|i| i + at) {
        let head = text.get(i + 1..i + 8).map(str::to_ascii_uppercase);
        if let Some(head) = head
            && matches!(head.as_str(), "4DTEXT(" | "4DHTML(" | "4DEVAL(")
        {
            let mut depth = 0usize;
            let mut quoted = false;
            for (j, ch) in text[i + 7..].char_indices() {
                match ch {
                    '"' => quoted = !quoted,
                    '(' if !quoted => depth += 1,
                    ')' if !quoted => {
                        depth -= 1;
                        if depth == 0 {
                            return Some((i, head[..6].to_string(), i + 7 + j + 1));
                        }
                    }
                    _ => {}
                }
            }
        }
        at = i + 1;
    }
    None
}

/// The method written from a template, and its literal texts.
struct Writer<'h, 'c> {
    host: &'h mut dyn super::Host,
    methods: &'c [String],
    code: String,
    literals: Vec<String>,
    depth: usize,
}

impl Writer<'_, '_> {
    fn literal(&mut self, text: String) -> usize {
        self.literals.push(text);
        self.literals.len() - 1
    }

    fn line(&mut self, line: &str) {
        self.code.push_str(line);
        self.code.push('\n');
    }

    /// An expression as one line of code, or the error of its resolution
    /// in `shape` (the code that will use it, `{}` standing for it).
    fn check(&mut self, expr: &str, shape: &str) -> Result<String, RuntimeError> {
        let expr = expr.replace(['\r', '\n'], " ");
        self.host.method_from_string("PROCESS 4D TAGS", &shape.replace("{}", &expr)).map(|_| expr)
    }

    fn error_piece(&mut self, tag: &str, error: &RuntimeError) {
        let n = self.literal(format!("{tag}: ## error # {}", error.code()));
        self.line(&format!("$_4dt_out.push({n})"));
    }

    fn write(&mut self, nodes: &[Node]) {
        for node in nodes {
            match node {
                Node::Text(text) => {
                    let n = self.literal(text.clone());
                    self.line(&format!("$_4dt_out.push({n})"));
                }
                Node::Value { insert, expr, tag, eval } => {
                    let shape = if *eval && is_assignment(expr) { "{}" } else { "$_4dt_x:=[0; {}]" };
                    let expr = match self.check(expr, shape) {
                        Ok(expr) => expr,
                        Err(e) => {
                            self.error_piece(tag, &e);
                            continue;
                        }
                    };
                    let n = self.literal(format!("{tag}: ## error # "));
                    self.line("Try");
                    if *eval && is_assignment(&expr) {
                        self.line(&expr);
                    } else {
                        self.line(&format!("$_4dt_out.push([{}; {expr}])", *insert as i32));
                    }
                    self.line(&format!("Catch\n$_4dt_out.push([{ERROR_CODE}; {n}; Last errors[0].errCode])\nEnd try"));
                }
                Node::Code(code) => {
                    for line in code.split(['\r', '\n']) {
                        self.line(line);
                    }
                }
                Node::Script { method, param, tag } => {
                    if !self.methods.iter().any(|m| m.eq_ignore_ascii_case(method)) {
                        let n = self.literal(format!("{tag}: The method does not exist"));
                        self.line(&format!("$_4dt_out.push({n})"));
                        continue;
                    }
                    let n = self.literal(format!("{tag}: ## error # "));
                    self.line(&format!(
                        "Try\n$_4dt_out.push([{}; {method}({})])\nCatch\n$_4dt_out.push([{ERROR_CODE}; {n}; Last errors[0].errCode])\nEnd try",
                        Insert::Script as i32,
                        crate::runtime::format::text_literal(param)
                    ));
                }
                Node::If { branches, otherwise, tag } => self.write_if(branches, otherwise.as_deref(), tag),
                Node::Loop { cond, body, tag } => self.write_loop(cond, body, tag),
                Node::Each { var, expr, body, tag } => {
                    let (var, expr) =
                        match (self.check(var, "For each ({}; [])\nEnd for each"), self.check(expr, "$_4dt_x:={}")) {
                            (Ok(v), Ok(e)) => (v, e),
                            (Err(e), _) | (_, Err(e)) => {
                                self.error_piece(tag, &e);
                                continue;
                            }
                        };
                    self.guarded(tag, |w| {
                        w.line(&format!("For each ({var}; {expr})"));
                        w.write(body);
                        w.line("End for each");
                    });
                }
            }
        }
    }

    /// Code whose error replaces what it inserted by `tag: message`.
    fn guarded(&mut self, tag: &str, body: impl FnOnce(&mut Self)) {
        self.depth += 1;
        let d = self.depth;
        let n = self.literal(format!("{tag}: "));
        self.line(&format!("$_4dt_m{d}:=$_4dt_out.length\nTry"));
        body(self);
        self.line(&format!(
            "Catch\n$_4dt_out.resize($_4dt_m{d})\n$_4dt_out.push([{ERROR_MESSAGE}; {n}; Last errors[0].message])\nEnd try"
        ));
        self.depth -= 1;
    }

    fn write_if(&mut self, branches: &[(String, Vec<Node>)], otherwise: Option<&[Node]>, tag: &str) {
        let mut conditions = Vec::new();
        for (cond, _) in branches {
            match self.check(cond, "If ({})\nEnd if") {
                Ok(c) => conditions.push(c),
                Err(e) => {
                    self.error_piece(tag, &e);
                    return;
                }
            }
        }
        self.depth += 1;
        let d = self.depth;
        let n = self.literal(format!("{tag}: A Boolean expression was expected"));
        self.line(&format!("$_4dt_b{d}:=0\nTry\nCase of"));
        for (i, cond) in conditions.iter().enumerate() {
            self.line(&format!(": ({cond})\n$_4dt_b{d}:={}", i + 1));
        }
        self.line(&format!("End case\nCatch\n$_4dt_b{d}:=-1\n$_4dt_out.push({n})\nEnd try\nCase of"));
        for (i, (_, body)) in branches.iter().enumerate() {
            self.line(&format!(": ($_4dt_b{d}={})", i + 1));
            self.write(body);
        }
        if let Some(body) = otherwise {
            self.line(&format!(": ($_4dt_b{d}=0)"));
            self.write(body);
        }
        self.line("End case");
        self.depth -= 1;
    }

    fn write_loop(&mut self, cond: &str, body: &[Node], tag: &str) {
        if cond.starts_with('[') {
            let n = self.literal(format!("{tag}: Incorrect table name"));
            self.line(&format!("$_4dt_out.push({n})"));
            return;
        }
        if let Some(method) = self.methods.iter().find(|m| m.eq_ignore_ascii_case(cond)).cloned() {
            // As long as the method returns True: 0 first, then 1, 2...
            self.depth += 1;
            let d = self.depth;
            self.line(&format!("If ({method}(0))\n$_4dt_i{d}:=1\nWhile ({method}($_4dt_i{d}))"));
            self.write(body);
            self.line(&format!("$_4dt_i{d}:=$_4dt_i{d}+1\nEnd while\nEnd if"));
            self.depth -= 1;
            return;
        }
        let cond = match self.check(cond, "If ({})\nEnd if") {
            Ok(c) => c,
            Err(e) => {
                self.error_piece(tag, &e);
                return;
            }
        };
        self.guarded(tag, |w| {
            let d = w.depth;
            w.line(&format!("$_4dt_v{d}:={cond}"));
            w.line(&format!(
                "If (Value type($_4dt_v{d})#Is Boolean)\nthrow(-10503; \"An array, a method or a Boolean expression was expected\")\nEnd if"
            ));
            w.line(&format!("While ({cond})"));
            w.write(body);
            w.line("End while");
        });
    }
}

/// Whether a line of code is an assignment (`:=` outside quotes and brackets).
fn is_assignment(code: &str) -> bool {
    let mut quoted = false;
    let mut depth = 0i32;
    let bytes = code.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'(' | b'[' | b'{' if !quoted => depth += 1,
            b')' | b']' | b'}' if !quoted => depth -= 1,
            b':' if !quoted && depth == 0 && bytes.get(i + 1) == Some(&b'=') => return true,
            _ => {}
        }
    }
    false
}

/// HTML escaping of `4DTEXT`.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Processes the tags of `template`, with `params` as `$1`...
pub fn process(
    host: &mut dyn super::Host,
    template: &str,
    params: &[Value],
    depth: usize,
) -> Result<String, RuntimeError> {
    if !template.contains("<!--#") && !template.to_ascii_uppercase().contains("$4D") {
        return Ok(template.to_string());
    }
    let root = match host.project_folder() {
        Some((folder, true)) => folder.join("Project"),
        Some((folder, false)) => folder,
        None => PathBuf::new(),
    };
    let methods = host.method_names();
    let nodes = Reader { root: root.clone(), including: Vec::new() }.read(template, &root);
    let mut writer = Writer { host, methods: &methods, code: String::new(), literals: Vec::new(), depth: 0 };
    writer.line("var $_4dt_out : Collection:=[]");
    writer.write(&nodes);
    writer.line("return $_4dt_out");
    let Writer { host, code, literals, .. } = writer;
    let method = host.method_from_string("PROCESS 4D TAGS", &code)?;
    let pieces = match host.call(&method, &Value::Null, params.to_vec())? {
        Value::Collection(c) => c.borrow().clone(),
        _ => Vec::new(),
    };
    let mut out = String::new();
    for piece in pieces {
        let literal = |v: &Value| match v {
            Value::Real(n) => literals.get(*n as usize).map(String::as_str).unwrap_or(""),
            Value::Long(n) => literals.get(*n as usize).map(String::as_str).unwrap_or(""),
            _ => "",
        };
        let Value::Collection(entry) = &piece else {
            out.push_str(literal(&piece));
            continue;
        };
        let entry = entry.borrow().clone();
        let kind = match entry.first() {
            Some(Value::Real(n)) => *n as i32,
            Some(Value::Long(n)) => *n,
            _ => 0,
        };
        let value = entry.get(1).cloned().unwrap_or(Value::Undefined);
        match kind {
            ERROR_CODE | ERROR_MESSAGE => {
                out.push_str(literal(&value));
                out.push_str(&string_of(entry.get(2).unwrap_or(&Value::Undefined)));
            }
            1 => out.push_str(&escape(&string_of(&value))),
            3 => out.push_str(&string_of(&value)),
            _ => {
                let text = string_of(&value);
                let html = kind == Insert::Html as i32 || text.starts_with('\u{1}');
                let text = text.strip_prefix('\u{1}').unwrap_or(&text);
                if !html {
                    out.push_str(&escape(text));
                } else if text.contains("<!--#") && depth < MAX_DEPTH {
                    out.push_str(&process(host, text, params, depth + 1)?);
                } else {
                    out.push_str(text);
                }
            }
        }
    }
    Ok(out)
}

/// `PROCESS 4D TAGS(inputTemplate; outputResult {; param}...)` (816).
pub(crate) fn process_4d_tags(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let template = args.text(0)?.to_string();
    let target = args.pointer(1)?;
    let params: Vec<Value> = args.values.iter().skip(2).cloned().collect();
    let result = process(ctx.host, &template, &params, 0)?;
    ctx.host.assign(&target, Value::text(result))?;
    Ok(Value::Undefined)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_found() {
        let (before, found, after) = next_tag("a <!--#4DTEXT x--> b").expect("a tag");
        assert_eq!((before, after), ("a ", " b"));
        assert!(matches!(found, Found::Comment(Tag { ref name, .. }) if name == "4DTEXT"));
        let (_, found, after) = next_tag("x=$4DEVAL(f(\"(\"; 2))!").expect("a tag");
        assert!(matches!(found, Found::Dollar { ref expr, .. } if expr == "f(\"(\"; 2)"));
        assert_eq!(after, "!");
        assert!(next_tag("<!--# not ours -->").is_none());
        assert!(is_assignment("a:=42") && !is_assignment("f(\"a:=1\")"));
        assert_eq!(escape("<a href='x'>&</a>"), "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;");
        assert_eq!(body_of("<html><BODY class=x>in</body></html>"), Some("in"));
    }
}
