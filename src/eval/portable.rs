//! `Portable`: a value on its way to another process, a deep copy that owns
//! no process-bound reference (`Send`). Shared objects and collections pass
//! by reference; formulas carry their code and captured locals.

use std::sync::Arc;

use super::exec::Formula;
use super::program::MethodCode;
use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::value::{Date, Pointer, Props, Value, key};

/// A value on its way to another process: a deep copy that owns no
/// process-bound reference.
#[derive(Debug)]
pub enum Portable {
    Undefined,
    Null,
    Bool(bool),
    Real(f64),
    Long(i32),
    Date(Date),
    Time(i64),
    Text(String),
    /// A scalar BLOB's bytes.
    Blob(Vec<u8>),
    /// A picture's codec, bytes and transformations.
    Picture(crate::runtime::picture::PortablePicture),
    /// A `4D.Blob` object's bytes.
    BlobObject(Vec<u8>),
    /// A `4D.File` or `4D.Folder` (its paths, which never change).
    FileItem(crate::runtime::files::Item),
    Object(Vec<(String, Portable)>),
    Collection(Vec<Portable>),
    Formula {
        code: Arc<MethodCode>,
        captured: Vec<(usize, Portable)>,
        source: String,
    },
    Pointer(PortablePointer),
    /// An array: held by an interprocess variable (never passed as a parameter).
    Array {
        ty: crate::runtime::value::ArrayType,
        items: Vec<Portable>,
    },
    /// Shared objects and collections pass by reference.
    SharedObject(Arc<crate::runtime::shared::SharedObject>),
    SharedCollection(Arc<crate::runtime::shared::SharedCollection>),
}

/// A pointer on its way to another process: to a process variable (there,
/// that process's own variable of that name), or to a local (there, a
/// pointer that no longer designates anything).
#[derive(Debug)]
pub enum PortablePointer {
    Process {
        slot: usize,
        name: String,
    },
    /// An interprocess variable: the same variable in every process.
    Interprocess {
        slot: usize,
        name: String,
    },
    Gone {
        name: String,
    },
}

/// How deep a value may nest to be copied to another process.
const MAX_DEPTH: usize = 512;

impl Portable {
    /// A deep copy of `value` for another process. Arrays cannot be passed,
    /// as documented.
    pub fn from_value(value: &Value) -> Result<Portable, RuntimeError> {
        Portable::copy(value, 0, false)
    }

    /// A deep copy of the content of a variable (arrays included), for an
    /// interprocess variable.
    pub fn from_variable(value: &Value) -> Result<Portable, RuntimeError> {
        Portable::copy(value, 0, true)
    }

    fn copy(value: &Value, depth: usize, arrays: bool) -> Result<Portable, RuntimeError> {
        if depth > MAX_DEPTH {
            return Err(RuntimeError::new(
                codes::BAD_ARGUMENTS,
                "a value nested too deeply (an object that contains itself?) cannot be passed to another process",
            ));
        }
        Ok(match value {
            Value::Undefined => Portable::Undefined,
            Value::Null => Portable::Null,
            Value::Bool(b) => Portable::Bool(*b),
            Value::Real(x) => Portable::Real(*x),
            Value::Long(n) => Portable::Long(*n),
            Value::Date(d) => Portable::Date(*d),
            Value::Time(t) => Portable::Time(*t),
            Value::Text(t) => Portable::Text(t.as_str().to_string()),
            Value::Blob(b) => Portable::Blob(b.to_vec()),
            Value::Picture(p) => Portable::Picture(p.portable()),
            Value::Object(o) => {
                let o = o.borrow();
                if let Some(bytes) = crate::runtime::blob::boxed(&o) {
                    return Ok(Portable::BlobObject(bytes.to_vec()));
                }
                if let Some(item) = crate::runtime::files::item_of(&o) {
                    return Ok(Portable::FileItem(crate::runtime::files::Item::clone(&item)));
                }
                if let Some(formula) = o.code.as_ref().and_then(|c| c.as_any().downcast_ref::<Formula>()) {
                    let captured = formula
                        .captured
                        .iter()
                        .map(|(slot, v)| Ok((*slot, Portable::copy(v, depth + 1, false)?)))
                        .collect::<Result<_, RuntimeError>>()?;
                    return Ok(Portable::Formula {
                        code: Arc::clone(&formula.code),
                        captured,
                        source: formula.source.clone(),
                    });
                }
                let props = o
                    .props
                    .iter()
                    .map(|(k, v)| Ok((k.to_string(), Portable::copy(v, depth + 1, false)?)))
                    .collect::<Result<_, RuntimeError>>()?;
                Portable::Object(props)
            }
            Value::Collection(c) => {
                Portable::Collection(c.borrow().iter().map(|v| Portable::copy(v, depth + 1, false)).collect::<Result<
                    _,
                    RuntimeError,
                >>(
                )?)
            }
            Value::Pointer(p) => Portable::Pointer(match &**p {
                Pointer::Process { slot, name } => PortablePointer::Process { slot: *slot, name: name.to_string() },
                Pointer::Interprocess { slot, name } => {
                    PortablePointer::Interprocess { slot: *slot, name: name.to_string() }
                }
                other => PortablePointer::Gone { name: other.name() },
            }),
            Value::Array(a) if arrays => {
                let a = a.borrow();
                let items =
                    a.items.iter().map(|v| Portable::copy(v, depth + 1, false)).collect::<Result<_, RuntimeError>>()?;
                Portable::Array { ty: a.ty, items }
            }
            Value::Array(_) => {
                return Err(RuntimeError::new(codes::BAD_ARGUMENTS, "an array cannot be passed to another process"));
            }
            Value::SharedObject(o) => Portable::SharedObject(Arc::clone(o)),
            Value::SharedCollection(c) => Portable::SharedCollection(Arc::clone(c)),
        })
    }

    /// The value in the receiving process.
    pub fn into_value(self) -> Value {
        self.to_value()
    }

    /// A value of this process made from the copy (which stays as it is).
    pub fn to_value(&self) -> Value {
        match self {
            Portable::Undefined => Value::Undefined,
            Portable::Null => Value::Null,
            Portable::Bool(b) => Value::Bool(*b),
            Portable::Real(x) => Value::Real(*x),
            Portable::Long(n) => Value::Long(*n),
            Portable::Date(d) => Value::Date(*d),
            Portable::Time(t) => Value::Time(*t),
            Portable::Text(t) => Value::text(t.as_str()),
            Portable::Blob(b) => Value::Blob(std::rc::Rc::new(b.clone())),
            Portable::Picture(p) => Value::Picture(p.picture()),
            Portable::BlobObject(b) => crate::runtime::blob::blob_object(std::rc::Rc::new(b.clone())),
            Portable::FileItem(item) => crate::runtime::files::item_object(item.clone()),
            Portable::Object(props) => {
                let mut map = Props::with_capacity(props.len());
                for (k, v) in props {
                    map.insert(key(k), v.to_value());
                }
                Value::new_object(map)
            }
            Portable::Collection(items) => Value::new_collection(items.iter().map(Portable::to_value).collect()),
            Portable::Array { ty, items } => {
                Value::Array(std::rc::Rc::new(std::cell::RefCell::new(crate::runtime::value::Array {
                    ty: *ty,
                    items: items.iter().map(Portable::to_value).collect(),
                })))
            }
            Portable::Formula { code, captured, source } => {
                let captured = captured.iter().map(|(slot, v)| (*slot, v.to_value())).collect();
                Value::new_formula(std::rc::Rc::new(Formula {
                    code: Arc::clone(code),
                    captured,
                    source: source.clone(),
                }))
            }
            Portable::Pointer(PortablePointer::Process { slot, name }) => {
                Value::Pointer(std::rc::Rc::new(Pointer::Process { slot: *slot, name: name.as_str().into() }))
            }
            Portable::Pointer(PortablePointer::Interprocess { slot, name }) => {
                Value::Pointer(std::rc::Rc::new(Pointer::Interprocess { slot: *slot, name: name.as_str().into() }))
            }
            Portable::SharedObject(o) => Value::SharedObject(Arc::clone(o)),
            Portable::SharedCollection(c) => Value::SharedCollection(Arc::clone(c)),
            Portable::Pointer(PortablePointer::Gone { name }) => {
                // A local of the sending process: a call serial no process uses.
                Value::Pointer(std::rc::Rc::new(Pointer::Local { call: u64::MAX, slot: 0, name: name.as_str().into() }))
            }
        }
    }
}
