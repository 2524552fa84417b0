//! Places a value is read from and written to: locals, parameters, process
//! and interprocess variables, properties, elements and characters; pointers
//! to them, dereferenced and assigned through.

use std::rc::Rc;
use std::sync::Arc;

use super::super::ops;
use super::super::portable::Portable;
use super::super::program::{Expr, ExprKind, LocalInfo, Place, VarType};
use super::{CallRecord, Frame, Process};
use crate::diag::Span;
use crate::runtime::access::{
    array_element, char_at, element, has_class, member, set_array_element, set_char, set_element, set_member,
};
use crate::runtime::blob::set_byte;
use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::types::{own_array, store, store_converted, type_number};
use crate::runtime::value::{Pointer, Value};
use crate::syntax::ast::BinOp;

impl Process<'_> {
    /// `place op= value` (`+=`, `-=`, `*=`, `/=`): what designates the
    /// place (an object, a collection, an array, an index, a pointer) is
    /// evaluated once, read and written through.
    pub(super) fn compound_assign(
        &mut self,
        frame: &mut Frame<'_>,
        place: &Place,
        op: BinOp,
        value: &Value,
        span: Span,
    ) -> Result<(), RuntimeError> {
        let combine = |current: &Value| ops::binary(op, current, value).map_err(|e| e.at(span));
        match place {
            Place::Member { object, name, span: at, .. } => {
                let target = self.expr(frame, object)?;
                if has_class(&target) {
                    let current = self.class_member(&target, name, *at).map_err(|e| e.at(*at))?;
                    let new = combine(&current)?;
                    if let Some(new) = self.set_class_member(&target, name, new, *at).map_err(|e| e.at(*at))? {
                        set_member(&target, name, new).map_err(|e| e.at(*at))?;
                    }
                    return Ok(());
                }
                let current = member(&target, name).map_err(|e| e.at(*at))?;
                return set_member(&target, name, combine(&current)?).map_err(|e| e.at(*at));
            }
            Place::Index { target, index, span: at } => {
                let target = self.expr(frame, target)?;
                let index = self.expr(frame, index)?;
                let current = element(&target, &index).map_err(|e| e.at(*at))?;
                return set_element(&target, &index, combine(&current)?).map_err(|e| e.at(*at));
            }
            Place::Deref { pointer, span: at } => {
                let pointer = self.pointer(frame, pointer)?;
                let current = self.deref_in(frame, &pointer).map_err(|e| e.at(*at))?;
                return self.assign_in(frame, &pointer, combine(&current)?).map_err(|e| e.at(*at));
            }
            Place::ArrayElement { array, index, span: at } => {
                let target = self.expr(frame, array)?;
                // A BLOB's byte is written through its variable, below.
                if !matches!(target, Value::Blob(_)) {
                    let index = self.number(frame, index)?;
                    let current = array_element(&target, index).map_err(|e| e.at(*at))?;
                    return set_array_element(&target, index, combine(&current)?).map_err(|e| e.at(*at));
                }
            }
            _ => {}
        }
        let current = self.read_place(frame, place)?;
        self.write_place(frame, place, combine(&current)?).map_err(|e| e.at(span))
    }

    pub(super) fn read_place(&mut self, frame: &mut Frame<'_>, place: &Place) -> Result<Value, RuntimeError> {
        Ok(match place {
            Place::Local(slot) => self.local(frame, *slot).clone(),
            Place::Param(index) => {
                let n = self.param_index(frame, index)?;
                self.param(frame, n)
            }
            Place::Process(slot) => self.process_vars.get(*slot).cloned().unwrap_or_default(),
            Place::Interprocess(slot) => self.interprocess(*slot),
            Place::Publish { place, .. } => self.read_place(frame, place)?,
            Place::Member { object, name, span, .. } => {
                let object = self.expr(frame, object)?;
                if has_class(&object) {
                    self.class_member(&object, name, *span).map_err(|e| e.at(*span))?
                } else {
                    member(&object, name).map_err(|e| e.at(*span))?
                }
            }
            Place::Index { target, index, span } => {
                let target = self.expr(frame, target)?;
                let index = self.expr(frame, index)?;
                element(&target, &index).map_err(|e| e.at(*span))?
            }
            Place::CharIndex { text, index, span } => {
                let text = self.read_place(frame, text)?;
                let index = self.number(frame, index)?;
                char_at(&text, index).map_err(|e| e.at(*span))?
            }
            Place::Deref { pointer, span } => {
                let pointer = self.pointer(frame, pointer)?;
                self.deref_in(frame, &pointer).map_err(|e| e.at(*span))?
            }
            Place::ArrayElement { array, index, span } => {
                let array = self.expr(frame, array)?;
                let index = self.number(frame, index)?;
                array_element(&array, index).map_err(|e| e.at(*span))?
            }
        })
    }

    pub(super) fn write_place(
        &mut self,
        frame: &mut Frame<'_>,
        place: &Place,
        value: Value,
    ) -> Result<(), RuntimeError> {
        match place {
            Place::Local(slot) => self.set_local(frame, *slot, value)?,
            Place::Param(index) => {
                let n = self.param_index(frame, index)?;
                self.set_param(frame, n, value);
            }
            Place::Process(slot) => self.set_process_var(*slot, value),
            Place::Interprocess(slot) => self.set_interprocess(*slot, value)?,
            Place::Publish { slot, place } => {
                self.write_place(frame, place, value)?;
                self.publish(*slot)?;
            }
            Place::Member { object, name, span, site } => {
                // A local is written through where it lies, without a copy of
                // its value; a plain object's property at the position its
                // layout had here last.
                if let ExprKind::Local(slot) = object.kind
                    && let Some(target) = self.stack.get(frame.base + slot)
                {
                    if let Value::Object(o) = target
                        && !matches!(value, Value::Undefined)
                    {
                        let mut o = o.borrow_mut();
                        if o.class.is_none()
                            && let Some(i) = self.sites.position(*site, &o.props, name)
                            && let Some(slot) = o.props.value_at_mut(i)
                        {
                            store(slot, value.stored());
                            return Ok(());
                        }
                    }
                    if !has_class(target) {
                        if let Value::SharedObject(o) = target {
                            return o.set_hinted(name, &value, self.sites.hint(*site)).map_err(|e| e.at(*span));
                        }
                        return set_member(target, name, value).map_err(|e| e.at(*span));
                    }
                }
                let target = self.expr(frame, object)?;
                let value = if has_class(&target) {
                    match self.set_class_member(&target, name, value, *span).map_err(|e| e.at(*span))? {
                        Some(value) => value,
                        None => return Ok(()),
                    }
                } else {
                    value
                };
                set_member(&target, name, value).map_err(|e| e.at(*span))?;
            }
            Place::Index { target, index, span } => {
                let target = self.expr(frame, target)?;
                let index = self.expr(frame, index)?;
                set_element(&target, &index, value).map_err(|e| e.at(*span))?;
            }
            Place::CharIndex { text, index, span } => {
                let current = self.read_place(frame, text)?;
                let index = self.number(frame, index)?;
                let updated = set_char(&current, index, &value).map_err(|e| e.at(*span))?;
                self.write_place(frame, text, updated)?;
            }
            Place::Deref { pointer, span } => {
                let pointer = self.pointer(frame, pointer)?;
                self.assign_in(frame, &pointer, value).map_err(|e| e.at(*span))?;
            }
            Place::ArrayElement { array, index, span } => {
                let target = self.expr(frame, array)?;
                let index = self.number(frame, index)?;
                if let Value::Blob(_) = target {
                    drop(target);
                    return self.set_blob_byte(frame, array, index, &value).map_err(|e| e.at(*span));
                }
                set_array_element(&target, index, value).map_err(|e| e.at(*span))?;
            }
        }
        Ok(())
    }

    /// `$blob{i}:=value`: the BLOB is a value, so the byte is changed where
    /// the variable holds it (in place when its bytes are not shared).
    fn set_blob_byte(
        &mut self,
        frame: &mut Frame<'_>,
        blob: &Expr,
        index: f64,
        value: &Value,
    ) -> Result<(), RuntimeError> {
        let held = match &blob.kind {
            ExprKind::Local(slot) => self.stack.get_mut(frame.base + *slot),
            ExprKind::Process(slot) => self.process_vars.get_mut(*slot),
            _ => None,
        };
        if let Some(Value::Blob(bytes)) = held {
            return set_byte(bytes, index, value);
        }
        let mut current = self.expr(frame, blob)?;
        let Value::Blob(bytes) = &mut current else {
            return Err(RuntimeError::new(codes::INCOMPATIBLE_TYPES, "`{ }` applies to an array or a BLOB"));
        };
        set_byte(bytes, index, value)?;
        match &blob.kind {
            ExprKind::Param(n) => {
                let n = self.param_index(frame, n)?;
                self.set_param(frame, n, current);
            }
            ExprKind::Interprocess(slot) => self.set_interprocess(*slot, current)?,
            ExprKind::Deref(pointer) => {
                let pointer = self.pointer(frame, pointer)?;
                self.assign_in(frame, &pointer, current)?;
            }
            _ => {
                return Err(RuntimeError::new(
                    codes::BAD_ARGUMENTS,
                    "a byte of a BLOB is assigned through a variable or a pointer to one",
                ));
            }
        }
        Ok(())
    }

    pub(super) fn set_process_var(&mut self, slot: usize, value: Value) {
        if self.process_vars.len() <= slot {
            self.process_vars.resize(slot + 1, Value::Undefined);
        }
        self.process_vars[slot] = own_array(value);
    }

    /// The value of the interprocess variable at `slot` (this process's
    /// copy, taken again if another process assigned the variable since).
    pub(super) fn interprocess(&mut self, slot: usize) -> Value {
        if let Some((control, _)) = &self.control {
            let seen = self.interprocess_seen.get(slot).copied().unwrap_or(0);
            if let Some((version, value)) = control.interprocess().read(slot, seen) {
                // A fresh copy: no need for `set_process_var`'s copy of an array.
                if self.process_vars.len() <= slot {
                    self.process_vars.resize(slot + 1, Value::Undefined);
                }
                self.process_vars[slot] = value;
                self.see_interprocess(slot, version);
            }
        }
        self.process_vars.get(slot).cloned().unwrap_or_default()
    }

    /// Assigns the interprocess variable at `slot`.
    pub(super) fn set_interprocess(&mut self, slot: usize, value: Value) -> Result<(), RuntimeError> {
        self.set_process_var(slot, value);
        self.publish(slot)
    }

    /// Makes this process's copy of the interprocess variable at `slot` its value for all processes.
    pub(super) fn publish(&mut self, slot: usize) -> Result<(), RuntimeError> {
        let Some((control, _)) = &self.control else { return Ok(()) };
        let value = self.process_vars.get(slot).cloned().unwrap_or_default();
        let version = control.interprocess().write(slot, Portable::from_variable(&value)?);
        self.see_interprocess(slot, version);
        Ok(())
    }

    pub(super) fn see_interprocess(&mut self, slot: usize, version: u64) {
        if self.interprocess_seen.len() <= slot {
            self.interprocess_seen.resize(slot + 1, 0);
        }
        self.interprocess_seen[slot] = version;
    }

    /// The pointer an expression evaluates to; an error for anything else.
    pub(super) fn pointer(&mut self, frame: &mut Frame<'_>, e: &Expr) -> Result<Rc<Pointer>, RuntimeError> {
        match self.expr(frame, e)? {
            Value::Pointer(p) => Ok(p),
            Value::Null | Value::Undefined => {
                Err(RuntimeError::new(codes::NIL_POINTER, "this pointer is nil: it points to nothing").at(e.span))
            }
            other => Err(RuntimeError::new(
                codes::INCOMPATIBLE_TYPES,
                format!("`->` dereferences a pointer, not {}", other.type_name()),
            )
            .at(e.span)),
        }
    }

    /// A pointer to a place, as `->place` makes it.
    pub(super) fn pointer_to(&mut self, frame: &mut Frame<'_>, place: &Place) -> Result<Value, RuntimeError> {
        if matches!(place, Place::Local(_) | Place::Param(_)) {
            self.register(frame);
        }
        let pointer = match place {
            Place::Local(slot) => Pointer::Local {
                call: frame.serial,
                slot: *slot,
                name: Rc::from(frame.code.locals[*slot].name.as_str()),
            },
            Place::Param(index) => Pointer::Param { call: frame.serial, n: self.param_index(frame, index)? },
            Place::Process(slot) => {
                Pointer::Process { slot: *slot, name: Rc::from(self.methods.process_var_name(*slot)) }
            }
            Place::Interprocess(slot) => {
                Pointer::Interprocess { slot: *slot, name: Rc::from(self.methods.process_var_name(*slot)) }
            }
            Place::Publish { place, .. } => return self.pointer_to(frame, place),
            Place::Deref { pointer, .. } => return Ok(Value::Pointer(self.pointer(frame, pointer)?)),
            Place::ArrayElement { array, index, span } => {
                let Expr { kind, span: array_span } = array.as_ref();
                let array = match kind {
                    ExprKind::Local(slot) => self.pointer_to(frame, &Place::Local(*slot))?,
                    ExprKind::Process(slot) => self.pointer_to(frame, &Place::Process(*slot))?,
                    ExprKind::Interprocess(slot) => self.pointer_to(frame, &Place::Interprocess(*slot))?,
                    ExprKind::Deref(p) => Value::Pointer(self.pointer(frame, p)?),
                    _ => {
                        return Err(RuntimeError::new(
                            codes::BAD_ARGUMENTS,
                            "`->` points to a variable or an array element",
                        )
                        .at(*array_span));
                    }
                };
                let Value::Pointer(array) = array else {
                    return Err(RuntimeError::new(codes::BAD_ARGUMENTS, "`->` points to a variable").at(*span));
                };
                let index = self.number(frame, index)? as i64;
                Pointer::Element { array, index }
            }
            Place::Member { span, .. } | Place::Index { span, .. } | Place::CharIndex { span, .. } => {
                return Err(RuntimeError::new(
                    codes::BAD_ARGUMENTS,
                    "`->` points to a variable, an array or an array element, not to a property or a character",
                )
                .at(*span));
            }
        };
        Ok(Value::Pointer(Rc::new(pointer)))
    }

    /// The running call a pointer to a local belongs to.
    pub(super) fn call_record(&self, call: u64, name: &str) -> Result<&CallRecord, RuntimeError> {
        self.calls.iter().rev().find(|c| c.serial == call).ok_or_else(|| {
            RuntimeError::new(
                codes::NIL_POINTER,
                format!("the pointer to `{name}` outlived its method: that local variable no longer exists"),
            )
        })
    }

    /// Reads what a pointer designates (the current frame's extra parameters included).
    pub(super) fn deref_in(&mut self, frame: &Frame<'_>, pointer: &Pointer) -> Result<Value, RuntimeError> {
        match pointer {
            Pointer::Param { call, n } if *call == frame.serial => Ok(self.param(frame, *n)),
            other => self.deref(other),
        }
    }

    pub(super) fn assign_in(
        &mut self,
        frame: &mut Frame<'_>,
        pointer: &Pointer,
        value: Value,
    ) -> Result<(), RuntimeError> {
        match pointer {
            Pointer::Param { call, n } if *call == frame.serial => {
                self.set_param(frame, *n, value);
                Ok(())
            }
            other => self.assign(other, value),
        }
    }

    pub fn deref(&mut self, pointer: &Pointer) -> Result<Value, RuntimeError> {
        match pointer {
            Pointer::Local { call, slot, name } => {
                let record = self.call_record(*call, name)?;
                Ok(self.stack[record.base + slot].clone())
            }
            Pointer::Param { call, n } => {
                let record = self.call_record(*call, "$")?;
                if *n <= record.nargs { Ok(self.stack[record.args + n - 1].clone()) } else { Ok(Value::Undefined) }
            }
            Pointer::Process { slot, .. } => Ok(self.process_vars.get(*slot).cloned().unwrap_or_default()),
            Pointer::Interprocess { slot, .. } => Ok(self.interprocess(*slot)),
            Pointer::Element { array, index } => {
                let array = self.deref(array)?;
                array_element(&array, *index as f64)
            }
        }
    }

    pub fn assign(&mut self, pointer: &Pointer, value: Value) -> Result<(), RuntimeError> {
        match pointer {
            Pointer::Local { call, slot, name } => {
                let record = self.call_record(*call, name)?;
                let at = record.base + slot;
                let code = Arc::clone(&record.code);
                store_local(&mut self.stack[at], &code.locals[*slot], value)
            }
            Pointer::Param { call, n } => {
                let record = self.call_record(*call, "$")?;
                if *n > record.nargs {
                    return Err(RuntimeError::new(
                        codes::INDEX_OUT_OF_RANGE,
                        format!("parameter {n} was not passed to that method"),
                    ));
                }
                let at = record.args + n - 1;
                self.stack[at] = value;
                Ok(())
            }
            Pointer::Process { slot, .. } => {
                self.set_process_var(*slot, value);
                Ok(())
            }
            Pointer::Interprocess { slot, .. } => self.set_interprocess(*slot, value),
            Pointer::Element { array: pointer, index } => {
                let array = self.deref(pointer)?;
                if let Value::Blob(_) = array {
                    // A byte of a BLOB variable (`->$blob{2}`): the BLOB is assigned its new content.
                    let mut bytes = array;
                    if let Value::Blob(b) = &mut bytes {
                        set_byte(b, *index as f64, &value)?;
                    }
                    return self.assign(pointer, bytes);
                }
                set_array_element(&array, *index as f64, value)?;
                match **pointer {
                    Pointer::Interprocess { slot, .. } => self.publish(slot),
                    _ => Ok(()),
                }
            }
        }
    }

    /// The `Type` of the variable a pointer designates.
    pub(super) fn variable_type(&mut self, pointer: &Pointer) -> Result<i32, RuntimeError> {
        let value = self.deref(pointer)?;
        if let Value::Array(a) = &value {
            return Ok(a.borrow().ty.type_number());
        }
        if let Pointer::Local { call, slot, name } = pointer {
            let info = &self.call_record(*call, name)?.code.locals[*slot];
            if info.declared || info.ty != VarType::Variant {
                return Ok(type_number(info.ty));
            }
        }
        Ok(match value {
            Value::Undefined => 5,
            Value::Long(_) => 9,
            Value::Null => 255,
            other => other.value_type(),
        })
    }
}

/// Assigns a local: the value converted to its declared type; an array is copied.
#[inline(always)]
pub(super) fn store_local(dest: &mut Value, info: &LocalInfo, value: Value) -> Result<(), RuntimeError> {
    if let Value::Array(_) = value {
        *dest = own_array(value);
        return Ok(());
    }
    store_converted(dest, info.ty, value, &info.name)
}
