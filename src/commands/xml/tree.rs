//! One XML document in memory: an arena of nodes (the document node is node
//! 0), read from text by quick-xml's reader and written back by
//! [`Tree::export`].
//!
//! A node's index never changes and is never given again, so that a 4D
//! element reference (document number and node index) stays valid until its
//! element is removed or its document closed. Removed nodes stay in the
//! arena, marked dead.

use quick_xml::events::{BytesStart, Event};

/// What a node is.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// The document node, above the root element.
    Document,
    Element {
        name: String,
        attributes: Vec<(String, String)>,
    },
    Text(String),
    CData(String),
    Comment(String),
    Instruction {
        target: String,
        data: String,
    },
    /// The text of a `<!DOCTYPE ...>` after the keyword.
    Doctype(String),
}

#[derive(Clone, Debug)]
pub struct Node {
    pub kind: Kind,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    pub alive: bool,
}

/// The XML declaration written on export.
#[derive(Clone, Debug)]
pub struct Declaration {
    pub version: String,
    pub encoding: String,
    pub standalone: bool,
}

impl Default for Declaration {
    fn default() -> Declaration {
        Declaration { version: "1.0".into(), encoding: "UTF-8".into(), standalone: false }
    }
}

/// An XML document.
#[derive(Clone, Debug)]
pub struct Tree {
    pub nodes: Vec<Node>,
    pub declaration: Declaration,
    /// `XML SET OPTIONS` values, by selector (1 to 10).
    pub options: [i32; 11],
}

/// A source that is not well-formed XML: where, and why.
#[derive(Debug)]
pub struct ParseError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// The node types of `DOM GET XML CHILD NODES` and `DOM Append XML child node`.
pub mod node_type {
    pub const COMMENT: i32 = 2;
    pub const PROCESSING_INSTRUCTION: i32 = 3;
    pub const DATA: i32 = 6;
    pub const CDATA: i32 = 7;
    pub const DOCTYPE: i32 = 10;
    pub const ELEMENT: i32 = 11;
}

/// `XML SET OPTIONS` selectors and values fourd acts on.
pub mod option {
    pub const STRING_ENCODING: usize = 1;
    pub const INDENTATION: usize = 4;
    pub const DOM_CASE_SENSITIVITY: usize = 8;
    pub const WITH_INDENTATION: i32 = 1;
    pub const NO_INDENTATION: i32 = 2;
    pub const CASE_SENSITIVE: i32 = 1;
    pub const CASE_INSENSITIVE: i32 = 2;
    pub const WITH_ESCAPING: i32 = 1;
}

impl Tree {
    /// A document with only its document node.
    fn empty() -> Tree {
        let mut options = [0; 11];
        options[option::STRING_ENCODING] = option::WITH_ESCAPING;
        options[option::INDENTATION] = option::WITH_INDENTATION;
        options[option::DOM_CASE_SENSITIVITY] = option::CASE_SENSITIVE;
        Tree {
            nodes: vec![Node { kind: Kind::Document, parent: None, children: Vec::new(), alive: true }],
            declaration: Declaration::default(),
            options,
        }
    }

    /// A document whose root element is named `root`.
    pub fn with_root(root: &str) -> (Tree, usize) {
        let mut tree = Tree::empty();
        let id = tree.add(0, Kind::Element { name: root.to_string(), attributes: Vec::new() });
        (tree, id)
    }

    /// Adds a node as the last child of `parent`.
    pub fn add(&mut self, parent: usize, kind: Kind) -> usize {
        let at = self.nodes[parent].children.len();
        self.insert(parent, at, kind)
    }

    /// Adds a node as child number `at` (0-based) of `parent`.
    pub fn insert(&mut self, parent: usize, at: usize, kind: Kind) -> usize {
        let id = self.nodes.len();
        self.nodes.push(Node { kind, parent: Some(parent), children: Vec::new(), alive: true });
        let children = &mut self.nodes[parent].children;
        children.insert(at.min(children.len()), id);
        id
    }

    /// Whether `id` designates a node of this document that was not removed.
    pub fn is_live(&self, id: usize) -> bool {
        self.nodes.get(id).is_some_and(|n| n.alive)
    }

    pub fn kind(&self, id: usize) -> &Kind {
        &self.nodes[id].kind
    }

    pub fn is_element(&self, id: usize) -> bool {
        matches!(self.nodes[id].kind, Kind::Element { .. })
    }

    /// The element's name ("" for another node).
    pub fn name(&self, id: usize) -> &str {
        match &self.nodes[id].kind {
            Kind::Element { name, .. } => name,
            _ => "",
        }
    }

    /// The root element, if the document has one.
    pub fn root(&self) -> Option<usize> {
        self.nodes[0].children.iter().copied().find(|&c| self.is_element(c))
    }

    /// The element children of a node, in order.
    pub fn elements(&self, id: usize) -> impl Iterator<Item = usize> + '_ {
        self.nodes[id].children.iter().copied().filter(|&c| self.is_element(c))
    }

    /// The parent element (none above the root element).
    pub fn parent_element(&self, id: usize) -> Option<usize> {
        self.nodes[id].parent.filter(|&p| self.is_element(p))
    }

    /// The next (`forward`) or previous element sibling.
    pub fn sibling(&self, id: usize, forward: bool) -> Option<usize> {
        let parent = self.nodes[id].parent?;
        let siblings: Vec<usize> = self.elements(parent).collect();
        let at = siblings.iter().position(|&s| s == id)?;
        if forward { siblings.get(at + 1).copied() } else { at.checked_sub(1).map(|i| siblings[i]) }
    }

    pub fn attributes(&self, id: usize) -> &[(String, String)] {
        match &self.nodes[id].kind {
            Kind::Element { attributes, .. } => attributes,
            _ => &[],
        }
    }

    pub fn attribute(&self, id: usize, name: &str) -> Option<&str> {
        self.attributes(id).iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// Sets an attribute, keeping its place when it exists.
    pub fn set_attribute(&mut self, id: usize, name: &str, value: String) {
        if let Kind::Element { attributes, .. } = &mut self.nodes[id].kind {
            match attributes.iter_mut().find(|(n, _)| n == name) {
                Some(slot) => slot.1 = value,
                None => attributes.push((name.to_string(), value)),
            }
        }
    }

    /// Removes an attribute; whether it was there.
    pub fn remove_attribute(&mut self, id: usize, name: &str) -> bool {
        if let Kind::Element { attributes, .. } = &mut self.nodes[id].kind {
            let before = attributes.len();
            attributes.retain(|(n, _)| n != name);
            return attributes.len() != before;
        }
        false
    }

    pub fn rename(&mut self, id: usize, new_name: &str) {
        if let Kind::Element { name, .. } = &mut self.nodes[id].kind {
            *name = new_name.to_string();
        }
    }

    /// The text of the element's data children, and of its CDATA children.
    pub fn value(&self, id: usize) -> (String, String) {
        let (mut text, mut cdata) = (String::new(), String::new());
        for &c in &self.nodes[id].children {
            match &self.nodes[c].kind {
                Kind::Text(t) => text.push_str(t),
                Kind::CData(t) => cdata.push_str(t),
                _ => {}
            }
        }
        (text, cdata)
    }

    /// The string value of a node, as XPath sees it: all the text below it.
    pub fn string_value(&self, id: usize) -> String {
        let mut out = String::new();
        self.collect_text(id, &mut out);
        out
    }

    fn collect_text(&self, id: usize, out: &mut String) {
        for n in std::iter::once(id).chain(self.descendants(id)) {
            if let Kind::Text(t) | Kind::CData(t) = &self.nodes[n].kind {
                out.push_str(t);
            }
        }
    }

    /// Replaces the element's data and CDATA children by one node holding `value`.
    pub fn set_value(&mut self, id: usize, value: &str, cdata: bool) {
        let old: Vec<usize> = self.nodes[id]
            .children
            .iter()
            .copied()
            .filter(|&c| matches!(self.nodes[c].kind, Kind::Text(_) | Kind::CData(_)))
            .collect();
        for c in old {
            self.detach(c);
        }
        if !value.is_empty() || cdata {
            let kind = if cdata { Kind::CData(value.to_string()) } else { Kind::Text(value.to_string()) };
            self.insert(id, 0, kind);
        }
    }

    /// Takes a node and everything below it out of the document.
    pub fn detach(&mut self, id: usize) {
        if let Some(parent) = self.nodes[id].parent.take() {
            self.nodes[parent].children.retain(|&c| c != id);
        }
        let mut stack = vec![id];
        while let Some(n) = stack.pop() {
            self.nodes[n].alive = false;
            stack.extend(self.nodes[n].children.iter().copied());
        }
    }

    /// Copies the subtree at `id` of `source` as child number `at` of `parent`; the copy's index.
    pub fn graft(&mut self, parent: usize, at: usize, source: &Tree, id: usize) -> usize {
        let top = self.insert(parent, at, source.nodes[id].kind.clone());
        let mut stack = vec![(id, top)];
        while let Some((from, to)) = stack.pop() {
            for &child in &source.nodes[from].children {
                let copy = self.add(to, source.nodes[child].kind.clone());
                stack.push((child, copy));
            }
        }
        top
    }

    /// The nodes below `id` in document order (not `id` itself).
    pub fn descendants(&self, id: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack: Vec<usize> = self.nodes[id].children.iter().rev().copied().collect();
        while let Some(n) = stack.pop() {
            out.push(n);
            stack.extend(self.nodes[n].children.iter().rev().copied());
        }
        out
    }

    // ------------------------------------------------------------ reading

    /// Reads a document. Text that is only white space is dropped between
    /// elements (where it is indentation) and kept where it is an element's
    /// whole content.
    pub fn parse(source: &str) -> Result<Tree, ParseError> {
        let source = source.strip_prefix('\u{feff}').unwrap_or(source);
        let mut tree = Tree::empty();
        let mut reader = quick_xml::Reader::from_str(source);
        reader.config_mut().check_comments = true;
        let mut stack: Vec<usize> = vec![0];
        let fail = |reader: &quick_xml::Reader<&[u8]>, at: Option<u64>, message: String| {
            let offset = at.unwrap_or_else(|| reader.buffer_position()) as usize;
            let (line, column) = line_column(source, offset);
            ParseError { line, column, message }
        };
        loop {
            let event = match reader.read_event() {
                Ok(event) => event,
                Err(error) => return Err(fail(&reader, Some(reader.error_position()), error.to_string())),
            };
            let parent = *stack.last().unwrap_or(&0);
            match event {
                Event::Decl(decl) => {
                    if let Ok(version) = decl.version() {
                        tree.declaration.version = String::from_utf8_lossy(&version).into_owned();
                    }
                    if let Some(Ok(encoding)) = decl.encoding() {
                        tree.declaration.encoding = String::from_utf8_lossy(&encoding).into_owned();
                    }
                    if let Some(Ok(standalone)) = decl.standalone() {
                        tree.declaration.standalone = standalone.as_ref() == b"yes";
                    }
                }
                Event::Start(_) | Event::Empty(_) if parent == 0 && tree.root().is_some() => {
                    return Err(fail(&reader, None, "a document has only one root element".into()));
                }
                Event::Start(start) => {
                    let kind = element(&start).map_err(|m| fail(&reader, None, m))?;
                    stack.push(tree.add(parent, kind));
                }
                Event::Empty(start) => {
                    let kind = element(&start).map_err(|m| fail(&reader, None, m))?;
                    tree.add(parent, kind);
                }
                Event::End(_) => {
                    tree.drop_indentation(parent);
                    stack.pop();
                }
                Event::Text(text) => {
                    let text = text.xml10_content().map_err(|e| fail(&reader, None, e.to_string()))?;
                    tree.add_text(parent, &text).map_err(|m| fail(&reader, None, m))?;
                }
                Event::GeneralRef(reference) => {
                    let ch = match reference.resolve_char_ref() {
                        Ok(Some(ch)) => ch,
                        Ok(None) => {
                            let name = reference.decode().map_err(|e| fail(&reader, None, e.to_string()))?;
                            predefined(&name)
                                .ok_or_else(|| fail(&reader, None, format!("undeclared entity &{name};")))?
                        }
                        Err(error) => return Err(fail(&reader, None, error.to_string())),
                    };
                    tree.add_text(parent, ch.encode_utf8(&mut [0; 4])).map_err(|m| fail(&reader, None, m))?;
                }
                Event::CData(data) => {
                    if parent == 0 {
                        return Err(fail(&reader, None, "CDATA outside the root element".into()));
                    }
                    let data = data.xml10_content().map_err(|e| fail(&reader, None, e.to_string()))?;
                    tree.add(parent, Kind::CData(data.into_owned()));
                }
                Event::Comment(comment) => {
                    let text = comment.xml10_content().map_err(|e| fail(&reader, None, e.to_string()))?;
                    tree.add(parent, Kind::Comment(text.into_owned()));
                }
                Event::PI(pi) => {
                    let target = String::from_utf8_lossy(pi.target()).into_owned();
                    let data = String::from_utf8_lossy(pi.content()).trim().to_string();
                    tree.add(parent, Kind::Instruction { target, data });
                }
                Event::DocType(doctype) => {
                    let text = doctype.xml10_content().map_err(|e| fail(&reader, None, e.to_string()))?;
                    tree.add(0, Kind::Doctype(text.trim().to_string()));
                }
                Event::Eof => break,
            }
        }
        if stack.len() > 1 {
            let open = tree.name(stack[stack.len() - 1]).to_string();
            return Err(fail(&reader, None, format!("the element <{open}> is not closed")));
        }
        if tree.root().is_none() {
            return Err(fail(&reader, None, "the document has no root element".into()));
        }
        Ok(tree)
    }

    /// Appends text to `parent`, joined to a text node just before it.
    fn add_text(&mut self, parent: usize, text: &str) -> Result<(), String> {
        if parent == 0 {
            if text.trim().is_empty() {
                return Ok(());
            }
            return Err("text outside the root element".into());
        }
        if let Some(&last) = self.nodes[parent].children.last()
            && let Kind::Text(t) = &mut self.nodes[last].kind
        {
            t.push_str(text);
            return Ok(());
        }
        self.add(parent, Kind::Text(text.to_string()));
        Ok(())
    }

    /// Drops the white-space-only text children of an element that has element children.
    fn drop_indentation(&mut self, id: usize) {
        if self.elements(id).next().is_none() {
            return;
        }
        let blank: Vec<usize> = self.nodes[id]
            .children
            .iter()
            .copied()
            .filter(|&c| matches!(&self.nodes[c].kind, Kind::Text(t) if t.trim().is_empty()))
            .collect();
        for c in blank {
            self.detach(c);
        }
    }

    // ------------------------------------------------------------ writing

    /// The document as text: the declaration, then its nodes, indented unless
    /// `XML indentation` is `XML no indentation`; `None` when the text would
    /// be longer than a 4D text can be (a deep tree, indented).
    pub fn export(&self) -> Option<String> {
        let indent = self.options[option::INDENTATION] != option::NO_INDENTATION;
        let d = &self.declaration;
        let mut out = format!(
            "<?xml version=\"{}\" encoding=\"{}\" standalone=\"{}\" ?>\n",
            d.version,
            d.encoding,
            if d.standalone { "yes" } else { "no" }
        );
        for &child in &self.nodes[0].children {
            self.write(child, 0, indent, &mut out)?;
            if indent {
                out.push('\n');
            }
        }
        Some(out)
    }

    /// Writes a node and everything below it, with an explicit stack: a tree
    /// may be deeper than the thread's stack would allow recursion.
    fn write(&self, id: usize, depth: usize, indent: bool, out: &mut String) -> Option<()> {
        enum Task {
            Node {
                id: usize,
                depth: usize,
                indent: bool,
            },
            /// A line break and the indentation of `depth` before what follows.
            Break(usize),
            Close(usize),
        }
        let mut tasks = vec![Task::Node { id, depth, indent }];
        while let Some(task) = tasks.pop() {
            if out.len() > crate::runtime::types::MAX_TEXT_BYTES {
                return None;
            }
            let (id, depth, indent) = match task {
                Task::Break(depth) => {
                    out.push('\n');
                    push_indent(out, depth);
                    continue;
                }
                Task::Close(id) => {
                    out.push_str("</");
                    out.push_str(self.name(id));
                    out.push('>');
                    continue;
                }
                Task::Node { id, depth, indent } => (id, depth, indent),
            };
            match &self.nodes[id].kind {
                Kind::Document => {}
                Kind::Text(t) => escape(t, false, out),
                Kind::CData(t) => {
                    out.push_str("<![CDATA[");
                    out.push_str(t);
                    out.push_str("]]>");
                }
                Kind::Comment(t) => {
                    out.push_str("<!--");
                    out.push_str(t);
                    out.push_str("-->");
                }
                Kind::Instruction { target, data } => {
                    out.push_str("<?");
                    out.push_str(target);
                    if !data.is_empty() {
                        out.push(' ');
                        out.push_str(data);
                    }
                    out.push_str("?>");
                }
                Kind::Doctype(t) => {
                    out.push_str("<!DOCTYPE ");
                    out.push_str(t);
                    out.push('>');
                }
                Kind::Element { name, attributes } => {
                    out.push('<');
                    out.push_str(name);
                    for (n, v) in attributes {
                        out.push(' ');
                        out.push_str(n);
                        out.push_str("=\"");
                        escape(v, true, out);
                        out.push('"');
                    }
                    let children = &self.nodes[id].children;
                    if children.is_empty() {
                        out.push_str("/>");
                        continue;
                    }
                    out.push('>');
                    // Content with text is written as it is: indenting it would change it.
                    let mixed = children.iter().any(|&c| matches!(self.nodes[c].kind, Kind::Text(_) | Kind::CData(_)));
                    let nested = indent && !mixed;
                    tasks.push(Task::Close(id));
                    if nested {
                        tasks.push(Task::Break(depth));
                    }
                    for &c in children.iter().rev() {
                        tasks.push(Task::Node { id: c, depth: depth + 1, indent: nested });
                        if nested {
                            tasks.push(Task::Break(depth + 1));
                        }
                    }
                }
            }
        }
        Some(())
    }
}

fn push_indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

/// Escapes text for element content, or for a double-quoted attribute value.
pub fn escape(text: &str, attribute: bool, out: &mut String) {
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' if attribute => out.push_str("&#9;"),
            _ => out.push(ch),
        }
    }
}

/// The five entities every XML document knows.
fn predefined(name: &str) -> Option<char> {
    Some(match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "apos" => '\'',
        "quot" => '"',
        _ => return None,
    })
}

/// An element node from a start tag: its name and unescaped attributes (a
/// duplicate attribute is an error).
fn element(start: &BytesStart<'_>) -> Result<Kind, String> {
    let name = String::from_utf8_lossy(start.name().as_ref()).into_owned();
    let mut attributes = Vec::new();
    for attribute in start.attributes() {
        let attribute = attribute.map_err(|e| e.to_string())?;
        let key = String::from_utf8_lossy(attribute.key.as_ref()).into_owned();
        let value =
            attribute.normalized_value(quick_xml::XmlVersion::Implicit1_0).map_err(|e| e.to_string())?.into_owned();
        attributes.push((key, value));
    }
    Ok(Kind::Element { name, attributes })
}

/// The 1-based line and column (in characters) of a byte offset.
fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(source.len());
    while !source.is_char_boundary(end) {
        end -= 1;
    }
    let before = &source[..end];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Whether a text is a name XML accepts for an element or an attribute
/// (letters, digits, `_`, `-`, `.`, `:`; not starting with a digit, `-` or `.`).
pub fn is_name(name: &str) -> bool {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) if c.is_alphabetic() || c == '_' || c == ':' => {}
        _ => return false,
    }
    chars.all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ':'))
}
