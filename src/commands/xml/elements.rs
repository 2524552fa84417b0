//! The DOM commands on elements: finding them (by path, by ID, by name and
//! index), moving from one to its relatives, their names, values and
//! attributes, and creating, copying and removing them.

use base64::Engine;

use super::tree::{Kind, Tree, node_type, option};
use super::{NO_REFERENCE, bad_name, checked, code, element_arg, fill_array, node_arg, path, reference, tree::is_name};
use crate::commands::{Args, Ctx};
use crate::runtime::error::RuntimeError;
use crate::runtime::types::code as types;
use crate::runtime::value::{ArrayType, Date, Value};

/// A value as XML text: numbers with a `.`, Booleans as `true`/`false`,
/// dates and times as `XML SET OPTIONS`' defaults write them (ISO date,
/// `0000-00-00Thh:mm:ss`; in an attribute, an RFC 3339 date and seconds),
/// BLOBs in Base64.
fn xml_text(value: &Value, attribute: bool) -> String {
    match value {
        Value::Text(t) => t.as_str().to_string(),
        Value::Real(n) => number_text(*n),
        Value::Long(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Date(d) if attribute => format!("{:04}-{:02}-{:02}T00:00:00Z", d.year, d.month, d.day),
        Value::Date(d) => format!("{:04}-{:02}-{:02}", d.year, d.month, d.day),
        Value::Time(t) if attribute => t.to_string(),
        Value::Time(t) => format!("0000-00-00T{:02}:{:02}:{:02}", t / 3600, t % 3600 / 60, t % 60),
        other => match crate::runtime::blob::scalar_of(other) {
            Some(bytes) => base64::engine::general_purpose::STANDARD.encode(bytes.as_slice()),
            None => String::new(),
        },
    }
}

fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 { format!("{}", n as i64) } else { format!("{n}") }
}

/// Text read from XML as a value for a variable of type `ty`.
fn typed(text: &str, ty: i32) -> Value {
    let trimmed = text.trim();
    match ty {
        types::IS_REAL | types::IS_INTEGER | types::IS_LONGINT => Value::Real(trimmed.parse().unwrap_or(0.0)),
        types::IS_BOOLEAN => Value::Bool(trimmed == "true" || trimmed == "1"),
        types::IS_DATE => {
            let mut parts = trimmed.get(..10).unwrap_or("").split('-').map(|p| p.parse::<u16>().unwrap_or(0));
            let (year, month, day) = (parts.next(), parts.next(), parts.next());
            match (year, month, day) {
                (Some(year), Some(month), Some(day)) => {
                    Value::Date(Date { year, month: month.min(12) as u8, day: day.min(31) as u8 })
                }
                _ => Value::Date(Date::NULL),
            }
        }
        types::IS_TIME => {
            let clock = trimmed.rsplit('T').next().unwrap_or("");
            let parts: Vec<i64> = clock.split(':').map(|p| p.trim_end_matches('Z').parse().unwrap_or(0)).collect();
            match parts.as_slice() {
                [h, m, s, ..] => Value::Time(h * 3600 + m * 60 + s),
                [seconds] => Value::Time(*seconds),
                _ => Value::Time(0),
            }
        }
        types::IS_BLOB => {
            Value::Blob(std::rc::Rc::new(base64::engine::general_purpose::STANDARD.decode(trimmed).unwrap_or_default()))
        }
        _ => Value::text(text),
    }
}

/// Assigns text read from XML to the variable of by-reference argument `i`, converted to its type.
fn put_text(ctx: &mut Ctx<'_>, args: &Args<'_>, i: usize, text: &str) -> Result<(), RuntimeError> {
    let pointer = args.pointer(i)?;
    let ty = ctx.host.variable_type(&pointer)?;
    ctx.host.assign(&pointer, typed(text, ty))
}

/// Writes the name and value of an element found into the optional arguments `i` and `i + 1`.
fn put_name_value(ctx: &mut Ctx<'_>, args: &Args<'_>, i: usize, doc: u32, id: usize) -> Result<(), RuntimeError> {
    let tree = ctx.host.xml().tree(doc);
    let name = tree.name(id).to_string();
    let (text, cdata) = tree.value(id);
    if args.len() > i {
        ctx.host.assign(&args.pointer(i)?, Value::text(name))?;
    }
    if args.len() > i + 1 {
        put_text(ctx, args, i + 1, &(text + &cdata))?;
    }
    Ok(())
}

/// The navigation commands: the element `pick` finds from the one given, with
/// its name and value into the optional arguments; OK 0 when there is none.
fn navigate(
    ctx: &mut Ctx<'_>,
    args: &Args<'_>,
    pick: impl FnOnce(&Tree, usize) -> Option<usize>,
) -> Result<Value, RuntimeError> {
    ctx.set_ok(false)?;
    let (doc, id) = node_arg(ctx, args, 0)?;
    let Some(found) = pick(ctx.host.xml().tree(doc), id) else {
        return Ok(Value::text(NO_REFERENCE));
    };
    put_name_value(ctx, args, 1, doc, found)?;
    ctx.set_ok(true)?;
    Ok(Value::text(reference(doc, found)))
}

/// `DOM Get root XML element(elementRef)` (1053).
pub(crate) fn dom_get_root_xml_element(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    navigate(ctx, args, |tree, _| tree.root())
}

/// `DOM Get XML document ref(elementRef)` (1088): the document node, above the root.
pub(crate) fn dom_get_xml_document_ref(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    navigate(ctx, args, |_, _| Some(0))
}

/// `DOM Get parent XML element(elementRef {; parentName {; parentValue}})` (923).
pub(crate) fn dom_get_parent_xml_element(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    navigate(ctx, args, |tree, id| tree.nodes[id].parent)
}

/// `DOM Get first child XML element(elementRef {; childName {; childValue}})` (723).
pub(crate) fn dom_get_first_child_xml_element(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    navigate(ctx, args, |tree, id| tree.elements(id).next())
}

/// `DOM Get last child XML element(elementRef {; childName {; childValue}})` (925).
pub(crate) fn dom_get_last_child_xml_element(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    navigate(ctx, args, |tree, id| tree.elements(id).last())
}

/// `DOM Get next sibling XML element(elementRef {; siblingName {; siblingValue}})` (724).
pub(crate) fn dom_get_next_sibling_xml_element(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    navigate(ctx, args, |tree, id| tree.sibling(id, true))
}

/// `DOM Get previous sibling XML element(elementRef {; siblingName {; siblingValue}})` (924).
pub(crate) fn dom_get_previous_sibling_xml_element(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    navigate(ctx, args, |tree, id| tree.sibling(id, false))
}

fn case_sensitive(tree: &Tree) -> bool {
    tree.options[option::DOM_CASE_SENSITIVITY] != option::CASE_INSENSITIVE
}

/// `DOM Get XML element(elementRef; elementName; index; elementValue)` (725).
pub(crate) fn dom_get_xml_element(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    checked(ctx, |ctx| {
        let (doc, id) = node_arg(ctx, args, 0)?;
        let name = args.text(1)?;
        let index = args.number(2)?.trunc();
        let tree = ctx.host.xml().tree(doc);
        let named = path::children_named(tree, id, name, case_sensitive(tree));
        let found = (index >= 1.0).then(|| named.get(index as usize - 1).copied()).flatten().ok_or_else(|| {
            RuntimeError::new(code::NOT_FOUND, format!("the element has no child \"{name}\" number {index}"))
        })?;
        let (text, cdata) = tree.value(found);
        put_text(ctx, args, 3, &(text + &cdata))?;
        Ok(Value::text(reference(doc, found)))
    })
}

/// `DOM Count XML elements(elementRef; elementName)` (726).
pub(crate) fn dom_count_xml_elements(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    checked(ctx, |ctx| {
        let (doc, id) = node_arg(ctx, args, 0)?;
        let name = args.text(1)?;
        let tree = ctx.host.xml().tree(doc);
        Ok(Value::Real(path::children_named(tree, id, name, case_sensitive(tree)).len() as f64))
    })
}

/// `DOM Find XML element(elementRef; xPath {; arrElementRefs})` (864).
pub(crate) fn dom_find_xml_element(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    ctx.set_ok(false)?;
    let (doc, id) = node_arg(ctx, args, 0)?;
    let text = args.text(1)?;
    let expr = path::parse(text).map_err(|m| RuntimeError::new(code::BAD_PATH, format!("{m}: \"{text}\"")))?;
    let tree = ctx.host.xml().tree(doc);
    let found: Vec<usize> = path::select(tree, id, &expr).into_iter().filter(|&n| tree.is_element(n)).collect();
    let refs: Vec<Value> = found.iter().map(|&n| Value::text(reference(doc, n))).collect();
    if args.len() > 2 {
        fill_array(ctx, args, 2, ArrayType::Text, refs.clone())?;
    }
    match refs.into_iter().next() {
        Some(first) => {
            ctx.set_ok(true)?;
            Ok(first)
        }
        None => Err(RuntimeError::new(code::BAD_PATH, format!("no element matches the path \"{text}\""))),
    }
}

/// `DOM Find XML element by ID(elementRef; id)` (1010): the element whose `id` attribute is `id`.
pub(crate) fn dom_find_xml_element_by_id(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    checked(ctx, |ctx| {
        let (doc, _) = node_arg(ctx, args, 0)?;
        let wanted = args.text(1)?;
        let tree = ctx.host.xml().tree(doc);
        let found = tree.descendants(0).into_iter().find(|&n| tree.attribute(n, "id") == Some(wanted));
        let found =
            found.ok_or_else(|| RuntimeError::new(code::NOT_FOUND, format!("no element has the ID \"{wanted}\"")))?;
        Ok(Value::text(reference(doc, found)))
    })
}

/// `DOM Count XML attributes(elementRef)` (727).
pub(crate) fn dom_count_xml_attributes(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    checked(ctx, |ctx| {
        let (doc, id) = element_arg(ctx, args, 0)?;
        Ok(Value::Real(ctx.host.xml().tree(doc).attributes(id).len() as f64))
    })
}

/// `DOM GET XML ELEMENT NAME(elementRef; elementName)` (730).
pub(crate) fn dom_get_xml_element_name(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    checked(ctx, |ctx| {
        let (doc, id) = element_arg(ctx, args, 0)?;
        let name = ctx.host.xml().tree(doc).name(id).to_string();
        ctx.host.assign(&args.pointer(1)?, Value::text(name))?;
        Ok(Value::Undefined)
    })
}

/// `DOM SET XML ELEMENT NAME(elementRef; elementName)` (867).
pub(crate) fn dom_set_xml_element_name(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    checked(ctx, |ctx| {
        let (doc, id) = element_arg(ctx, args, 0)?;
        let name = args.text(1)?;
        if !is_name(name) {
            return Err(bad_name(name));
        }
        ctx.host.xml().tree(doc).rename(id, name);
        Ok(Value::Undefined)
    })
}

/// `DOM GET XML ELEMENT VALUE(elementRef; elementValue {; cDATA})` (731):
/// with `cDATA`, the value is the data only and `cDATA` gets the CDATA
/// sections; without it, the value is both.
pub(crate) fn dom_get_xml_element_value(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    checked(ctx, |ctx| {
        let (doc, id) = element_arg(ctx, args, 0)?;
        let (text, cdata) = ctx.host.xml().tree(doc).value(id);
        if args.len() > 2 {
            put_text(ctx, args, 1, &text)?;
            put_text(ctx, args, 2, &cdata)?;
        } else {
            put_text(ctx, args, 1, &(text + &cdata))?;
        }
        Ok(Value::Undefined)
    })
}

/// `DOM SET XML ELEMENT VALUE(elementRef {; xPath}; elementValue {; *})` (868).
pub(crate) fn dom_set_xml_element_value(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    checked(ctx, |ctx| {
        let (doc, mut id) = node_arg(ctx, args, 0)?;
        let value = args.get(args.len() - 1);
        if args.len() > 2 {
            let text = args.text(1)?;
            let expr = path::parse(text).map_err(|m| RuntimeError::new(code::BAD_PATH, format!("{m}: \"{text}\"")))?;
            let tree = ctx.host.xml().tree(doc);
            id = path::select(tree, id, &expr)
                .into_iter()
                .find(|&n| tree.is_element(n))
                .ok_or_else(|| RuntimeError::new(code::BAD_PATH, format!("no element matches the path \"{text}\"")))?;
        }
        let tree = ctx.host.xml().tree(doc);
        if !tree.is_element(id) {
            return Err(RuntimeError::new(code::INVALID_REFERENCE, "the reference designates no element"));
        }
        let text = xml_text(value, false).replace("\r\n", "\n").replace('\r', "\n");
        tree.set_value(id, &text, args.star);
        Ok(Value::Undefined)
    })
}

/// `DOM GET XML ATTRIBUTE BY NAME(elementRef; attribName; attribValue)` (728).
pub(crate) fn dom_get_xml_attribute_by_name(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    checked(ctx, |ctx| {
        let (doc, id) = element_arg(ctx, args, 0)?;
        let name = args.text(1)?;
        let value = ctx.host.xml().tree(doc).attribute(id, name).map(str::to_string);
        let value = value
            .ok_or_else(|| RuntimeError::new(code::NOT_FOUND, format!("the element has no attribute \"{name}\"")))?;
        put_text(ctx, args, 2, &value)?;
        Ok(Value::Undefined)
    })
}

/// `DOM GET XML ATTRIBUTE BY INDEX(elementRef; attribIndex; attribName; attribValue)` (729).
pub(crate) fn dom_get_xml_attribute_by_index(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    checked(ctx, |ctx| {
        let (doc, id) = element_arg(ctx, args, 0)?;
        let index = args.number(1)?.trunc();
        let attributes = ctx.host.xml().tree(doc).attributes(id);
        let (name, value) =
            (index >= 1.0).then(|| attributes.get(index as usize - 1).cloned()).flatten().ok_or_else(|| {
                RuntimeError::new(code::NOT_FOUND, format!("the element has no attribute number {index}"))
            })?;
        ctx.host.assign(&args.pointer(2)?, Value::text(name))?;
        put_text(ctx, args, 3, &value)?;
        Ok(Value::Undefined)
    })
}

/// Sets the attributes of the name/value pairs from argument `from` on.
fn set_attributes(ctx: &mut Ctx<'_>, args: &Args<'_>, from: usize, doc: u32, id: usize) -> Result<(), RuntimeError> {
    let mut i = from;
    while i < args.len() {
        let name = args.text(i)?;
        if !is_name(name) {
            return Err(bad_name(name));
        }
        let value = xml_text(args.get(i + 1), true);
        ctx.host.xml().tree(doc).set_attribute(id, name, value);
        i += 2;
    }
    Ok(())
}

/// `DOM SET XML ATTRIBUTE(elementRef; attribName; attribValue {; attribName2; attribValue2; ...})` (866).
pub(crate) fn dom_set_xml_attribute(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    checked(ctx, |ctx| {
        let (doc, id) = element_arg(ctx, args, 0)?;
        set_attributes(ctx, args, 1, doc, id)?;
        Ok(Value::Undefined)
    })
}

/// `DOM REMOVE XML ATTRIBUTE(elementRef; attribName)` (1084).
pub(crate) fn dom_remove_xml_attribute(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    checked(ctx, |ctx| {
        let (doc, id) = element_arg(ctx, args, 0)?;
        let name = args.text(1)?;
        if !ctx.host.xml().tree(doc).remove_attribute(id, name) {
            return Err(RuntimeError::new(code::NOT_FOUND, format!("the element has no attribute \"{name}\"")));
        }
        Ok(Value::Undefined)
    })
}

/// Creates the element a creation path designates: the steps before the
/// last are found (their missing elements made), the last is always made;
/// `name[n]` with n elements already there is inserted before the nth.
fn create_at_path(tree: &mut Tree, context: usize, text: &str) -> Result<usize, RuntimeError> {
    let bad = |m: String| RuntimeError::new(code::BAD_PATH, format!("{m}: \"{text}\""));
    let expr = path::parse(text).map_err(bad)?;
    let [path] = expr.0.as_slice() else { return Err(bad("a path to create cannot be a union".into())) };
    let mut at = if path.absolute { 0 } else { context };
    let last = path.steps.len() - 1;
    for (i, step) in path.steps.iter().enumerate() {
        let path::Test::Name(name) = &step.test else { return Err(bad("each step must be a name".into())) };
        if step.descendant || !is_name(name) {
            return Err(bad_name(name));
        }
        let existing = path::children_named(tree, at, name, true);
        let wanted = match step.predicates.as_slice() {
            [] if i == last => existing.len() + 1,
            [] | [path::Predicate::Last] => existing.len().max(1),
            [path::Predicate::Position(n)] => *n,
            _ => return Err(bad("a step to create takes only [n] or [last()]".into())),
        };
        if at == 0 {
            // The root element: named by the path, never made.
            match tree.root() {
                Some(root) if tree.name(root) == name && i != last => {
                    at = root;
                    continue;
                }
                _ => return Err(bad("the path does not start at the root element".into())),
            }
        }
        let element = || Kind::Element { name: name.clone(), attributes: Vec::new() };
        if i == last && wanted <= existing.len() {
            let before = existing[wanted - 1];
            let position = tree.nodes[at].children.iter().position(|&c| c == before).unwrap_or(0);
            at = tree.insert(at, position, element());
        } else {
            let mut made = existing.get(wanted - 1).copied();
            for _ in existing.len()..wanted {
                made = Some(tree.add(at, element()));
            }
            at = made.unwrap_or(at);
        }
    }
    Ok(at)
}

/// `DOM Create XML element(elementRef; xPath {; attribName; attribValue ...})` (865).
pub(crate) fn dom_create_xml_element(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    checked(ctx, |ctx| {
        let (doc, id) = node_arg(ctx, args, 0)?;
        let made = create_at_path(ctx.host.xml().tree(doc), id, args.text(1)?)?;
        set_attributes(ctx, args, 2, doc, made)?;
        Ok(Value::text(reference(doc, made)))
    })
}

/// `DOM Create XML element arrays(elementRef; xPath {; attribNamesArray; attribValuesArray ...})`
/// (1097): the attributes of each pair of arrays, element by element.
pub(crate) fn dom_create_xml_element_arrays(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    checked(ctx, |ctx| {
        let (doc, id) = node_arg(ctx, args, 0)?;
        let made = create_at_path(ctx.host.xml().tree(doc), id, args.text(1)?)?;
        let mut i = 2;
        while i + 1 < args.len() {
            let names = array_items(ctx, args, i)?;
            let values = array_items(ctx, args, i + 1)?;
            for (name, value) in names.iter().zip(values.iter()) {
                let name = xml_text(name, true);
                if !is_name(&name) {
                    return Err(bad_name(&name));
                }
                let value = xml_text(value, true);
                ctx.host.xml().tree(doc).set_attribute(made, &name, value);
            }
            i += 2;
        }
        Ok(Value::text(reference(doc, made)))
    })
}

/// The elements (1 on) of the array argument `i`, passed by reference or by value.
fn array_items(ctx: &mut Ctx<'_>, args: &Args<'_>, i: usize) -> Result<Vec<Value>, RuntimeError> {
    let value = match args.get(i) {
        Value::Pointer(p) => ctx.host.deref(p)?,
        other => other.clone(),
    };
    match value {
        Value::Array(a) => Ok(a.borrow().items.iter().skip(1).cloned().collect()),
        other => Err(crate::commands::wrong_type(i, "an array", &other)),
    }
}

/// Copies the element of argument 1 (of any open document) into the element
/// of argument 0, as its child number `at` (0-based; `None`: the last).
fn copy_element(ctx: &mut Ctx<'_>, args: &Args<'_>, at: Option<usize>) -> Result<Value, RuntimeError> {
    let (doc, target) = element_arg(ctx, args, 0)?;
    let (source_doc, source) = element_arg(ctx, args, 1)?;
    let docs = ctx.host.xml();
    let tree = docs.tree(doc);
    let mut ancestor = Some(target);
    while let Some(a) = ancestor {
        if source_doc == doc && a == source {
            return Err(RuntimeError::new(code::BAD_PATH, "an element cannot be copied into itself"));
        }
        ancestor = tree.nodes[a].parent;
    }
    let copy = docs.tree(source_doc).clone();
    let tree = docs.tree(doc);
    let at = at.unwrap_or(tree.nodes[target].children.len());
    Ok(Value::text(reference(doc, tree.graft(target, at, &copy, source))))
}

/// `DOM Append XML element(targetElementRef; sourceElementRef)` (1082).
pub(crate) fn dom_append_xml_element(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    checked(ctx, |ctx| copy_element(ctx, args, None))
}

/// `DOM Insert XML element(targetElementRef; sourceElementRef; childIndex)` (1083):
/// inserted before the element child number `childIndex`, or last.
pub(crate) fn dom_insert_xml_element(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    checked(ctx, |ctx| {
        let (doc, target) = element_arg(ctx, args, 0)?;
        let index = args.number(2)?.trunc();
        let tree = ctx.host.xml().tree(doc);
        let elements: Vec<usize> = tree.elements(target).collect();
        let before = (index >= 1.0).then(|| elements.get(index as usize - 1).copied()).flatten();
        let at = before.and_then(|b| tree.nodes[target].children.iter().position(|&c| c == b));
        copy_element(ctx, args, at)
    })
}

/// `DOM REMOVE XML ELEMENT(elementRef)` (869): the element and everything below it.
pub(crate) fn dom_remove_xml_element(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    checked(ctx, |ctx| {
        let (doc, id) = element_arg(ctx, args, 0)?;
        let tree = ctx.host.xml().tree(doc);
        if tree.nodes[id].parent == Some(0) {
            return Err(RuntimeError::new(code::INVALID_REFERENCE, "the root element cannot be removed"));
        }
        tree.detach(id);
        Ok(Value::Undefined)
    })
}

/// `DOM Append XML child node(elementRef; childType; childValue)` (1080).
pub(crate) fn dom_append_xml_child_node(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    checked(ctx, |ctx| {
        let (doc, id) = node_arg(ctx, args, 0)?;
        let ty = args.number(1)?.trunc() as i32;
        let value = xml_text(args.get(2), false);
        let tree = ctx.host.xml().tree(doc);
        let document = id == 0;
        // At the top, every node but the root element goes before the root.
        let before_root = if document { tree.nodes[0].children.len().saturating_sub(1) } else { usize::MAX };
        let at = |tree: &Tree| if document { before_root } else { tree.nodes[id].children.len() };
        let made = match ty {
            node_type::DATA | node_type::CDATA if document => {
                return Err(RuntimeError::new(code::BAD_PATH, "text cannot be outside the root element"));
            }
            node_type::DATA => tree.insert(id, at(tree), Kind::Text(value)),
            node_type::CDATA => tree.insert(id, at(tree), Kind::CData(value)),
            node_type::COMMENT => tree.insert(id, at(tree), Kind::Comment(value)),
            node_type::PROCESSING_INSTRUCTION => {
                let (target, data) = value.trim().split_once(char::is_whitespace).unwrap_or((value.trim(), ""));
                let kind = Kind::Instruction { target: target.to_string(), data: data.trim().to_string() };
                tree.insert(id, at(tree), kind)
            }
            node_type::DOCTYPE => {
                let old: Vec<usize> = tree.nodes[0]
                    .children
                    .iter()
                    .copied()
                    .filter(|&c| matches!(tree.kind(c), Kind::Doctype(_)))
                    .collect();
                for c in old {
                    tree.detach(c);
                }
                tree.insert(0, 0, Kind::Doctype(value.trim().to_string()))
            }
            node_type::ELEMENT => append_element(tree, id, &value)?,
            _ => return Err(crate::commands::bad_argument(&format!("{ty} is no XML node type"))),
        };
        Ok(Value::text(reference(doc, made)))
    })
}

/// An `XML ELEMENT` child: the nodes of an XML fragment, or an empty element of that name.
fn append_element(tree: &mut Tree, id: usize, value: &str) -> Result<usize, RuntimeError> {
    if is_name(value) {
        return Ok(tree.add(id, Kind::Element { name: value.to_string(), attributes: Vec::new() }));
    }
    let wrapped = format!("<fourd-fragment>{value}</fourd-fragment>");
    let fragment = Tree::parse(&wrapped).map_err(|e| {
        RuntimeError::new(code::MALFORMED, format!("the value is neither a name nor an XML fragment: {}", e.message))
    })?;
    let top = fragment.root().unwrap_or(0);
    let mut first = None;
    for &child in &fragment.nodes[top].children {
        let at = tree.nodes[id].children.len();
        let copy = tree.graft(id, at, &fragment, child);
        first.get_or_insert(copy);
    }
    first.ok_or_else(|| RuntimeError::new(code::MALFORMED, "the XML fragment is empty"))
}

/// `DOM GET XML CHILD NODES(elementRef; childTypesArr; nodeRefsArr)` (1081):
/// elements by reference, the other nodes by their text.
pub(crate) fn dom_get_xml_child_nodes(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    checked(ctx, |ctx| {
        let (doc, id) = node_arg(ctx, args, 0)?;
        let tree = ctx.host.xml().tree(doc);
        let mut kinds = Vec::new();
        let mut values = Vec::new();
        for &child in &tree.nodes[id].children {
            let (ty, value) = match tree.kind(child) {
                Kind::Element { .. } => (node_type::ELEMENT, reference(doc, child)),
                Kind::Text(t) => (node_type::DATA, t.clone()),
                Kind::CData(t) => (node_type::CDATA, t.clone()),
                Kind::Comment(t) => (node_type::COMMENT, t.clone()),
                Kind::Instruction { target, data } => {
                    (node_type::PROCESSING_INSTRUCTION, format!("{target} {data}").trim_end().to_string())
                }
                Kind::Doctype(t) => (node_type::DOCTYPE, t.clone()),
                Kind::Document => continue,
            };
            kinds.push(Value::Long(ty));
            values.push(Value::text(value));
        }
        fill_array(ctx, args, 1, ArrayType::Longint, kinds)?;
        fill_array(ctx, args, 2, ArrayType::Text, values)?;
        Ok(Value::Undefined)
    })
}
