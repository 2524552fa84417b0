//! 4D's XML DOM commands (themes XML DOM and XML): documents parsed from a
//! file or a variable, or created empty, kept in memory by the process that
//! made them ([`XmlDocuments`], reached through `Host::xml`), navigated and
//! changed through element references, and written back to a variable or a
//! file.
//!
//! The library: quick-xml reads the text (pure Rust, well-formedness errors
//! with their byte position, CDATA, comments, processing instructions and the
//! DOCTYPE as events of their own) and fourd keeps the tree itself
//! (`tree.rs`), an arena whose node indices are the element references.
//! The pure-Rust DOMs were compared: `roxmltree` cannot change a tree;
//! `xmltree` and `minidom` have no parent links (4D navigates to parents and
//! siblings) and `minidom` refuses names whose prefix has no declared
//! namespace, which 4D accepts; `xot` turns CDATA sections into plain text,
//! but 4D keeps them apart (`XML CDATA` child nodes, the CDATA parameter of
//! `DOM GET XML ELEMENT VALUE`); `sxd-document` ties each document to a
//! borrowed arena, awkward to keep in a process's table, and is no longer
//! maintained. libxml2 would bring a C library that CI's bare machine would
//! have to install. 4D's XPath subset is small enough to evaluate here
//! (`path.rs`). DTD and XML schema validation are not supported: the
//! validation flag of the parse commands is accepted and the document is only
//! checked to be well-formed.
//!
//! An element reference is 16 uppercase hexadecimal digits: the document's
//! number in the process, then the node's index. References are never given
//! twice in a process, so a reference to a closed document or a removed
//! element is refused (error [`code::INVALID_REFERENCE`], OK 0). A command
//! that fails sets OK to 0 and raises the error; the navigation commands
//! that find nothing set OK to 0 and return [`NO_REFERENCE`] without error.

mod elements;
pub mod path;
pub mod tree;

pub(crate) use elements::*;

use std::collections::HashMap;

use super::files::{Roots, io_error, system_path};
use super::{Args, Ctx, wrong_type};
use crate::runtime::error::RuntimeError;
use crate::runtime::types::code as types;
use crate::runtime::value::{Array, ArrayType, Value};
use tree::{Kind, Tree};

/// fourd's error codes for XML (the 4D documentation gives none); DECISIONS.md lists them.
pub mod code {
    /// A text that is not an element reference of an open document of the process.
    pub const INVALID_REFERENCE: i32 = -10530;
    /// A source that is not well-formed XML.
    pub const MALFORMED: i32 = -10531;
    /// A path that cannot be read, or that designates no element.
    pub const BAD_PATH: i32 = -10532;
    /// A name that XML does not accept for an element or an attribute.
    pub const BAD_NAME: i32 = -10533;
    /// An attribute, a child or an index that the element does not have.
    pub const NOT_FOUND: i32 = -10534;
}

/// What a command that finds nothing returns.
pub const NO_REFERENCE: &str = "0000000000000000";

/// The XML documents a process has open, by number.
#[derive(Debug)]
pub struct XmlDocuments {
    open: HashMap<u32, Tree>,
    last: u32,
    /// The options given to `XML SET OPTIONS` with an empty reference: those
    /// of the documents made from then on.
    defaults: [i32; 11],
}

impl Default for XmlDocuments {
    fn default() -> XmlDocuments {
        XmlDocuments { open: HashMap::new(), last: 0, defaults: Tree::with_root("x").0.options }
    }
}

impl XmlDocuments {
    /// Keeps a new document; the reference of its node `node`.
    fn add(&mut self, mut tree: Tree, node: usize) -> String {
        self.last += 1;
        tree.options = self.defaults;
        self.open.insert(self.last, tree);
        reference(self.last, node)
    }

    /// The document and node a reference designates.
    fn resolve(&mut self, text: &str) -> Result<(u32, usize), RuntimeError> {
        let invalid =
            || RuntimeError::new(code::INVALID_REFERENCE, format!("invalid XML element reference \"{text}\""));
        if text.len() != 16 || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(invalid());
        }
        let doc = u32::from_str_radix(&text[..8], 16).map_err(|_| invalid())?;
        let node = u32::from_str_radix(&text[8..], 16).map_err(|_| invalid())? as usize;
        match self.open.get(&doc) {
            Some(tree) if tree.is_live(node) => Ok((doc, node)),
            _ => Err(invalid()),
        }
    }

    fn tree(&mut self, doc: u32) -> &mut Tree {
        // `resolve` gave `doc`, and nothing closes a document in between.
        self.open.entry(doc).or_insert_with(|| Tree::with_root("x").0)
    }
}

/// The reference of node `node` of document `doc`.
fn reference(doc: u32, node: usize) -> String {
    format!("{doc:08X}{node:08X}")
}

/// Runs a command's work with OK at 0 until it succeeds.
fn checked<T>(
    ctx: &mut Ctx<'_>,
    work: impl FnOnce(&mut Ctx<'_>) -> Result<T, RuntimeError>,
) -> Result<T, RuntimeError> {
    ctx.set_ok(false)?;
    let result = work(ctx)?;
    ctx.set_ok(true)?;
    Ok(result)
}

/// The document and node that the reference argument `i` designates.
fn node_arg(ctx: &mut Ctx<'_>, args: &Args<'_>, i: usize) -> Result<(u32, usize), RuntimeError> {
    let text = args.text(i)?.to_string();
    ctx.host.xml().resolve(&text)
}

/// The element that the reference argument `i` designates (not the document node).
fn element_arg(ctx: &mut Ctx<'_>, args: &Args<'_>, i: usize) -> Result<(u32, usize), RuntimeError> {
    let (doc, node) = node_arg(ctx, args, i)?;
    if !ctx.host.xml().tree(doc).is_element(node) {
        return Err(RuntimeError::new(code::INVALID_REFERENCE, "the reference designates no element"));
    }
    Ok((doc, node))
}

fn malformed(error: &tree::ParseError) -> RuntimeError {
    RuntimeError::new(
        code::MALFORMED,
        format!("XML parse error at line {}, column {}: {}", error.line, error.column, error.message),
    )
}

/// The text of an XML source held in a BLOB: a UTF-16 or UTF-8 byte order
/// mark decides, else the declaration's encoding, else UTF-8.
fn decode_source(bytes: &[u8]) -> String {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding.decode_without_bom_handling(&bytes[bom..]).0.into_owned();
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]).into_owned();
    let declared = head.find("encoding=").and_then(|at| {
        let rest = &head[at + 9..];
        let quote = rest.chars().next()?;
        let rest = &rest[quote.len_utf8()..];
        rest.find(quote).map(|end| rest[..end].to_string())
    });
    let encoding =
        declared.and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes())).unwrap_or(encoding_rs::UTF_8);
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// `DOM Parse XML source(document {; validation {; dtd}})` (719).
pub(crate) fn dom_parse_xml_source(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    checked(ctx, |ctx| {
        let text = args.text(0)?;
        if text.is_empty() {
            // A file dialog: fourd shows none.
            return Err(RuntimeError::new(code::INVALID_REFERENCE, "an empty path names no document"));
        }
        if text.starts_with("http://") || text.starts_with("https://") || text.starts_with("ftp://") {
            return Err(RuntimeError::new(
                crate::runtime::error::codes::NOT_SUPPORTED,
                "fourd parses XML documents of the disk only",
            ));
        }
        let path = system_path(&Roots::of(ctx)?, text);
        let bytes = std::fs::read(&path).map_err(|e| io_error(&e, &path))?;
        let tree = Tree::parse(&decode_source(&bytes)).map_err(|e| malformed(&e))?;
        let root = tree.root().unwrap_or(0);
        Ok(Value::text(ctx.host.xml().add(tree, root)))
    })
}

/// `DOM Parse XML variable(variable {; validation {; dtd}})` (720): a Text or a BLOB.
pub(crate) fn dom_parse_xml_variable(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    checked(ctx, |ctx| {
        let source = match args.get(0) {
            Value::Text(t) => t.as_str().to_string(),
            Value::Undefined => String::new(),
            other => match crate::runtime::blob::scalar_of(other) {
                Some(bytes) => decode_source(&bytes),
                None => return Err(wrong_type(0, "a Text or a BLOB", other)),
            },
        };
        let tree = Tree::parse(&source).map_err(|e| malformed(&e))?;
        let root = tree.root().unwrap_or(0);
        Ok(Value::text(ctx.host.xml().add(tree, root)))
    })
}

/// `DOM Create XML Ref(root {; nameSpace} {; nsName; nsValue ...})` (861).
pub(crate) fn dom_create_xml_ref(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    checked(ctx, |ctx| {
        let root = args.text(0)?;
        if !tree::is_name(root) {
            return Err(bad_name(root));
        }
        let (mut tree, id) = Tree::with_root(root);
        if args.len() > 1 {
            let namespace = args.text(1)?;
            if !namespace.is_empty() {
                let attribute = match root.split_once(':') {
                    Some((prefix, _)) => format!("xmlns:{prefix}"),
                    None => "xmlns".to_string(),
                };
                tree.set_attribute(id, &attribute, namespace.to_string());
            }
        } else if root.contains(':') {
            return Err(RuntimeError::new(code::BAD_NAME, format!("the prefix of \"{root}\" needs a namespace")));
        }
        let mut i = 2;
        while i + 1 < args.len() {
            let name = args.text(i)?;
            let name = if name.starts_with("xmlns") { name.to_string() } else { format!("xmlns:{name}") };
            tree.set_attribute(id, &name, args.text(i + 1)?.to_string());
            i += 2;
        }
        Ok(Value::text(ctx.host.xml().add(tree, id)))
    })
}

/// `DOM CLOSE XML(elementRef)` (722): closes the document the element belongs to.
pub(crate) fn dom_close_xml(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    checked(ctx, |ctx| {
        let (doc, _) = node_arg(ctx, args, 0)?;
        ctx.host.xml().open.remove(&doc);
        Ok(Value::Undefined)
    })
}

/// `SVG EXPORT TO PICTURE(elementRef; pictVar {; exportType})` (1017): the
/// element's whole document, exported as `DOM EXPORT TO VAR` does, as an SVG
/// picture. `Get XML data source` (0) and `Copy XML data source` (1, the
/// default) both keep the text with the picture (fourd draws nothing, the
/// text is the picture); `Own XML data source` (2) also closes the document,
/// whose references then designate nothing (documented). A document whose
/// root is no `svg` element raises -10531.
pub(crate) fn svg_export_to_picture(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    checked(ctx, |ctx| {
        let (doc, _) = node_arg(ctx, args, 0)?;
        let mode = if args.len() > 2 { args.number(2)?.trunc() } else { 1.0 };
        if !(0.0..=2.0).contains(&mode) {
            return Err(wrong_type(2, "Get, Copy or Own XML data source (0, 1 or 2)", args.get(2)));
        }
        let tree = ctx.host.xml().tree(doc);
        let text = tree.export().ok_or_else(too_long)?;
        let picture = crate::runtime::picture::Picture::decode(text.into_bytes())
            .filter(|p| p.codec() == Some(&crate::runtime::picture::Codec::Svg))
            .ok_or_else(|| RuntimeError::new(code::MALFORMED, "the document is no SVG (its root is no svg element)"))?;
        ctx.host.assign(&args.pointer(1)?, Value::Picture(picture))?;
        if mode == 2.0 {
            ctx.host.xml().open.remove(&doc);
        }
        Ok(Value::Undefined)
    })
}

/// The bytes of an exported document, in the encoding of its declaration.
fn encoded(tree: &Tree, text: &str) -> Vec<u8> {
    match encoding_rs::Encoding::for_label(tree.declaration.encoding.as_bytes()) {
        Some(encoding) if encoding != encoding_rs::UTF_8 => {
            if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
                let le = encoding == encoding_rs::UTF_16LE;
                text.encode_utf16().flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() }).collect()
            } else {
                encoding.encode(text).0.into_owned()
            }
        }
        _ => text.as_bytes().to_vec(),
    }
}

/// `DOM EXPORT TO VAR(elementRef; vXmlVar)` (863): the whole document, into a Text or a BLOB.
pub(crate) fn dom_export_to_var(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    checked(ctx, |ctx| {
        let (doc, _) = node_arg(ctx, args, 0)?;
        let tree = ctx.host.xml().tree(doc);
        let text = tree.export().ok_or_else(too_long)?;
        let bytes = encoded(tree, &text);
        let pointer = args.pointer(1)?;
        match ctx.host.variable_type(&pointer)? {
            types::IS_BLOB | types::IS_OBJECT => crate::commands::blob::put_blob(ctx, &pointer, bytes),
            _ => ctx.host.assign(&pointer, Value::text(text)),
        }?;
        Ok(Value::Undefined)
    })
}

/// `DOM EXPORT TO FILE(elementRef; filePath)` (862).
pub(crate) fn dom_export_to_file(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    checked(ctx, |ctx| {
        let (doc, _) = node_arg(ctx, args, 0)?;
        let text = args.text(1)?;
        if text.is_empty() {
            return Err(RuntimeError::new(code::INVALID_REFERENCE, "an empty path names no document"));
        }
        let path = system_path(&Roots::of(ctx)?, text);
        let tree = ctx.host.xml().tree(doc);
        let bytes = encoded(tree, &tree.export().ok_or_else(too_long)?);
        std::fs::write(&path, bytes).map_err(|e| io_error(&e, &path))?;
        Ok(Value::Undefined)
    })
}

/// `DOM SET XML DECLARATION(elementRef; encoding {; standalone {; indentation}})` (859).
pub(crate) fn dom_set_xml_declaration(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    checked(ctx, |ctx| {
        let (doc, _) = node_arg(ctx, args, 0)?;
        let encoding = args.text(1)?.to_string();
        let standalone = if args.len() > 2 { Some(args.boolean(2)?) } else { None };
        let indentation = if args.len() > 3 { Some(args.boolean(3)?) } else { None };
        let tree = ctx.host.xml().tree(doc);
        // A character set fourd cannot write is UTF-8 (documented).
        tree.declaration.encoding =
            if encoding_rs::Encoding::for_label(encoding.as_bytes()).is_some() { encoding } else { "UTF-8".into() };
        if let Some(standalone) = standalone {
            tree.declaration.standalone = standalone;
        }
        if let Some(indent) = indentation {
            tree.options[tree::option::INDENTATION] =
                if indent { tree::option::WITH_INDENTATION } else { tree::option::NO_INDENTATION };
        }
        Ok(Value::Undefined)
    })
}

/// `DOM Get XML information(elementRef; xmlInfo)` (721).
pub(crate) fn dom_get_xml_information(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    checked(ctx, |ctx| {
        let (doc, _) = node_arg(ctx, args, 0)?;
        let selector = args.number(1)?.trunc() as i32;
        let tree = ctx.host.xml().tree(doc);
        let doctype = tree.nodes[0].children.iter().find_map(|&c| match tree.kind(c) {
            Kind::Doctype(t) => Some(t.clone()),
            _ => None,
        });
        let doctype = doctype.unwrap_or_default();
        // `name PUBLIC "fpi" "uri"` or `name SYSTEM "uri"`, then an internal subset.
        let quoted: Vec<&str> = doctype.split(['"', '\'']).skip(1).step_by(2).collect();
        let public = doctype.contains(" PUBLIC ");
        let value = match selector {
            1 if public => quoted.first().copied().unwrap_or("").to_string(),
            2 | 6 => quoted.get(usize::from(public)).copied().unwrap_or("").to_string(),
            3 => doctype.split_whitespace().next().unwrap_or("").to_string(),
            4 => tree.declaration.encoding.clone(),
            5 => tree.declaration.version.clone(),
            _ => String::new(),
        };
        Ok(Value::text(value))
    })
}

/// `XML SET OPTIONS(elementRef; selector; value {; selector; value ...})` (1090).
/// An empty reference sets the options of the documents the process makes next.
pub(crate) fn xml_set_options(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    checked(ctx, |ctx| {
        let doc = if args.text(0)?.is_empty() { None } else { Some(node_arg(ctx, args, 0)?.0) };
        let mut i = 1;
        while i + 1 < args.len() {
            let selector = option_selector(args, i)?;
            let value = args.number(i + 1)?.trunc() as i32;
            let docs = ctx.host.xml();
            match doc {
                Some(doc) => docs.tree(doc).options[selector] = value,
                None => docs.defaults[selector] = value,
            }
            i += 2;
        }
        Ok(Value::Undefined)
    })
}

/// `XML GET OPTIONS(elementRef; selector; value {; selector; value ...})` (1096).
pub(crate) fn xml_get_options(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    checked(ctx, |ctx| {
        let doc = if args.text(0)?.is_empty() { None } else { Some(node_arg(ctx, args, 0)?.0) };
        let mut i = 1;
        while i + 1 < args.len() {
            let selector = option_selector(args, i)?;
            let docs = ctx.host.xml();
            let value = match doc {
                Some(doc) => docs.tree(doc).options[selector],
                None => docs.defaults[selector],
            };
            ctx.host.assign(&args.pointer(i + 1)?, Value::Real(f64::from(value)))?;
            i += 2;
        }
        Ok(Value::Undefined)
    })
}

fn option_selector(args: &Args<'_>, i: usize) -> Result<usize, RuntimeError> {
    let selector = args.number(i)?.trunc();
    if (1.0..=10.0).contains(&selector) {
        Ok(selector as usize)
    } else {
        Err(crate::commands::bad_argument(&format!("{selector} is no XML option selector")))
    }
}

/// An export longer than a text can be.
fn too_long() -> RuntimeError {
    RuntimeError::new(
        crate::runtime::error::codes::NOT_ENOUGH_MEMORY,
        "the exported XML would be longer than a text can be",
    )
}

fn bad_name(name: &str) -> RuntimeError {
    RuntimeError::new(code::BAD_NAME, format!("\"{name}\" is not a valid XML name"))
}

/// Gives the array variable of argument `i` these elements (its own element type kept).
fn fill_array(
    ctx: &mut Ctx<'_>,
    args: &Args<'_>,
    i: usize,
    ty: ArrayType,
    items: Vec<Value>,
) -> Result<(), RuntimeError> {
    let pointer = args.pointer(i)?;
    let ty = match ctx.host.deref(&pointer)? {
        Value::Array(a) => a.borrow().ty,
        _ => ty,
    };
    let mut array = Array::new(ty, 0);
    for item in items {
        array.items.push(ty.element(item).unwrap_or_else(|| ty.default_value()));
    }
    ctx.host.assign(&pointer, Value::new_array(array))
}
