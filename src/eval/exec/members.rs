//! `object.name(args)`: member functions, dispatched by the kind of receiver.

use std::rc::Rc;
use std::sync::Arc;

use super::host::ProcessHost;
use super::{Formula, Frame, Process};
use crate::commands::{Args, Ctx};
use crate::diag::Span;
use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::shared;
use crate::runtime::value::Value;

impl Process<'_> {
    /// `object.name(args)`: a formula stored in a property, a function of a
    /// formula (`call`, `apply`), or a collection function.
    pub(super) fn member_call(
        &mut self,
        frame: &mut Frame<'_>,
        object: &Value,
        name: &str,
        function: Option<usize>,
        args: Vec<Value>,
        site: Span,
    ) -> Result<Value, RuntimeError> {
        match object {
            Value::Collection(c) => {
                let Some(spec) = function.and_then(|i| crate::commands::collections::FUNCTIONS.get(i)) else {
                    return Err(RuntimeError::new(
                        codes::NOT_SUPPORTED,
                        format!("the collection function `.{name}()` is not supported by fourd"),
                    ));
                };
                if args.len() < usize::from(spec.min_args)
                    || (spec.max_args != u8::MAX && args.len() > usize::from(spec.max_args))
                {
                    return Err(RuntimeError::new(
                        codes::BAD_ARGUMENTS,
                        format!("`.{name}()` does not take {} arguments", args.len()),
                    ));
                }
                let mut host = ProcessHost { process: self, frame, args: &[], site };
                let mut ctx = Ctx { host: &mut host };
                (spec.handler)(&mut ctx, c, &Args { values: &args, star: false, marker: None })
            }
            Value::SharedCollection(shared) => self.shared_collection_call(frame, shared, name, function, args, site),
            Value::SharedObject(o) if o.native.is_some() => match crate::commands::sessions::session_of(o) {
                Some(session) => crate::commands::sessions::call(&session, name, &args),
                None => Err(RuntimeError::new(codes::UNKNOWN_NAME, "this session no longer exists")),
            },
            Value::SharedObject(o) if o.class.is_some() => match self.instance_call(object, name, args, site)? {
                Some(result) => Ok(result),
                None => Err(RuntimeError::new(codes::UNKNOWN_NAME, format!("the object has no function `{name}`"))),
            },
            Value::Object(o) => {
                let (code, property) = {
                    let o = o.borrow();
                    (o.code.clone(), o.props.get(name).cloned())
                };
                if let Some(code) = code.as_ref().and_then(|c| c.as_any().downcast_ref::<Formula>())
                    && property.is_none()
                {
                    return self.formula_function(code, name, args, site);
                }
                if property.is_none() && Process::instance_class(object).is_some() {
                    return match self.instance_call(object, name, args, site)? {
                        Some(result) => Ok(result),
                        None => {
                            Err(RuntimeError::new(codes::UNKNOWN_NAME, format!("the object has no function `{name}`")))
                        }
                    };
                }
                if name == "new" && property.is_none() {
                    let defines = o.borrow().defines();
                    if let Some(class) = defines {
                        if let Some(user) = class.user {
                            return self.new_instance(user.index, args, site);
                        }
                        return crate::runtime::class::instantiate(&class).ok_or_else(|| {
                            RuntimeError::new(
                                codes::NOT_SUPPORTED,
                                format!("fourd cannot create instances of the class `{}` with new()", class.name),
                            )
                        });
                    }
                }
                match property {
                    Some(f @ Value::Object(_)) => self.call_value(&f, object.clone(), args, site),
                    Some(other) => Err(RuntimeError::new(
                        codes::NOT_AN_OBJECT,
                        format!("the property `{name}` is {}, not a formula: it cannot be called", other.type_name()),
                    )),
                    None => Err(RuntimeError::new(codes::UNKNOWN_NAME, format!("the object has no function `{name}`"))),
                }
            }
            other => Err(RuntimeError::new(
                codes::NOT_AN_OBJECT,
                format!("cannot call `.{name}()` on {}", other.type_name()),
            )),
        }
    }

    /// A collection function on a shared collection: it runs on a copy of the
    /// elements; one that changes the collection does so under the lock of
    /// its group (taken by itself, as documented) and the copy is written
    /// back. `.filter()` and `.reverse()` give shared collections of the same
    /// group, the others standard ones; a function that gives its receiver
    /// back gives the shared collection.
    pub(super) fn shared_collection_call(
        &mut self,
        frame: &mut Frame<'_>,
        shared: &Arc<shared::SharedCollection>,
        name: &str,
        function: Option<usize>,
        args: Vec<Value>,
        site: Span,
    ) -> Result<Value, RuntimeError> {
        const CHANGING: &[&str] = &[
            "clear",
            "combine",
            "fill",
            "insert",
            "multiSort",
            "pop",
            "push",
            "remove",
            "resize",
            "shift",
            "sort",
            "unshift",
        ];
        let changing = CHANGING.contains(&name);
        if changing {
            shared.membership.lock(&format!("`.{name}()`"))?;
        }
        let local = Rc::new(std::cell::RefCell::new(shared.values()));
        let outcome = self
            .member_call(frame, &Value::Collection(Rc::clone(&local)), name, function, args, site)
            .and_then(|result| {
                if changing {
                    shared.replace_all(&local.borrow())?;
                }
                match result {
                    Value::Collection(c) if Rc::ptr_eq(&c, &local) => Ok(Value::SharedCollection(Arc::clone(shared))),
                    Value::Collection(c) if name == "filter" || name == "reverse" => {
                        let copy = shared::SharedCollection::new();
                        shared.membership.adopt_new(&copy.membership);
                        copy.replace_all(&c.borrow())?;
                        Ok(Value::SharedCollection(copy))
                    }
                    other => Ok(other),
                }
            });
        if changing {
            shared.membership.unlock();
        }
        outcome
    }

    /// `.call()` and `.apply()` of a formula.
    pub(super) fn formula_function(
        &mut self,
        formula: &Formula,
        name: &str,
        mut args: Vec<Value>,
        site: Span,
    ) -> Result<Value, RuntimeError> {
        match name {
            "call" => {
                let this = if args.is_empty() { Value::Undefined } else { args.remove(0) };
                self.call_formula(formula, this, args, site)
            }
            "apply" => {
                let this = if args.is_empty() { Value::Undefined } else { args.remove(0) };
                let params = match args.first() {
                    Some(Value::Collection(c)) => c.borrow().clone(),
                    None | Some(Value::Null | Value::Undefined) => Vec::new(),
                    Some(other) => {
                        return Err(RuntimeError::new(
                            codes::BAD_ARGUMENTS,
                            format!("`.apply()` takes its parameters in a collection, not {}", other.type_name()),
                        ));
                    }
                };
                self.call_formula(formula, this, params, site)
            }
            _ => Err(RuntimeError::new(codes::UNKNOWN_NAME, format!("a formula has no function `{name}`"))),
        }
    }
}
