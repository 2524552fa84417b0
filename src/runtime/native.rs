//! Objects of the built-in classes whose state lives outside their
//! properties and changes as work done elsewhere comes back
//! (`4D.SystemWorker`, `4D.HTTPRequest`): the object's class link holds a
//! [`NativeObject`], which computes its properties when they are read and
//! says which of them may be set. What the state is, and how it changes, is
//! the commands' business (`commands::asynchronous`).

use std::rc::Rc;

use super::error::RuntimeError;
use super::value::Value;

/// The state of an object of a built-in class, as properties see it.
pub trait NativeObject: std::fmt::Debug {
    /// The name of its class in the `4D` store (`SystemWorker`).
    fn class_name(&self) -> &'static str;
    /// The property `name` (undefined when it has none).
    fn property(&self, name: &str) -> Value;
    /// `object.name:=value`: an error for a read-only property.
    fn set_property(&self, name: &str, value: &Value) -> Result<(), RuntimeError>;
    /// For the commands that downcast it to their own type.
    fn as_any(&self) -> &dyn std::any::Any;
}

/// An object standing for `state`.
pub fn native_object(state: Rc<dyn NativeObject>) -> Value {
    Value::Object(Rc::new(std::cell::RefCell::new(super::value::Object {
        class: Some(Rc::new(super::class::ClassLink::Native(state))),
        ..super::value::Object::default()
    })))
}

/// The state an object stands for, when it is such an object.
pub fn native_of(value: &Value) -> Option<Rc<dyn NativeObject>> {
    match value {
        Value::Object(o) => match o.borrow().class.as_deref() {
            Some(super::class::ClassLink::Native(state)) => Some(Rc::clone(state)),
            _ => None,
        },
        _ => None,
    }
}
