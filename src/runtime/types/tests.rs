//! Unit tests of the variable types, without a process.

use super::*;

#[test]
fn defaults_follow_the_declared_type() {
    assert!(matches!(default_value(VarType::Integer), Value::Long(0)));
    assert!(matches!(default_value(VarType::Real), Value::Real(x) if x == 0.0));
    assert!(matches!(default_value(VarType::Text), Value::Text(t) if t.as_str().is_empty()));
    assert!(matches!(default_value(VarType::Object), Value::Null));
    assert!(matches!(default_value(VarType::Variant), Value::Undefined));
    assert!(matches!(ArrayType::Longint.default_value(), Value::Long(0)));
}

#[test]
fn type_codes_are_the_documented_constants() {
    assert_eq!(type_number(VarType::Text), 2);
    assert_eq!(type_number(VarType::Integer), 9);
    assert_eq!(type_number(VarType::Collection), 42);
    assert_eq!(ArrayType::Text.type_number(), 18);
    assert_eq!(ArrayType::Object.type_number(), 39);
    assert_eq!(Value::Null.value_type(), 255);
    assert_eq!(Value::text("a").value_type(), code::IS_TEXT);
}

#[test]
fn assignment_converts_numbers_and_refuses_other_types() {
    assert!(matches!(convert(VarType::Integer, Value::Real(2.9), "$n"), Ok(Value::Long(2))));
    assert!(matches!(convert(VarType::Real, Value::Long(3), "$r"), Ok(Value::Real(x)) if x == 3.0));
    assert!(matches!(convert(VarType::Text, Value::Undefined, "$t"), Ok(Value::Text(_))));
    let err = convert(VarType::Integer, Value::text("1"), "$n").err().map(|e| e.0.code);
    assert_eq!(err, Some(codes::TYPE_MISMATCH));
}

#[test]
fn store_converted_writes_in_place() {
    let mut slot = Value::Long(1);
    store_converted(&mut slot, VarType::Real, Value::Long(5), "$r").unwrap();
    assert!(matches!(slot, Value::Real(x) if x == 5.0));
    let mut slot = Value::Real(1.5);
    convert_in_place(&mut slot, VarType::Integer, "$n").unwrap();
    assert!(matches!(slot, Value::Long(1)));
}
