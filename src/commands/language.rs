//! Commands of the "Language" theme: `True`, `False`, `Null`, `Not`, `Bool`,
//! `Undefined`, `Value type`, `Type`, `Count parameters`, `Copy parameters`,
//! `Current method name`, pointers (`Get pointer`, `Is nil pointer`, `Is a
//! variable`, `RESOLVE POINTER`), `CLEAR VARIABLE`, `Formula from string`, `Get database parameter`,
//! `SET DATABASE PARAMETER`.

use super::{Args, Ctx};
use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::types::code;
use crate::runtime::value::{Pointer, Value};

/// `True` (214).
pub(crate) fn true_(_: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Bool(true))
}

/// `False` (215).
pub(crate) fn false_(_: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Bool(false))
}

/// `Null` (1517).
pub(crate) fn null(_: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Null)
}

/// `Not(boolean)` (34).
pub(crate) fn not(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    match args.get(0) {
        Value::Bool(b) => Ok(Value::Bool(!b)),
        Value::Undefined => Ok(Value::Bool(true)),
        other => Err(super::bad_argument(&format!("Not expects a Boolean, not {}", other.type_name()))),
    }
}

/// `Bool(expression)` (1537): only True and non-zero numbers are True.
pub(crate) fn bool(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Bool(match args.get(0) {
        Value::Bool(b) => *b,
        Value::Real(n) => *n != 0.0,
        Value::Long(n) => *n != 0,
        _ => false,
    }))
}

/// `Undefined(expression)` (82).
pub(crate) fn undefined(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Bool(matches!(args.get(0), Value::Undefined)))
}

/// `Value type(expression)` (1509). In interpreted 4D every number is a Real.
pub(crate) fn value_type(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let ty = match args.get(0) {
        Value::Long(_) => code::IS_REAL,
        other => other.value_type(),
    };
    Ok(Value::Real(f64::from(ty)))
}

/// The number of `Count parameters`, which the resolver turns into an
/// evaluator intrinsic (the handler below serves any other caller).
pub const COUNT_PARAMETERS: u32 = 259;

/// `Count parameters` (259).
pub(crate) fn count_parameters(ctx: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Real(ctx.host.count_parameters() as f64))
}

/// `Current method name` (684).
pub(crate) fn current_method_name(ctx: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::text(ctx.host.current_method_name()))
}

/// `Type(variable)` (295): the declared type of a variable (`Is variant`
/// for a Variant), the value's type for an undeclared one, an array's type.
pub(crate) fn type_(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let pointer = args.pointer(0)?;
    Ok(Value::Real(f64::from(ctx.host.variable_type(&pointer)?)))
}

/// `Is nil pointer(pointer)` (315).
pub(crate) fn is_nil_pointer(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    match args.get(0) {
        Value::Pointer(_) => Ok(Value::Bool(false)),
        Value::Null | Value::Undefined => Ok(Value::Bool(true)),
        other => Err(super::bad_argument(&format!("Is nil pointer expects a pointer, not {}", other.type_name()))),
    }
}

/// `Is a variable(pointer)` (294): whether the pointer designates a variable
/// (not an array element).
pub(crate) fn is_a_variable(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Bool(matches!(
        args.get(0),
        Value::Pointer(p) if !matches!(p.as_ref(), Pointer::Element { .. })
    )))
}

/// `Get pointer(name)` (304): a pointer to the process variable named by a
/// text (`"list{2}"` points to an array element).
pub(crate) fn get_pointer(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let name = args.text(0)?;
    match ctx.host.variable_pointer(name) {
        Some(pointer) => Ok(Value::Pointer(std::rc::Rc::new(pointer))),
        None => Err(RuntimeError::new(
            codes::UNKNOWN_NAME,
            format!("Get pointer: there is no process variable named `{name}`"),
        )),
    }
}

/// `CLEAR VARIABLE(variable)` (89): the variable gets its type's empty value;
/// an array gets no elements.
pub(crate) fn clear_variable(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let pointer = args.pointer(0)?;
    let empty = match ctx.host.deref(&pointer)? {
        Value::Array(a) => {
            a.borrow_mut().items.truncate(1);
            return Ok(Value::Undefined);
        }
        Value::Text(_) => Value::text(""),
        Value::Real(_) => Value::Real(0.0),
        Value::Long(_) => Value::Long(0),
        Value::Bool(_) => Value::Bool(false),
        Value::Date(_) => Value::Date(crate::runtime::value::Date::NULL),
        Value::Time(_) => Value::Time(0),
        _ => Value::Undefined,
    };
    ctx.host.assign(&pointer, empty)?;
    Ok(Value::Undefined)
}

/// `Formula from string(text {; context})` (1601).
pub(crate) fn formula_from_string(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let source = args.text(0)?.to_string();
    // `sk execute in host database` (1): the host's context, else the caller's.
    let in_host = args.len() > 1 && args.number(1)? == 1.0;
    ctx.host.formula_from_string(&source, in_host)
}

/// `EXECUTE FORMULA(statement)` (63): runs one line of code given as text,
/// as a line of the running method (its locals, parameters, process and
/// interprocess variables, methods and commands); an empty text does nothing.
pub(crate) fn execute_formula(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let source = args.text(0)?.to_string();
    if !source.trim().is_empty() {
        ctx.host.execute_formula(&source)?;
    }
    Ok(Value::Undefined)
}

/// The number of `EXECUTE METHOD`: its `*` form passes no result variable.
pub const EXECUTE_METHOD: u32 = 1007;

/// `EXECUTE METHOD(methodName {; result | *} {; param...})` (1007): calls
/// the project method named `methodName` with the parameters; its result goes
/// into the `result` variable. OK is 1 when it ran, 0 when it failed.
pub(crate) fn execute_method(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let name = args.text(0)?.to_string();
    let (result, params) = match args.values {
        [_, result, params @ ..] if !args.star => (Some(result), params),
        [_, params @ ..] => (None, params),
        [] => (None, &[][..]),
    };
    let result = match result {
        Some(Value::Pointer(p)) => Some(Pointer::clone(p)),
        Some(other) => return Err(super::wrong_type(1, "a variable or `*`", other)),
        None => None,
    };
    match ctx.host.call(&Value::text(name), &Value::Undefined, params.to_vec()) {
        Ok(value) => {
            if let Some(pointer) = result {
                ctx.host.assign(&pointer, value)?;
            }
            ctx.set_ok(true)?;
            Ok(Value::Undefined)
        }
        Err(error) => {
            ctx.set_ok(false)?;
            Err(error)
        }
    }
}

/// The selectors of `SET DATABASE PARAMETER` and `Get database parameter`
/// that mean something outside a 4D database (documented values).
mod selector {
    pub const DATES_INSIDE_OBJECTS: i64 = 85;
    pub const USER_PARAM_VALUE: i64 = 108;
    pub const TIMES_INSIDE_OBJECTS: i64 = 109;
    pub const IS_CURRENT_DATABASE_A_PROJECT: i64 = 112;
    pub const IS_HOST_DATABASE_A_PROJECT: i64 = 113;
}

fn unsupported_selector(command: &str, selector: i64) -> RuntimeError {
    RuntimeError::new(
        codes::NOT_SUPPORTED,
        format!(
            "{command}: the selector {selector} is not supported by fourd (it is about a 4D database, server or application fourd does not have)"
        ),
    )
}

/// The error of the forms that name a table first (`{aTable ;} selector ...`).
fn no_tables(command: &str) -> RuntimeError {
    RuntimeError::new(
        codes::NOT_SUPPORTED,
        format!("{command}: the form with a table is not supported, fourd has no tables"),
    )
}

/// `Get database parameter(selector {; text})` (643): `Dates inside
/// objects` (the running process's), `Times inside objects` (the run's),
/// `Is current database a project` and `Is host database a project` (1:
/// fourd runs projects), and `User param value`, whose text (`--user-param`)
/// goes into the second argument (the result is 0). Every other selector is
/// an error.
pub(crate) fn get_database_parameter(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    use crate::runtime::object_modes;
    if args.len() > 2 {
        return Err(no_tables("Get database parameter"));
    }
    let selector = args.number(0)? as i64;
    let value = match selector {
        selector::DATES_INSIDE_OBJECTS => f64::from(object_modes::dates_mode()),
        selector::TIMES_INSIDE_OBJECTS => f64::from(u8::from(object_modes::times_in_milliseconds())),
        selector::IS_CURRENT_DATABASE_A_PROJECT | selector::IS_HOST_DATABASE_A_PROJECT => 1.0,
        selector::USER_PARAM_VALUE => {
            if args.len() > 1 {
                let pointer = args.pointer(1)?;
                let value = ctx.host.user_param();
                ctx.host.assign(&pointer, Value::text(value))?;
            }
            0.0
        }
        _ => return Err(unsupported_selector("Get database parameter", selector)),
    };
    Ok(Value::Real(value))
}

/// `SET DATABASE PARAMETER(selector; value)` (642): `Dates inside objects`
/// (0, 1 or 2, for the running process, documented) and `Times inside
/// objects` (0 or 1, for every process of the run, documented). The
/// selectors that can only be read, `User param value` (kept for the next
/// start, which fourd does not do) and every other selector are errors.
pub(crate) fn set_database_parameter(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    use crate::runtime::object_modes;
    if args.len() > 2 {
        return Err(no_tables("SET DATABASE PARAMETER"));
    }
    let selector = args.number(0)? as i64;
    let bad_value = |allowed: &str| {
        RuntimeError::new(
            codes::BAD_ARGUMENTS,
            format!("SET DATABASE PARAMETER: the selector {selector} takes {allowed}"),
        )
    };
    match selector {
        selector::DATES_INSIDE_OBJECTS => {
            let value = args.number(1)?;
            match value as i64 {
                0..=2 if value.fract() == 0.0 => object_modes::set_dates_mode(value as u8),
                _ => {
                    return Err(bad_value(
                        "0 (String type without time zone), 1 (String type with time zone) or 2 (Date type)",
                    ));
                }
            }
        }
        selector::TIMES_INSIDE_OBJECTS => {
            let value = args.number(1)?;
            match value as i64 {
                0 | 1 if value.fract() == 0.0 => object_modes::set_times_in_milliseconds(value == 1.0),
                _ => return Err(bad_value("0 (Times in seconds) or 1 (Times in milliseconds)")),
            }
        }
        selector::IS_CURRENT_DATABASE_A_PROJECT | selector::IS_HOST_DATABASE_A_PROJECT => {
            return Err(RuntimeError::new(
                codes::BAD_ARGUMENTS,
                format!("SET DATABASE PARAMETER: the selector {selector} can only be read (Get database parameter)"),
            ));
        }
        _ => return Err(unsupported_selector("SET DATABASE PARAMETER", selector)),
    }
    Ok(Value::Undefined)
}

/// `Copy parameters({startFrom})` (1790): the running method's arguments, from
/// `startFrom` (1 by default), in a new collection.
pub(crate) fn copy_parameters(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let from = if args.is_empty() { 1 } else { args.number(0)?.trunc().max(1.0) as usize };
    let params = ctx.host.parameters();
    Ok(Value::new_collection(params.into_iter().skip(from - 1).map(|v| super::objects::stored(&v)).collect()))
}

/// `RESOLVE POINTER(pointer; name; row; column)` (394): for a variable or an
/// array, its name, -1 and -1; for an array element, the array's name, the
/// element's number and -1; for a nil pointer, "", 0 and 0. A pointer to a
/// local or a parameter gives its name too. fourd has no tables, fields or
/// two-dimensional arrays.
pub(crate) fn resolve_pointer(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let (name, row, column) = match args.get(0) {
        Value::Null | Value::Undefined => (String::new(), 0, 0),
        Value::Pointer(p) => match p.as_ref() {
            Pointer::Element { array, index } => (array.name(), *index, -1),
            variable => (variable.name(), -1, -1),
        },
        other => return Err(super::wrong_type(0, "a pointer", other)),
    };
    ctx.host.assign(&args.pointer(1)?, Value::text(name))?;
    ctx.host.assign(&args.pointer(2)?, Value::Real(row as f64))?;
    ctx.host.assign(&args.pointer(3)?, Value::Real(column as f64))?;
    Ok(Value::Undefined)
}

/// `METHOD GET NAMES(names {; filter}{; *})` (1166): the names of the
/// project's methods, sorted, those that match `filter` (`@` as a wildcard,
/// as in `=`) when it is given. `*` (the host's methods, from a component)
/// changes nothing: fourd has no components.
pub(crate) fn method_get_names(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let filter = if args.len() > 1 { Some(args.text(1)?.to_string()) } else { None };
    let names: Vec<Value> = ctx
        .host
        .method_names()
        .into_iter()
        .filter(|name| filter.as_deref().is_none_or(|f| crate::runtime::text::equal(name, f)))
        .map(Value::text)
        .collect();
    let pointer = args.pointer(0)?;
    let mut array = crate::runtime::value::Array::new(crate::runtime::types::ArrayType::Text, 0);
    array.items.extend(names);
    ctx.host.assign(&pointer, Value::new_array(array))?;
    Ok(Value::Undefined)
}

/// `COMPONENT LIST(componentsArray)` (1001): the names of the components
/// the project loaded, in a Text array.
pub(crate) fn component_list(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let names: Vec<Value> = ctx.host.component_names().into_iter().map(Value::text).collect();
    let pointer = args.pointer(0)?;
    let mut array = crate::runtime::value::Array::new(crate::runtime::types::ArrayType::Text, 0);
    array.items.extend(names);
    ctx.host.assign(&pointer, Value::new_array(array))?;
    Ok(Value::Undefined)
}

/// `Call chain` (1662, formerly `Get call chain`): one object per running
/// call of the process, innermost first, with `type`, `name`, `line`,
/// `database` and, where the source is known, `formula` (the line's text).
pub(crate) fn call_chain(ctx: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    let database = super::files::Roots::of(ctx)
        .map(|roots| roots.structure_name.trim_end_matches(".4DProject").to_string())
        .unwrap_or_default();
    let levels = ctx
        .host
        .call_chain()
        .into_iter()
        .map(|level| {
            let mut props = crate::runtime::value::Props::default();
            props.insert(crate::runtime::value::key("database"), Value::text(database.as_str()));
            if let Some(code) = level.code {
                props.insert(crate::runtime::value::key("formula"), Value::text(code));
            }
            props.insert(crate::runtime::value::key("line"), Value::Real(level.line as f64));
            props.insert(crate::runtime::value::key("name"), Value::text(level.name));
            props.insert(crate::runtime::value::key("type"), Value::text(level.kind));
            Value::new_object(props)
        })
        .collect();
    Ok(Value::new_collection(levels))
}
