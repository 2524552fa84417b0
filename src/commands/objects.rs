//! Commands of the "Objects (Language)" and "Collections" themes, and JSON.
//!
//! Property names are case-sensitive. Values are stored as objects and
//! collections store them (see [`stored`]). The commands that take a type
//! constant (`OB Get`, `JSON Parse`) convert through [`convert`].

use super::{Args, Ctx};
use crate::runtime::class;
use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::format;
use crate::runtime::json;
use crate::runtime::shared;
use crate::runtime::types::{ArrayType, code};
use crate::runtime::value::{Array, ArrayRef, Date, ObjectRef, Pointer, Props, Value, key};

/// The number of `New object`, which resolution may turn into an `ExprKind::NewObject`.
pub const NEW_OBJECT: u32 = 1471;

/// `New object({name; value; ...})` (1471).
pub(crate) fn new_object(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    if !args.len().is_multiple_of(2) {
        return Err(super::bad_argument("New object takes pairs of a property name and a value"));
    }
    let mut props = Props::with_capacity(args.len() / 2);
    for pair in 0..args.len() / 2 {
        let name = args.text(pair * 2)?;
        props.insert(key(name), stored(args.get(pair * 2 + 1)));
    }
    Ok(Value::new_object(props))
}

/// `New collection({value; ...})` (1472).
pub(crate) fn new_collection(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::new_collection(args.values.iter().map(stored).collect()))
}

/// A value as an object or collection stores it (see [`Value::stored`]).
pub(crate) fn stored(value: &Value) -> Value {
    value.clone().stored()
}

/// `OB Keys(object)` (1719): the property names, in creation order.
pub(crate) fn ob_keys(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let keys = match args.object(0)? {
        Some(o) => o.borrow().props.keys().map(|k| Value::Text(k.clone())).collect(),
        None => Vec::new(),
    };
    Ok(Value::new_collection(keys))
}

/// `OB Values(object)` (1718): the property values, in creation order (objects
/// and collections are the same instances, not copies).
pub(crate) fn ob_values(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let values = match args.object(0)? {
        Some(o) => o.borrow().props.values().cloned().collect(),
        None => Vec::new(),
    };
    Ok(Value::new_collection(values))
}

/// `OB Entries(object)` (1720): `[{key; value}...]`, in creation order.
pub(crate) fn ob_entries(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let entries = match args.object(0)? {
        Some(o) => o
            .borrow()
            .props
            .iter()
            .map(|(k, v)| {
                let mut entry = Props::default();
                entry.insert(crate::runtime::value::key("key"), Value::Text(k.clone()));
                entry.insert(crate::runtime::value::key("value"), v.clone());
                Value::new_object(entry)
            })
            .collect(),
        None => Vec::new(),
    };
    Ok(Value::new_collection(entries))
}

/// The object `OB SET` and `OB SET NULL` change.
enum Target {
    Local(ObjectRef),
    Shared(std::sync::Arc<shared::SharedObject>),
}

impl Target {
    /// Sets a property as the command does: in a shared object only inside `Use`.
    fn set(&self, name: &str, value: &Value) -> Result<(), RuntimeError> {
        match self {
            Target::Local(object) => {
                object.borrow_mut().props.insert(key(name), stored(value));
                Ok(())
            }
            Target::Shared(object) => object.set(name, value),
        }
    }
}

/// The object the first argument designates. A variable (or array element,
/// or pointed variable) that holds no object gets a new one, as in 4D.
fn object_to_change(ctx: &mut Ctx<'_>, args: &Args<'_>, command: &str) -> Result<Target, RuntimeError> {
    let value = match args.get(0) {
        Value::Pointer(variable) => ctx.host.deref(variable)?,
        other => other.clone(),
    };
    match (value, args.get(0)) {
        (Value::Object(object), _) if crate::runtime::blob::boxed(&object.borrow()).is_some() => {
            Err(RuntimeError::new(codes::READ_ONLY_PROPERTY, format!("{command} cannot change a 4D.Blob")))
        }
        (Value::Object(object), _) => Ok(Target::Local(object)),
        (Value::SharedObject(object), _) => Ok(Target::Shared(object)),
        (Value::Null | Value::Undefined, Value::Pointer(variable)) => {
            let created = ObjectRef::default();
            ctx.host.assign(variable, Value::Object(created.clone()))?;
            Ok(Target::Local(created))
        }
        (other, Value::Pointer(variable)) => Err(RuntimeError::new(
            codes::NOT_AN_OBJECT,
            format!("{command} needs an object, and `{}` holds {}", variable.name(), other.type_name()),
        )),
        (Value::Null | Value::Undefined, _) => Err(RuntimeError::new(
            codes::NOT_AN_OBJECT,
            format!("{command} needs an object, and this expression holds none"),
        )),
        (other, _) => Err(super::wrong_type(0, "an object", &other)),
    }
}

/// `OB SET(object; name; value {; name2; value2...})` (1220).
pub(crate) fn ob_set(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    if args.len().is_multiple_of(2) {
        return Err(super::bad_argument("OB SET takes an object, then pairs of a property name and a value"));
    }
    let object = object_to_change(ctx, args, "OB SET")?;
    for pair in 0..(args.len() - 1) / 2 {
        object.set(args.text(1 + pair * 2)?, args.get(2 + pair * 2))?;
    }
    Ok(Value::Undefined)
}

/// `OB SET NULL(object; name)` (1233).
pub(crate) fn ob_set_null(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let object = object_to_change(ctx, args, "OB SET NULL")?;
    object.set(args.text(1)?, &Value::Null)?;
    Ok(Value::Undefined)
}

/// `OB REMOVE(object; name)` (1226): nothing happens when the property or the object is missing.
pub(crate) fn ob_remove(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let name = args.text(1)?;
    // A shared object: `OB REMOVE` takes the lock by itself, as documented.
    if let Value::SharedObject(object) = args.get(0) {
        object.membership.lock("OB REMOVE")?;
        object.remove(name);
        object.membership.unlock();
        return Ok(Value::Undefined);
    }
    if let Some(object) = args.object(0)? {
        object.borrow_mut().props.shift_remove(name);
    }
    Ok(Value::Undefined)
}

/// `OB Get(object; name {; type})` (1224): the property's value (undefined when
/// missing), converted to `type` when given.
pub(crate) fn ob_get(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let name = args.text(1)?;
    let value = match args.object(0)? {
        Some(object) => object.borrow().props.get(name).cloned().unwrap_or_default(),
        None => Value::Undefined,
    };
    if args.len() > 2 { convert(value, args.number(2)?, "OB Get") } else { Ok(value) }
}

/// `OB Get type(object; name)` (1230): the `Value type` of the property;
/// `Is undefined` when it is missing.
pub(crate) fn ob_get_type(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let name = args.text(1)?;
    let code =
        match args.object(0)? {
            Some(object) => object.borrow().props.get(name).map_or(code::IS_UNDEFINED, |v| {
                if matches!(v, Value::Long(_)) { code::IS_REAL } else { v.value_type() }
            }),
            None => 5,
        };
    Ok(Value::Real(f64::from(code)))
}

/// `OB Is defined(object {; name})` (1231): without a name, whether the
/// argument is an object; with one, whether the object has that property.
pub(crate) fn ob_is_defined(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let object = args.object(0)?;
    Ok(Value::Bool(match object {
        None => false,
        Some(_) if args.len() < 2 => true,
        Some(o) => o.borrow().props.contains_key(args.text(1)?),
    }))
}

/// `OB Is empty(object)` (1297): True for a missing object or one without properties.
pub(crate) fn ob_is_empty(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Bool(args.object(0)?.is_none_or(|o| o.borrow().props.is_empty())))
}

/// What a copy calls to replace a pointer by the value it points to.
type Resolve<'r> = dyn FnMut(&Pointer) -> Result<Value, RuntimeError> + 'r;

/// The option bits of `ck resolve pointers` and `ck shared`.
const CK_RESOLVE_POINTERS: i64 = 1;
const CK_SHARED: i64 = 2;

/// The options of `OB Copy` and `collection.copy()`: whether the copy is
/// shared (`ck shared`), and whether pointers are replaced by what they point
/// to (`ck resolve pointers`, or `True` in the former syntax).
pub(crate) fn copy_options(option: &Value) -> Result<(bool, bool), RuntimeError> {
    let bits = match option {
        Value::Undefined => 0,
        Value::Bool(resolve) => i64::from(*resolve) * CK_RESOLVE_POINTERS,
        other => match other.as_number() {
            Some(n) => n.trunc() as i64,
            None => {
                return Err(super::bad_argument(&format!("a copy option must be a number, not {}", other.type_name())));
            }
        },
    };
    Ok((bits & CK_SHARED != 0, bits & CK_RESOLVE_POINTERS != 0))
}

/// A copy of `value` as `OB Copy` and `.copy()` make it: standard, or shared
/// with `ck shared` (in the group of `group_with` when given); with `ck
/// resolve pointers`, each pointer is replaced by (a copy of) the value of
/// what it points to.
pub(crate) fn copy_value(
    ctx: &mut Ctx<'_>,
    value: &Value,
    option: &Value,
    group_with: Option<&Value>,
) -> Result<Value, RuntimeError> {
    let (shared, resolve) = copy_options(option)?;
    let mut deref = |pointer: &Pointer| ctx.host.deref(pointer);
    let resolver: Option<&mut Resolve<'_>> = if resolve { Some(&mut deref) } else { None };
    let copy = copy_deep(value, 0, resolver)?;
    if !shared {
        return Ok(copy);
    }
    let group = match group_with {
        None => None,
        Some(value) => Some(shared::membership(value).ok_or_else(|| {
            super::bad_argument(&format!(
                "the group to copy into must be a shared object or collection, not {}",
                value.type_name()
            ))
        })?),
    };
    if let Some(group) = group
        && !group.group().held_by(shared::current_process())
    {
        return Err(RuntimeError::new(
            codes::OUTSIDE_USE,
            "a copy joins a shared group only between Use and End use of that group",
        ));
    }
    shared::share_copy(&copy, group, 0)
}

/// `OB Copy(object {; resolvePointers | option {; groupWith}})` (1225): a deep
/// copy, standard (also of a shared object) or shared with `ck shared`.
pub(crate) fn ob_copy(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    match args.get(0) {
        value @ (Value::Object(_) | Value::SharedObject(_)) => {
            copy_value(ctx, value, args.get(1), (args.len() > 2).then(|| args.get(2)))
        }
        Value::Null | Value::Undefined => Ok(Value::Null),
        other => Err(super::bad_argument(&format!("OB Copy expects an object, not {}", other.type_name()))),
    }
}

/// A deep copy: objects and collections are new instances, to any depth up
/// to [`json::MAX_DEPTH`] (an object that contains itself cannot be copied);
/// pointers are replaced through `resolve` when it is given.
fn copy_deep<'r>(value: &Value, depth: usize, mut resolve: Option<&mut Resolve<'r>>) -> Result<Value, RuntimeError> {
    let deeper = || {
        if depth >= json::MAX_DEPTH { Err(too_deep()) } else { Ok(depth + 1) }
    };
    Ok(match value {
        // A 4D.Blob cannot change: its copy is itself.
        Value::Object(_) if crate::runtime::blob::scalar_of(value).is_some() => value.clone(),
        Value::Object(o) => {
            let depth = deeper()?;
            let mut props = Props::default();
            for (k, v) in &o.borrow().props {
                props.insert(k.clone(), copy_deep(v, depth, resolve.as_deref_mut())?);
            }
            Value::new_object(props)
        }
        Value::Collection(c) => {
            let depth = deeper()?;
            let mut items = Vec::new();
            for v in c.borrow().iter() {
                items.push(copy_deep(v, depth, resolve.as_deref_mut())?);
            }
            Value::new_collection(items)
        }
        Value::SharedObject(o) => {
            let depth = deeper()?;
            let mut props = Props::default();
            for (k, v) in o.entries() {
                props.insert(key(&k), copy_deep(&v, depth, resolve.as_deref_mut())?);
            }
            Value::new_object(props)
        }
        Value::SharedCollection(c) => {
            let depth = deeper()?;
            let mut items = Vec::new();
            for v in &c.values() {
                items.push(copy_deep(v, depth, resolve.as_deref_mut())?);
            }
            Value::new_collection(items)
        }
        Value::Pointer(p) if resolve.is_some() => {
            let depth = deeper()?;
            let target = match resolve.as_deref_mut() {
                Some(resolve) => resolve(p)?,
                None => Value::Undefined,
            };
            copy_deep(&target, depth, resolve)?
        }
        other => other.clone(),
    })
}

/// `New shared object({name; value; ...})` (1526).
pub(crate) fn new_shared_object(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    if !args.len().is_multiple_of(2) {
        return Err(super::bad_argument("New shared object takes pairs of a property name and a value"));
    }
    let object = shared::SharedObject::new();
    for pair in 0..args.len() / 2 {
        object.set_unchecked(args.text(pair * 2)?, &args.get(pair * 2 + 1).clone().stored())?;
    }
    Ok(Value::SharedObject(object))
}

/// `New shared collection({value; ...})` (1527).
pub(crate) fn new_shared_collection(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let collection = shared::SharedCollection::new();
    let values: Vec<Value> = args.values.iter().map(|v| v.clone().stored()).collect();
    collection.replace_all(&values)?;
    Ok(Value::SharedCollection(collection))
}

/// `Storage` (1525): the run's shared storage object.
pub(crate) fn storage(ctx: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(ctx.host.storage())
}

/// `OB Is shared(value)` (1759): whether it is a shared object or collection.
pub(crate) fn ob_is_shared(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Bool(match args.get(0) {
        Value::SharedObject(_) | Value::SharedCollection(_) => true,
        // A class object is a shared object (documented): fourd's are read-only.
        Value::Object(o) => o.borrow().defines().is_some(),
        _ => false,
    }))
}

/// The error for objects and collections nested too deeply (or containing themselves).
pub(crate) fn too_deep() -> RuntimeError {
    RuntimeError::new(
        codes::BAD_ARGUMENTS,
        format!(
            "objects and collections are nested more than {} levels deep (does one contain itself?)",
            json::MAX_DEPTH
        ),
    )
}

/// `JSON Stringify(value {; *})` (1217); `*` indents with tabs.
pub(crate) fn json_stringify(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    format::try_json(args.get(0), args.star).map(Value::text).ok_or_else(too_deep)
}

/// `JSON Parse(text {; type} {; *})` (1218): numbers become Reals, objects keep
/// their property order, `"YYYY-MM-DD"` strings become dates. `type` converts
/// the result; `*` adds a `__symbols` property to an object result.
pub(crate) fn json_parse(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let text = args.text(0)?;
    let (value, symbols) = json::parse(text, args.star).map_err(|e| {
        RuntimeError::new(
            codes::BAD_ARGUMENTS,
            format!("JSON Parse: the text is not valid JSON ({} at line {}, column {})", e.message, e.line, e.column),
        )
    })?;
    let value = if args.len() > 1 { convert(value, args.number(1)?, "JSON Parse")? } else { value };
    if let (true, Value::Object(o)) = (args.star, &value) {
        let mut table = Props::default();
        for symbol in symbols {
            let mut place = Props::default();
            place.insert(crate::runtime::value::key("line"), Value::Real(symbol.line as f64));
            place.insert(crate::runtime::value::key("offset"), Value::Real(symbol.offset as f64));
            table.insert(crate::runtime::value::key(symbol.path.as_str()), Value::new_object(place));
        }
        o.borrow_mut().props.insert(crate::runtime::value::key("__symbols"), Value::new_object(table));
    }
    Ok(value)
}

/// A value converted to the type named by a type constant, as `OB Get` and
/// `JSON Parse` do with their `type` argument. A missing value or null gives the
/// type's empty value (Null for objects and collections).
pub(crate) fn convert(value: Value, to: f64, command: &str) -> Result<Value, RuntimeError> {
    let empty = matches!(value, Value::Undefined | Value::Null);
    let number = |value: &Value| match value {
        Value::Real(n) => *n,
        Value::Long(n) => f64::from(*n),
        Value::Time(t) => *t as f64,
        Value::Bool(b) => f64::from(u8::from(*b)),
        Value::Text(t) => super::string::num_of_text(t.as_str()),
        _ => 0.0,
    };
    let ty = to as i64;
    Ok(match i32::try_from(ty).unwrap_or(i32::MIN) {
        code::IS_TEXT => match &value {
            _ if empty => Value::text(""),
            Value::Text(_) => value,
            Value::Date(d) => Value::text(format::json_date(*d)),
            other => Value::text(format::string_of(other)),
        },
        code::IS_REAL => Value::Real(number(&value)),
        code::IS_INTEGER | code::IS_LONGINT => {
            let n = number(&value).trunc();
            Value::Long(if n.is_nan() { 0 } else { n.clamp(f64::from(i32::MIN), f64::from(i32::MAX)) as i32 })
        }
        code::IS_BOOLEAN => Value::Bool(match &value {
            Value::Bool(b) => *b,
            Value::Text(t) => t.as_str().trim().eq_ignore_ascii_case("true"),
            Value::Object(_) | Value::Collection(_) => value.truthy(),
            other => number(other) != 0.0,
        }),
        code::IS_DATE => Value::Date(match &value {
            Value::Date(d) => *d,
            Value::Text(t) => date_in_text(t.as_str()),
            _ => Date::NULL,
        }),
        code::IS_TIME => Value::Time(match &value {
            Value::Text(t) if t.as_str().contains(':') => time_in_text(t.as_str()),
            other => {
                let n = number(other).trunc();
                if n.is_finite() { n as i64 } else { 0 }
            }
        }),
        code::IS_OBJECT => {
            if matches!(value, Value::Object(_)) {
                value
            } else {
                Value::Null
            }
        }
        code::IS_COLLECTION => {
            if matches!(value, Value::Collection(_)) {
                value
            } else {
                Value::Null
            }
        }
        code::IS_NULL => Value::Null,
        code::IS_PICTURE | code::IS_POINTER => {
            return Err(RuntimeError::new(
                codes::NOT_SUPPORTED,
                format!("{command}: pictures and pointers are not supported by fourd yet"),
            ));
        }
        _ => return Err(super::bad_argument(&format!("{command} cannot convert to the type {ty}"))),
    })
}

/// The date at the start of an ISO text (`2010-01-30` or `2010-01-30T23:00:00Z`,
/// whose date part is taken as written); the null date otherwise.
fn date_in_text(text: &str) -> Date {
    let text = text.trim();
    let head = text.get(..10).unwrap_or(text);
    match text.as_bytes().get(10) {
        None | Some(b'T' | b't' | b' ') => json::iso_date(head).unwrap_or(Date::NULL),
        Some(_) => Date::NULL,
    }
}

/// The seconds of an `H:MM:SS` or `H:MM` text (maybe negative); 0 otherwise.
fn time_in_text(text: &str) -> i64 {
    let text = text.trim();
    let (sign, body) = match text.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, text),
    };
    let parts: Vec<Option<i64>> = body.split(':').map(|p| p.trim().parse::<i64>().ok()).collect();
    match parts[..] {
        [Some(h), Some(m)] => sign * h.saturating_mul(3600).saturating_add(m.saturating_mul(60)),
        [Some(h), Some(m), Some(s)] => {
            sign * h.saturating_mul(3600).saturating_add(m.saturating_mul(60)).saturating_add(s)
        }
        _ => 0,
    }
}

/// `4D` (1709): the store of the built-in classes fourd has (`4D.Object`,
/// `4D.Function`, `4D.Class`), the same object on every call.
pub(crate) fn four_d(_: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(class::builtin_store())
}

/// `OB Class(object)` (1730): the class object of the object's class; Null
/// for a value that is not an object.
pub(crate) fn ob_class(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    match ctx.host.class_of(args.get(0))? {
        Some(class) => ctx.host.class_object(&class),
        None => Ok(Value::Null),
    }
}

/// `OB Instance of(object; class)` (1731): whether the object's class is
/// `class` or inherits from it; error -10745 when `class` is not a class object.
pub(crate) fn ob_instance_of(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let target = match args.get(1) {
        Value::Object(o) => o.borrow().defines(),
        _ => None,
    };
    let Some(target) = target else {
        return Err(RuntimeError::new(
            codes::NOT_A_CLASS,
            format!("OB Instance of needs a class object, not {}", args.get(1).type_name()),
        ));
    };
    Ok(Value::Bool(ctx.host.class_of(args.get(0))?.is_some_and(|class| class.descends_from(&target))))
}

/// The array a by-reference argument designates; a variable that holds no
/// array yet gets a new empty array of type `ty`.
fn array_or_new(ctx: &mut Ctx<'_>, args: &Args<'_>, i: usize, ty: ArrayType) -> Result<ArrayRef, RuntimeError> {
    let pointer = args.pointer(i)?;
    match ctx.host.deref(&pointer)? {
        Value::Array(a) => Ok(a),
        Value::Undefined => {
            ctx.host.assign(&pointer, Value::new_array(Array::new(ty, 0)))?;
            match ctx.host.deref(&pointer)? {
                Value::Array(a) => Ok(a),
                other => Err(super::wrong_type(i, "an array", &other)),
            }
        }
        other => Err(super::wrong_type(i, "an array", &other)),
    }
}

/// Fills `array` with `values` (converted to its type), element 0 kept.
fn fill_array(array: &ArrayRef, values: impl Iterator<Item = Value>) {
    let mut a = array.borrow_mut();
    let ty = a.ty;
    a.items.truncate(1);
    a.items.extend(values.map(|v| ty.element(v).unwrap_or_else(|| ty.default_value())));
}

/// `OB GET PROPERTY NAMES(object; names {; types})` (1232): the property
/// names in creation order, and the `Value type` of each property (`Is real`
/// for every number, `Is collection` for a collection).
pub(crate) fn ob_get_property_names(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let props: Vec<(String, i32)> = match args.object(0)? {
        Some(o) => o
            .borrow()
            .props
            .iter()
            .map(|(k, v)| (k.to_string(), if matches!(v, Value::Long(_)) { code::IS_REAL } else { v.value_type() }))
            .collect(),
        None => Vec::new(),
    };
    let names = array_or_new(ctx, args, 1, ArrayType::Text)?;
    fill_array(&names, props.iter().map(|(k, _)| Value::text(k.as_str())));
    if args.len() > 2 {
        let kinds = array_or_new(ctx, args, 2, ArrayType::Longint)?;
        fill_array(&kinds, props.iter().map(|(_, t)| Value::Real(f64::from(*t))));
    }
    Ok(Value::Undefined)
}

/// `OB GET ARRAY(object; property; array)` (1229): the collection the
/// property holds, into the array (converted to its type); a missing or null
/// property empties the array, and any other value is its only element.
pub(crate) fn ob_get_array(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let value = match args.object(0)? {
        Some(o) => o.borrow().props.get(args.text(1)?).cloned().unwrap_or_default(),
        None => return Err(RuntimeError::new(codes::NOT_AN_OBJECT, "OB GET ARRAY needs an object")),
    };
    let items = match value {
        Value::Collection(c) => c.borrow().clone(),
        Value::SharedCollection(c) => c.values(),
        Value::Null | Value::Undefined => Vec::new(),
        other => vec![other],
    };
    let array = ctx.array(args, 2)?;
    fill_array(&array, items.into_iter());
    Ok(Value::Undefined)
}

/// `OB SET ARRAY(object; property; array)` (1227): the property becomes a
/// collection of the array's elements (element 0 left out), as they are at
/// the call; a variable that is no array gives a collection of its value.
pub(crate) fn ob_set_array(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let pointer = args.pointer(2)?;
    let items: Vec<Value> = match ctx.host.deref(&pointer)? {
        Value::Array(a) => a.borrow().items.iter().skip(1).map(stored).collect(),
        other => vec![stored(&other)],
    };
    let object = object_to_change(ctx, args, "OB SET ARRAY")?;
    let collection = Value::new_collection(items);
    let collection = match &object {
        // A shared object gets a shared collection of its group.
        Target::Shared(shared) => shared::share_copy(&collection, Some(&shared.membership), 0)?,
        Target::Local(_) => collection,
    };
    object.set(args.text(1)?, &collection)?;
    Ok(Value::Undefined)
}
