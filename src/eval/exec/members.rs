//! `object.name(args)`: member functions, dispatched by the kind of receiver
//! to the rows of the member tables (`commands::members`) that the resolver
//! found for the name; user class functions and formulas held in properties
//! otherwise. No member name is matched here.

use std::rc::Rc;
use std::sync::Arc;

use super::super::program::Expr;
use super::host::ProcessHost;
use super::{Formula, Frame, Process};
use crate::commands::members::{self, MemberIds, MemberSpec};
use crate::commands::{Args, Ctx};
use crate::diag::Span;
use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::shared;
use crate::runtime::value::Value;

impl Process<'_> {
    /// `object.name(args)` in the code. A collection function takes its
    /// arguments from a reused buffer (no vector per call), and one that
    /// takes a single argument by value (`.push(x)`) takes it straight.
    #[inline(never)]
    pub(super) fn member_call_expr(
        &mut self,
        frame: &mut Frame<'_>,
        object: &Expr,
        name: &str,
        ids: MemberIds,
        args: &[Expr],
        site: Span,
    ) -> Result<Value, RuntimeError> {
        let object = self.expr(frame, object)?;
        if let Value::Collection(c) = &object
            && let Some(spec) = members::collection(ids.collection)
        {
            if let (Some(single), [arg]) = (spec.single, args) {
                let value = self.expr(frame, arg)?;
                return single(c, value).map_err(|err| err.at(site));
            }
            let values = self.buffered_args(frame, args)?;
            let outcome = self.table_call(frame, spec, c, &values, site);
            self.release_args(values);
            return outcome.map_err(|err| err.at(site));
        }
        let mut values = Vec::with_capacity(args.len());
        for arg in args {
            values.push(self.expr(frame, arg)?);
        }
        self.member_call(frame, &object, name, ids, values, site).map_err(|err| err.at(site))
    }

    /// `object.name(args)`: a function of the member table of the receiver's
    /// kind (collection, formula, class object, `4D.Session`), a function of
    /// the receiver's user class, or a formula stored in a property.
    pub(super) fn member_call(
        &mut self,
        frame: &mut Frame<'_>,
        object: &Value,
        name: &str,
        ids: MemberIds,
        args: Vec<Value>,
        site: Span,
    ) -> Result<Value, RuntimeError> {
        match object {
            Value::Collection(c) => {
                let Some(spec) = members::collection(ids.collection) else {
                    return Err(RuntimeError::new(
                        codes::NOT_SUPPORTED,
                        format!("the collection function `.{name}()` is not supported by fourd"),
                    ));
                };
                self.table_call(frame, spec, c, &args, site)
            }
            Value::SharedCollection(shared) => self.shared_collection_call(frame, shared, name, ids, args, site),
            Value::SharedObject(o) if o.signal.is_some() => match members::signal(ids.signal) {
                Some(spec) => self.table_call(frame, spec, o, &args, site),
                None => Err(RuntimeError::new(codes::UNKNOWN_NAME, format!("a 4D.Signal has no function `{name}`"))),
            },
            Value::SharedObject(o) if o.owned.is_some() => {
                let Some(key) = crate::commands::crypto::key_of(o) else {
                    return Err(RuntimeError::new(codes::UNKNOWN_NAME, format!("the object has no function `{name}`")));
                };
                match members::crypto_key(ids.crypto_key) {
                    Some(spec) => self.table_call(frame, spec, &key, &args, site),
                    None => {
                        Err(RuntimeError::new(codes::UNKNOWN_NAME, format!("a 4D.CryptoKey has no function `{name}`")))
                    }
                }
            }
            Value::SharedObject(o) if o.native.is_some() => {
                let Some(session) = crate::commands::sessions::session_of(o) else {
                    return Err(RuntimeError::new(codes::UNKNOWN_NAME, "this session no longer exists"));
                };
                match members::session(ids.session) {
                    Some(spec) => self.table_call(frame, spec, &session, &args, site),
                    None => {
                        Err(RuntimeError::new(codes::UNKNOWN_NAME, format!("a 4D.Session has no function `{name}`")))
                    }
                }
            }
            Value::SharedObject(o) if o.class.is_some() => match self.instance_call(object, name, args, site)? {
                Some(result) => Ok(result),
                None => Err(RuntimeError::new(codes::UNKNOWN_NAME, format!("the object has no function `{name}`"))),
            },
            Value::Object(o) if crate::runtime::blob::boxed(&o.borrow()).is_some() => {
                let bytes = crate::runtime::blob::scalar_of(object).unwrap_or_default();
                match members::blob(ids.blob) {
                    Some(spec) => self.table_call(frame, spec, &bytes, &args, site),
                    None => Err(RuntimeError::new(codes::UNKNOWN_NAME, format!("a 4D.Blob has no function `{name}`"))),
                }
            }
            Value::Object(o) if crate::runtime::files::item_of(&o.borrow()).is_some() => {
                let Some(item) = crate::runtime::files::item_of(&o.borrow()) else { return Ok(Value::Undefined) };
                let (spec, kind) = if item.folder {
                    (members::folder(ids.folder), "4D.Folder")
                } else {
                    (members::file(ids.file), "4D.File")
                };
                match spec {
                    Some(spec) => self.table_call(frame, spec, &item, &args, site),
                    None => Err(RuntimeError::new(codes::UNKNOWN_NAME, format!("a {kind} has no function `{name}`"))),
                }
            }
            Value::Object(o) if crate::runtime::files::handle_of(&o.borrow()).is_some() => {
                let Some(handle) = crate::runtime::files::handle_of(&o.borrow()) else { return Ok(Value::Undefined) };
                match members::file_handle(ids.file_handle) {
                    Some(spec) => self.table_call(frame, spec, &handle, &args, site),
                    None => {
                        Err(RuntimeError::new(codes::UNKNOWN_NAME, format!("a 4D.FileHandle has no function `{name}`")))
                    }
                }
            }
            Value::Object(_) if crate::runtime::native::native_of(object).is_some() => {
                let class = crate::runtime::native::native_of(object).map_or("", |state| state.class_name());
                let spec = match class {
                    "SystemWorker" => members::system_worker(ids.system_worker),
                    _ => members::http_request(ids.http_request),
                };
                match spec {
                    Some(spec) => self.table_call(frame, spec, object, &args, site),
                    None => {
                        Err(RuntimeError::new(codes::UNKNOWN_NAME, format!("a 4D.{class} has no function `{name}`")))
                    }
                }
            }
            Value::Object(o) => {
                let (is_formula, defines, property) = {
                    let o = o.borrow();
                    let is_formula = o.code.as_ref().is_some_and(|c| c.as_any().is::<Formula>());
                    (is_formula, o.defines().is_some(), o.props.get(name).cloned())
                };
                if property.is_none() {
                    if is_formula {
                        return match members::formula(ids.formula) {
                            Some(spec) => self.table_call(frame, spec, object, &args, site),
                            None => Err(RuntimeError::new(
                                codes::UNKNOWN_NAME,
                                format!("a formula has no function `{name}`"),
                            )),
                        };
                    }
                    if Process::instance_class(object).is_some() {
                        return match self.instance_call(object, name, args, site)? {
                            Some(result) => Ok(result),
                            None => Err(RuntimeError::new(
                                codes::UNKNOWN_NAME,
                                format!("the object has no function `{name}`"),
                            )),
                        };
                    }
                    if defines && let Some(spec) = members::class(ids.class) {
                        return self.table_call(frame, spec, object, &args, site);
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

    /// Calls the handler of a member table's row on `receiver`, after the
    /// argument count is checked against the row.
    pub(super) fn table_call<R>(
        &mut self,
        frame: &mut Frame<'_>,
        spec: &MemberSpec<R>,
        receiver: &R,
        args: &[Value],
        site: Span,
    ) -> Result<Value, RuntimeError> {
        spec.check(args.len())?;
        let mut host = ProcessHost { process: self, frame, args: &[], site };
        let mut ctx = Ctx { host: &mut host };
        (spec.handler)(&mut ctx, receiver, &Args { values: args, star: false, marker: None })
    }

    /// A collection function on a shared collection: it runs on a copy of the
    /// elements; one that changes the collection (a row with
    /// `CHANGES_RECEIVER`) does so under the lock of its group (taken by
    /// itself, as documented) and the copy is written back. A row with
    /// `SHARED_RESULT` gives a shared collection of the same group, the
    /// others standard ones; a function that gives its receiver back gives
    /// the shared collection.
    fn shared_collection_call(
        &mut self,
        frame: &mut Frame<'_>,
        shared: &Arc<shared::SharedCollection>,
        name: &str,
        ids: MemberIds,
        args: Vec<Value>,
        site: Span,
    ) -> Result<Value, RuntimeError> {
        let spec = members::collection(ids.collection);
        let changing = spec.is_some_and(MemberSpec::changes_receiver);
        let shared_result = spec.is_some_and(MemberSpec::shared_result);
        if changing {
            shared.membership.lock(&format!("`.{name}()`"))?;
        }
        let outcome = match spec.and_then(|spec| spec.on_shared.map(|in_place| (spec, in_place))) {
            Some((spec, in_place)) => spec
                .check(args.len())
                .and_then(|()| in_place(shared, &Args { values: &args, star: false, marker: None })),
            None => self.on_copy(frame, shared, name, ids, args, site, changing, shared_result),
        };
        if changing {
            shared.membership.unlock();
        }
        outcome
    }

    /// A collection function run on a copy of a shared collection's elements
    /// (see `shared_collection_call`, which holds the lock when it changes it).
    #[allow(clippy::too_many_arguments)]
    fn on_copy(
        &mut self,
        frame: &mut Frame<'_>,
        shared: &Arc<shared::SharedCollection>,
        name: &str,
        ids: MemberIds,
        args: Vec<Value>,
        site: Span,
        changing: bool,
        shared_result: bool,
    ) -> Result<Value, RuntimeError> {
        let local = Rc::new(std::cell::RefCell::new(shared.values()));
        let result = self.member_call(frame, &Value::Collection(Rc::clone(&local)), name, ids, args, site)?;
        if changing {
            shared.replace_all(&local.borrow())?;
        }
        match result {
            Value::Collection(c) if Rc::ptr_eq(&c, &local) => Ok(Value::SharedCollection(Arc::clone(shared))),
            Value::Collection(c) if shared_result => {
                let copy = shared::SharedCollection::new();
                shared.membership.adopt_new(&copy.membership);
                copy.replace_all(&c.borrow())?;
                Ok(Value::SharedCollection(copy))
            }
            other => Ok(other),
        }
    }
}
