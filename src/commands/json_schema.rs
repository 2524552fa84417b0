//! `JSON Validate`: a value checked against a JSON Schema, on the
//! `jsonschema` crate.
//!
//! The draft is the one the schema's `$schema` names: draft 4 (also when the
//! schema names none, as 4D does) or 2020-12; any other is refused, as
//! documented. Each failed rule becomes one error object with 4D's code for
//! its keyword and 4D's wording; a value read by `JSON Parse` with `*` gives
//! the line and offset of the property in its `__symbols`.

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::paths::LocationSegment;
use serde_json::Value as Json;

use super::{Args, Ctx};
use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::format;
use crate::runtime::value::{Props, Value};

/// The name of the property `JSON Parse(text; *)` adds.
const SYMBOLS: &str = "__symbols";

/// `JSON Validate(vJson; vSchema)` (1456).
pub(crate) fn json_validate(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let subject = args.get(0);
    if !matches!(subject, Value::Object(_) | Value::Collection(_) | Value::SharedObject(_) | Value::SharedCollection(_))
    {
        return Err(super::wrong_type(0, "an object or a collection", subject));
    }
    let Some(schema_value) = args.object(1)? else {
        return Err(invalid_schema("the schema is Null"));
    };
    let schema = to_json(&Value::Object(schema_value))?;
    let draft = match schema.get("$schema") {
        None => jsonschema::Draft::Draft4,
        Some(Json::String(uri)) if uri.contains("draft-04") => jsonschema::Draft::Draft4,
        Some(Json::String(uri)) if uri.contains("2020-12") => jsonschema::Draft::Draft202012,
        Some(other) => {
            return Err(invalid_schema(&format!("the draft {other} is not supported (draft-04 or 2020-12)")));
        }
    };
    let validator = jsonschema::options()
        .with_draft(draft)
        .should_validate_formats(true)
        .build(&schema)
        .map_err(|e| invalid_schema(&e.to_string()))?;
    let mut instance = to_json(subject)?;
    if let Json::Object(map) = &mut instance {
        map.shift_remove(SYMBOLS);
    }
    let symbols = symbols_of(subject);
    let mut errors = Vec::new();
    for error in validator.iter_errors(&instance) {
        let path = instance_path(error.instance_path().segments());
        let schema_path = error.schema_path().as_str().to_string();
        let (code, message) = describe(error.kind(), error.instance(), &schema_path, &schema);
        let mut props = Props::default();
        props.insert(crate::runtime::value::key("code"), Value::Real(f64::from(code)));
        props.insert(crate::runtime::value::key("jsonPath"), Value::text(path.as_str()));
        if let Some((line, offset)) = symbols.as_ref().and_then(|s| place_of(s, &path)) {
            props.insert(crate::runtime::value::key("line"), line);
            props.insert(crate::runtime::value::key("offset"), offset);
        }
        props.insert(crate::runtime::value::key("message"), Value::text(message));
        props.insert(crate::runtime::value::key("schemaPaths"), Value::text(schema_path));
        errors.push(Value::new_object(props));
    }
    let mut result = Props::default();
    result.insert(crate::runtime::value::key("success"), Value::Bool(errors.is_empty()));
    if !errors.is_empty() {
        result.insert(crate::runtime::value::key("errors"), Value::new_collection(errors));
    }
    Ok(Value::new_object(result))
}

fn invalid_schema(why: &str) -> RuntimeError {
    RuntimeError::new(codes::BAD_ARGUMENTS, format!("JSON Validate: the schema is not valid ({why})"))
}

/// A value as serde's JSON, through the text `JSON Stringify` writes.
fn to_json(value: &Value) -> Result<Json, RuntimeError> {
    let text = format::try_json(value, false).ok_or_else(super::objects::too_deep)?;
    serde_json::from_str(&text).map_err(|e| {
        RuntimeError::new(codes::BAD_ARGUMENTS, format!("JSON Validate: the value cannot be read as JSON ({e})"))
    })
}

/// The `__symbols` of an object read by `JSON Parse(text; *)`.
fn symbols_of(value: &Value) -> Option<Props> {
    let Value::Object(o) = value else { return None };
    match o.borrow().props.get(SYMBOLS) {
        Some(Value::Object(symbols)) => Some(symbols.borrow().props.clone()),
        _ => None,
    }
}

/// An instance path in the form of `__symbols` (`a.b[0].c`), "" for the whole value.
fn instance_path<'a>(segments: impl Iterator<Item = LocationSegment<'a>>) -> String {
    let mut path = String::new();
    for segment in segments {
        match segment {
            LocationSegment::Property(name) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(&name);
            }
            LocationSegment::Index(i) => {
                path.push('[');
                path.push_str(&i.to_string());
                path.push(']');
            }
        }
    }
    path
}

/// The line and offset of the nearest property at or above `path` that
/// `__symbols` knows (an array element has none of its own).
fn place_of(symbols: &Props, path: &str) -> Option<(Value, Value)> {
    let mut path = path;
    while !path.is_empty() {
        if let Some(Value::Object(place)) = symbols.get(path) {
            let place = place.borrow();
            let line = place.props.get("line").cloned().unwrap_or(Value::Undefined);
            let offset = place.props.get("offset").cloned().unwrap_or(Value::Undefined);
            return Some((line, offset));
        }
        path = match path.rfind(['.', '[']) {
            Some(cut) => &path[..cut],
            None => "",
        };
    }
    None
}

/// A JSON value as 4D's messages quote it: a string as it is, others as JSON.
fn quoted(value: &Json) -> String {
    match value {
        Json::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// 4D's code and message for a failed rule.
fn describe(kind: &ValidationErrorKind, instance: &Json, schema_path: &str, schema: &Json) -> (i32, String) {
    match kind {
        ValidationErrorKind::MultipleOf { .. } => (2, "Error while validating against 'multipleOf' key.".into()),
        ValidationErrorKind::Maximum { limit } => {
            (3, format!("The value provided should not be greater than specified in the schema (\"{limit}\")."))
        }
        ValidationErrorKind::ExclusiveMaximum { limit } => {
            (4, format!("The value provided should be less than specified in the schema (\"{limit}\")."))
        }
        ValidationErrorKind::Minimum { limit } => {
            (5, format!("The value provided should not be less than specified in the schema (\"{limit}\")."))
        }
        ValidationErrorKind::ExclusiveMinimum { limit } => {
            (6, format!("The value provided should be greater than specified in the schema (\"{limit}\")."))
        }
        ValidationErrorKind::MaxLength { .. } => (7, "The string is longer than specified in the schema.".into()),
        ValidationErrorKind::MinLength { .. } => (8, "The string is shorter than specified in the schema.".into()),
        ValidationErrorKind::Pattern { pattern } => {
            (9, format!("The string \"{}\" does not match the pattern in the schema:{pattern}.", quoted(instance)))
        }
        ValidationErrorKind::AdditionalItems { .. } => {
            (10, "Error while validating an array. JSON contains more elements than specified in the schema.".into())
        }
        ValidationErrorKind::MaxItems { .. } => {
            (11, "The array contains more items than specified in the schema.".into())
        }
        ValidationErrorKind::MinItems { .. } => {
            (12, "The array contains less items than specified in the schema.".into())
        }
        ValidationErrorKind::UniqueItems => (
            13,
            format!(
                "Error while validating an array. Elements are not unique. Another instance of \"{}\" is already in the array.",
                first_repeated(instance).map(quoted).unwrap_or_default()
            ),
        ),
        ValidationErrorKind::MaxProperties { .. } => {
            (14, "The number of properties is greater than specified in the schema.".into())
        }
        ValidationErrorKind::MinProperties { .. } => {
            (15, "The number of properties is less than specified in the schema.".into())
        }
        ValidationErrorKind::Required { property } => {
            // `dependencies` (draft 4) and `dependentRequired` report a missing
            // property too; the property that requires it is found in the schema.
            let keyword = schema_path.rsplit('/').next().unwrap_or_default();
            let requiring = || requiring_property(schema.pointer(schema_path), instance, property);
            match keyword {
                "dependencies" => {
                    (18, format!("The property \"{}\" requires the property \"{}\".", requiring(), quoted(property)))
                }
                "dependentRequired" => (
                    32,
                    format!(
                        "The property \"{}\" requires the property \"{}\" to be present.",
                        requiring(),
                        quoted(property)
                    ),
                ),
                _ => (16, format!("The required property \"{}\" is missing.", quoted(property))),
            }
        }
        ValidationErrorKind::AdditionalProperties { unexpected } => (
            17,
            format!(
                "No additional properties allowed by the schema. The property(ies) {} should be removed.",
                names(unexpected)
            ),
        ),
        ValidationErrorKind::Enum { .. } => (
            19,
            format!(
                "Error while validating against 'enum' key. \"{}\" does not match any enum element in the schema.",
                quoted(instance)
            ),
        ),
        ValidationErrorKind::Type { kind } => {
            let expected = match kind {
                TypeKind::Single(t) => t.to_string(),
                TypeKind::Multiple(set) => set.iter().map(|t| t.to_string()).collect::<Vec<_>>().join(", "),
            };
            (20, format!("Incorrect type. Expected type is: {expected}"))
        }
        ValidationErrorKind::OneOfMultipleValid { .. } => (21, "The JSON matches more than one value.".into()),
        ValidationErrorKind::OneOfNotValid { .. } | ValidationErrorKind::AnyOf { .. } => {
            (22, "The JSON does not match any value.".into())
        }
        ValidationErrorKind::Not { .. } => (23, "The JSON is invalid against the value of 'not'.".into()),
        ValidationErrorKind::Format { format } => (24, format!("The string does not match (\"{format}\")")),
        ValidationErrorKind::Constant { .. } => {
            (25, format!("Value \"{}\" does not match the 'const' value in the schema.", quoted(instance)))
        }
        ValidationErrorKind::UnevaluatedProperties { unexpected } => (
            26,
            format!(
                "Unevaluated properties are not allowed by the schema. The property(ies) {} should be removed.",
                names(unexpected)
            ),
        ),
        ValidationErrorKind::UnevaluatedItems { unexpected } => (
            27,
            format!(
                "Unevaluated array items are not allowed. Item at index {} is not covered by any schema.",
                unexpected.join(", ")
            ),
        ),
        ValidationErrorKind::PropertyNames { .. } => (
            28,
            format!("Property name \"{}\" does not validate against the 'propertyNames' schema.", quoted(instance)),
        ),
        ValidationErrorKind::Contains => {
            (29, "Array does not contain any items matching the 'contains' schema.".into())
        }
        ValidationErrorKind::Referencing(_) => (37, "Reference could not be resolved.".into()),
        // A `false` schema, content keywords, regular expressions that fail:
        // 4D lists no code for them.
        other => (1, other_message(other)),
    }
}

fn other_message(kind: &ValidationErrorKind) -> String {
    match kind {
        ValidationErrorKind::FalseSchema => "The schema allows no value here.".into(),
        _ => "The JSON does not validate against the schema.".into(),
    }
}

/// Property names as a list: `"a", "b"`.
fn names(list: &[String]) -> String {
    list.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(", ")
}

/// The first element of an array that an earlier element equals.
fn first_repeated(value: &Json) -> Option<&Json> {
    let Json::Array(items) = value else { return None };
    items.iter().enumerate().find(|(i, item)| items[..*i].contains(item)).map(|(_, item)| item)
}

/// The property of `instance` whose dependency list (`rules`, the value of
/// `dependencies` or `dependentRequired`) names `missing`.
fn requiring_property(rules: Option<&Json>, instance: &Json, missing: &Json) -> String {
    let (Some(Json::Object(rules)), Json::Object(present)) = (rules, instance) else { return String::new() };
    rules
        .iter()
        .find(|(name, needs)| {
            present.contains_key(name.as_str()) && matches!(needs, Json::Array(list) if list.contains(missing))
        })
        .map(|(name, _)| name.clone())
        .unwrap_or_default()
}
