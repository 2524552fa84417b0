//! Unit tests of reading and writing inside values, without a process.

use super::*;
use crate::runtime::value::Props;

#[test]
fn members_of_objects_and_collections() {
    let o = Value::new_object(Props::default());
    set_member(&o, "a", Value::Long(1)).unwrap();
    assert!(matches!(member(&o, "a"), Ok(Value::Real(x)) if x == 1.0));
    assert!(matches!(member(&o, "missing"), Ok(Value::Undefined)));
    assert!(matches!(member(&Value::Undefined, "a"), Ok(Value::Undefined)));
    assert!(member(&Value::Null, "a").is_err());
    let c = Value::new_collection(vec![Value::Real(1.0), Value::Real(2.0)]);
    assert!(matches!(member(&c, "length"), Ok(Value::Real(x)) if x == 2.0));
}

#[test]
fn undefined_resets_an_existing_property_to_its_empty_value() {
    let o = Value::new_object(Props::default());
    set_member(&o, "t", Value::text("x")).unwrap();
    set_member(&o, "t", Value::Undefined).unwrap();
    assert!(matches!(member(&o, "t"), Ok(Value::Text(t)) if t.as_str().is_empty()));
    set_member(&o, "none", Value::Undefined).unwrap();
    assert!(matches!(member(&o, "none"), Ok(Value::Undefined)));
}

#[test]
fn collection_elements_grow_on_write_and_are_checked_on_read() {
    let c = Value::new_collection(Vec::new());
    set_element(&c, &Value::Real(2.0), Value::text("z")).unwrap();
    assert!(matches!(element(&c, &Value::Real(0.0)), Ok(Value::Null)));
    assert!(matches!(element(&c, &Value::Real(2.0)), Ok(Value::Text(t)) if t.as_str() == "z"));
    let err = element(&c, &Value::Real(3.0)).err().map(|e| e.0.code);
    assert_eq!(err, Some(codes::INDEX_OUT_OF_RANGE));
}

#[test]
fn characters_count_utf16_units_from_one() {
    let t = Value::text("héllo");
    assert!(matches!(char_at(&t, 2.0), Ok(Value::Text(c)) if c.as_str() == "é"));
    assert!(matches!(char_at(&t, 1.0), Ok(Value::Text(c)) if c.as_str() == "h"));
    assert!(char_at(&t, 0.0).is_err());
    assert!(matches!(set_char(&t, 1.0, &Value::text("J")), Ok(Value::Text(c)) if c.as_str() == "Jéllo"));
}
