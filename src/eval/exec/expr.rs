//! Expressions: `expr` for the frequent kinds and `expr_cold` for the rest,
//! conditions, numbers, parameters, and the quick paths of the numeric operators.

use std::rc::Rc;

use super::super::ops;
use super::super::program::{CharPosition, Expr, ExprKind, Literal, NumTree, SystemVar};
use super::host::ProcessHost;
use super::{Formula, Frame, Process, unwound};
use crate::commands::{Args, Ctx};
use crate::diag::Span;
use crate::runtime::access::{array_element, char_at, element, has_class, member};
use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::props::Values;
use crate::runtime::types::store;
use crate::runtime::value::{Date, Props, Text, Value, key};
use crate::syntax::ast::BinOp;

impl Process<'_> {
    /// A condition of `If`, `While`, `Until`, `:`: a Boolean; undefined counts as False.
    pub(super) fn condition(&mut self, frame: &mut Frame<'_>, cond: &Expr) -> Result<bool, RuntimeError> {
        // A comparison of numbers (`$i<10`, `Count parameters=0`) is decided
        // here, without building a Boolean value or a call to `expr`.
        match &cond.kind {
            ExprKind::LocalNumber { slot, op, number } => {
                if let Some(x) = number_of(&self.stack[frame.base + *slot])
                    && let Some(b) = compare_numbers(*op, x, *number)
                {
                    return Ok(b);
                }
            }
            ExprKind::Numeric { tree, .. } => {
                if let NumTree::Compare(op, left, right) = &**tree
                    && let (Some(x), Some(y)) = (self.num_leaf(frame, left), self.num_leaf(frame, right))
                    && let Some(b) = compare_numbers(*op, x, y)
                {
                    return Ok(b);
                }
            }
            ExprKind::CharIs { slot, index, byte, equal, .. } => {
                if let Some(b) = self.char_is(frame, *slot, *index, *byte, *equal) {
                    return Ok(b);
                }
            }
            ExprKind::Binary { first, rest } if rest.len() == 1 && is_comparison(rest[0].0) => {
                let left = self.operand(frame, first)?;
                let right = self.operand(frame, &rest[0].1)?;
                if let (Some(x), Some(y)) = (number_of(&left), number_of(&right))
                    && let Some(b) = compare_numbers(rest[0].0, x, y)
                {
                    std::mem::forget(right);
                    std::mem::forget(left);
                    return Ok(b);
                }
                let result = ops::binary(rest[0].0, &left, &right).map_err(|err| err.at(cond.span))?;
                left.discard();
                right.discard();
                return self.truth(result, cond);
            }
            _ => {}
        }
        let value = self.expr(frame, cond)?;
        self.truth(value, cond)
    }

    /// An [`ExprKind::CharIs`] decided on the bytes of its local, when that
    /// holds an ASCII text and the index is a number inside it.
    #[inline(always)]
    fn char_is(&self, frame: &Frame<'_>, slot: usize, index: CharPosition, byte: u8, equal: bool) -> Option<bool> {
        let i = match index {
            CharPosition::Local(at) => number_of(&self.stack[frame.base + at])?,
            CharPosition::Number(n) => n,
        };
        let Value::Text(text) = &self.stack[frame.base + slot] else { return None };
        let bytes = text.as_str().as_bytes();
        // `as` truncates toward zero, as `char_at` does.
        if !(text.is_ascii() && i >= 1.0 && i < bytes.len() as f64 + 1.0) {
            return None;
        }
        Some(crate::runtime::text::equal_ascii_chars(bytes[i as usize - 1], byte) == equal)
    }

    /// The truth of a condition's value: a Boolean, or undefined (False).
    #[inline(always)]
    pub(super) fn truth(&self, value: Value, cond: &Expr) -> Result<bool, RuntimeError> {
        if let Value::Bool(b) = value {
            std::mem::forget(value);
            return Ok(b);
        }
        match value {
            Value::Undefined => Ok(false),
            other => Err(RuntimeError::new(
                codes::TYPE_MISMATCH,
                format!("a condition must be a Boolean, not {}", other.type_name()),
            )
            .at(cond.span)),
        }
    }

    pub(super) fn number(&mut self, frame: &mut Frame<'_>, e: &Expr) -> Result<f64, RuntimeError> {
        match &e.kind {
            ExprKind::Literal(Literal::Number(n)) => return Ok(*n),
            ExprKind::Local(slot) => {
                if let Some(n) = number_of(&self.stack[frame.base + *slot]) {
                    return Ok(n);
                }
            }
            _ => {}
        }
        match self.expr(frame, e)? {
            Value::Real(n) => Ok(n),
            Value::Long(n) => Ok(f64::from(n)),
            Value::Undefined => Ok(0.0),
            other => {
                Err(RuntimeError::new(codes::TYPE_MISMATCH, format!("a number is expected, not {}", other.type_name()))
                    .at(e.span))
            }
        }
    }

    pub(super) fn param_index(&mut self, frame: &mut Frame<'_>, index: &Expr) -> Result<usize, RuntimeError> {
        let n = self.number(frame, index)?;
        if n < 1.0 {
            return Err(
                RuntimeError::new(codes::INDEX_OUT_OF_RANGE, format!("there is no parameter {n}")).at(index.span)
            );
        }
        Ok(n as usize)
    }

    pub(super) fn param(&self, frame: &Frame<'_>, n: usize) -> Value {
        if n <= frame.nargs {
            self.stack[frame.args + n - 1].clone()
        } else {
            frame.extra.get(n - frame.nargs - 1).cloned().unwrap_or_default()
        }
    }

    pub(super) fn set_param(&mut self, frame: &mut Frame<'_>, n: usize, value: Value) {
        if n <= frame.nargs {
            self.stack[frame.args + n - 1] = value;
        } else {
            let i = n - frame.nargs - 1;
            if frame.extra.len() <= i {
                frame.extra.resize(i + 1, Value::Undefined);
            }
            frame.extra[i] = value;
        }
    }

    /// Evaluates an expression. The frequent kinds are handled here; the
    /// others go to `expr_cold`, which keeps this function's stack frame small
    /// (it recurses for every operand).
    pub(super) fn expr(&mut self, frame: &mut Frame<'_>, e: &Expr) -> Result<Value, RuntimeError> {
        match &e.kind {
            ExprKind::Literal(lit) => Ok(self.literal(lit)),
            ExprKind::Local(slot) => Ok(self.stack[frame.base + *slot].clone()),
            ExprKind::Process(slot) => Ok(self.process_vars.get(*slot).cloned().unwrap_or_default()),
            ExprKind::Binary { first, rest } => {
                let mut acc = self.operand(frame, first)?;
                for (op, operand) in rest {
                    acc = match op {
                        BinOp::AndThen => {
                            if acc.truthy() {
                                self.expr(frame, operand)?
                            } else {
                                acc
                            }
                        }
                        BinOp::OrElse => {
                            if acc.truthy() {
                                acc
                            } else {
                                self.expr(frame, operand)?
                            }
                        }
                        _ => {
                            let right = self.operand(frame, operand)?;
                            if let (Some(x), Some(y)) = (number_of(&acc), number_of(&right))
                                && let Some(result) = quick_numbers(*op, x, y)
                            {
                                // Both are numbers: nothing to drop.
                                std::mem::forget(right);
                                std::mem::forget(acc);
                                result
                            } else {
                                let result = ops::binary(*op, &acc, &right).map_err(|err| err.at(e.span))?;
                                acc.discard();
                                right.discard();
                                result
                            }
                        }
                    };
                }
                Ok(acc)
            }
            ExprKind::LocalNumber { slot, op, number } => {
                if let Some(result) = self.quick_local_number(frame, *slot, *op, *number) {
                    return Ok(result);
                }
                let local = self.stack[frame.base + *slot].clone();
                ops::binary(*op, &local, &Value::Real(*number)).map_err(|err| err.at(e.span))
            }
            ExprKind::Numeric { tree, generic } => match self.numeric(frame, tree) {
                Some(value) => Ok(value),
                None => self.expr(frame, generic),
            },
            ExprKind::CharIs { slot, index, byte, equal, generic } => {
                match self.char_is(frame, *slot, *index, *byte, *equal) {
                    Some(b) => Ok(Value::Bool(b)),
                    None => self.expr(frame, generic),
                }
            }
            ExprKind::MemberCall { object, name, members, args } => {
                self.member_call_expr(frame, object, name, *members, args, e.span)
            }
            ExprKind::MethodCall { method, args } => {
                let start = self.stack.len();
                for arg in args {
                    if let Err(err) = self.push_argument(frame, arg) {
                        self.pop_to(start);
                        return Err(err);
                    }
                }
                self.method_call(frame, *method, start, e.span)
            }
            _ => self.expr_cold(frame, e),
        }
    }

    /// The value of a numeric tree, when every local it reads holds a number
    /// and no `%` has a zero divisor (then the tree's `Binary` gives the
    /// value or the error): a Real, or a Boolean for a comparison.
    #[inline(always)]
    fn numeric(&self, frame: &Frame<'_>, tree: &NumTree) -> Option<Value> {
        match tree {
            NumTree::Compare(op, left, right) => {
                compare_numbers(*op, self.num_leaf(frame, left)?, self.num_leaf(frame, right)?).map(Value::Bool)
            }
            _ => self.num(frame, tree).map(Value::Real),
        }
    }

    /// The number of a numeric tree without a comparison (see `numeric`).
    pub(super) fn num(&self, frame: &Frame<'_>, tree: &NumTree) -> Option<f64> {
        match tree {
            NumTree::Number(n) => Some(*n),
            NumTree::Local(slot) => number_of(&self.stack[frame.base + *slot]),
            NumTree::CountParameters => Some(frame.count_parameters() as f64),
            NumTree::Member { slot, site } => self.num_member(self.stack.get(frame.base + *slot), *site),
            NumTree::ParamMember { n, site } => self.num_member(frame.param(&self.stack, *n), *site),
            NumTree::Op(op, left, right) => arithmetic(*op, self.num_leaf(frame, left)?, self.num_leaf(frame, right)?),
            NumTree::Compare(..) => None,
        }
    }

    /// `num` with the leaves read here, without a call.
    #[inline(always)]
    fn num_leaf(&self, frame: &Frame<'_>, tree: &NumTree) -> Option<f64> {
        match tree {
            NumTree::Number(n) => Some(*n),
            NumTree::Local(slot) => number_of(&self.stack[frame.base + *slot]),
            NumTree::CountParameters => Some(frame.count_parameters() as f64),
            NumTree::Member { slot, site } => self.num_member(self.stack.get(frame.base + *slot), *site),
            _ => self.num(frame, tree),
        }
    }

    /// A [`NumTree::Member`]: the number at the position place `site` keeps,
    /// when the local holds a plain object of that layout and the property
    /// there is a number.
    #[inline(always)]
    fn num_member(&self, object: Option<&Value>, site: u32) -> Option<f64> {
        let Some(Value::Object(o)) = object else { return None };
        let o = o.try_borrow().ok()?;
        if o.class.is_some() {
            return None;
        }
        let i = self.sites.known(site, &o.props)?;
        number_of(o.props.value_at(i)?)
    }

    /// An operand: literals and locals without the cost of a call to `expr`.
    #[inline(always)]
    pub(super) fn operand(&mut self, frame: &mut Frame<'_>, e: &Expr) -> Result<Value, RuntimeError> {
        match &e.kind {
            ExprKind::Literal(Literal::Number(n)) => Ok(Value::Real(*n)),
            ExprKind::Local(slot) => Ok(self.stack[frame.base + *slot].clone()),
            ExprKind::CountParameters => Ok(Value::Real(frame.count_parameters() as f64)),
            ExprKind::Member { object, name, site } => match self.known_member(frame, object, name, *site) {
                Some(value) => Ok(value),
                None => self.expr(frame, e),
            },
            _ => self.expr(frame, e),
        }
    }

    /// `object.name` read where the object lies (a local or a parameter),
    /// when it is a plain object that has the property: at the position its
    /// layout had at this place last, or found and kept for next time.
    #[inline]
    fn known_member(&mut self, frame: &Frame<'_>, object: &Expr, name: &str, site: u32) -> Option<Value> {
        let Some(Value::Object(o)) = in_place(&self.stack, frame, object) else { return None };
        let o = o.borrow();
        if o.class.is_some() {
            return None;
        }
        let i = self.sites.position(site, &o.props, name)?;
        o.props.value_at(i).cloned()
    }

    /// `$local op number` computed in place when the local is a number and
    /// the operator a frequent one.
    #[inline(always)]
    pub(super) fn quick_local_number(&self, frame: &Frame<'_>, slot: usize, op: BinOp, number: f64) -> Option<Value> {
        quick_numbers(op, number_of(&self.stack[frame.base + slot])?, number)
    }

    /// Evaluates an argument onto the stack; numbers computed from a local are
    /// written there directly (no copy through a temporary).
    #[inline(always)]
    pub(super) fn push_argument(&mut self, frame: &mut Frame<'_>, arg: &Expr) -> Result<(), RuntimeError> {
        if let ExprKind::LocalNumber { slot, op, number } = &arg.kind
            && let Some(result) = self.quick_local_number(frame, *slot, *op, *number)
        {
            self.push_in_place(result);
            return Ok(());
        }
        let value = self.expr(frame, arg)?;
        self.push_in_place(value);
        Ok(())
    }

    /// Pushes a value onto the stack, writing numbers word by word into their
    /// slot (`Vec::push` would copy them whole from a temporary and stall).
    #[inline(always)]
    pub(super) fn push_in_place(&mut self, value: Value) {
        self.stack.push(Value::Undefined);
        if let Some(slot) = self.stack.last_mut() {
            store(slot, value);
        }
    }

    /// Calls project method `method` with the arguments on the stack from `start`.
    pub(super) fn method_call(
        &mut self,
        frame: &Frame<'_>,
        method: usize,
        start: usize,
        span: Span,
    ) -> Result<Value, RuntimeError> {
        let code = match self.loaded.get(method) {
            Some(Some(code)) => code.clone(),
            _ => match self.load(method) {
                Ok(code) => code,
                Err(err) => {
                    self.stack.truncate(start);
                    return Err(err.at(span));
                }
            },
        };
        let bailed = match self.pure_method_call(&code, start) {
            Ok(value) => return Ok(value),
            Err(bailed) => bailed,
        };
        let outcome = self.after_bail(bailed, |process| {
            process.chain.push(super::ChainLink { site: span, callee: super::Callee::Method(method) });
            let outcome = process.invoke(&code, start, frame.this.clone(), &[]);
            process.chain.pop();
            outcome
        });
        outcome.map_err(|err| unwound(err, &code.name, span))
    }

    #[inline]
    pub(super) fn literal(&mut self, lit: &Literal) -> Value {
        match lit {
            Literal::Number(n) => Value::Real(*n),
            Literal::Text(text, id) => Value::Text(self.text_literal(text, *id)),
            Literal::Bool(b) => Value::Bool(*b),
            Literal::Date { year, month, day } => Value::Date(Date { year: *year, month: *month, day: *day }),
            Literal::Time(t) => Value::Time(*t),
            Literal::Null => Value::Null,
        }
    }

    /// The `Text` of a text literal, made once per process and shared after.
    #[inline]
    pub(super) fn text_literal(&mut self, text: &str, id: u32) -> Text {
        self.sites.text(text, id)
    }

    /// The values of `args` in a reused buffer (a call then allocates
    /// nothing); the caller gives it back with `release_args`.
    pub(super) fn buffered_args(&mut self, frame: &mut Frame<'_>, args: &[Expr]) -> Result<Vec<Value>, RuntimeError> {
        let mut values = self.arg_buffers.pop().unwrap_or_default();
        for arg in args {
            match self.expr(frame, arg) {
                Ok(v) => values.push(v),
                Err(err) => {
                    self.release_args(values);
                    return Err(err);
                }
            }
        }
        Ok(values)
    }

    /// Gives a buffer of `buffered_args` back, emptied.
    pub(super) fn release_args(&mut self, mut values: Vec<Value>) {
        values.clear();
        self.arg_buffers.push(values);
    }

    #[inline(never)]
    pub(super) fn expr_cold(&mut self, frame: &mut Frame<'_>, e: &Expr) -> Result<Value, RuntimeError> {
        let value = match &e.kind {
            // The frequent kinds are `expr`'s own.
            ExprKind::Literal(_)
            | ExprKind::Local(_)
            | ExprKind::Process(_)
            | ExprKind::Binary { .. }
            | ExprKind::LocalNumber { .. }
            | ExprKind::Numeric { .. }
            | ExprKind::CharIs { .. }
            | ExprKind::MethodCall { .. } => {
                return self.expr(frame, e);
            }
            ExprKind::CountParameters => Value::Real(frame.count_parameters() as f64),
            ExprKind::NewObject { site, names, values } => {
                let mut items = Values::with_capacity(values.len());
                for value in values {
                    items.push(self.operand(frame, value)?.stored());
                }
                let layout = self.sites.new_object(*site, names);
                Value::new_object(Props::from_layout(layout, items))
            }
            ExprKind::Interprocess(slot) => self.interprocess(*slot),
            ExprKind::ClassRef(index) => self.loaded_class(*index).map_err(|err| err.at(e.span))?.object,
            ExprKind::ClassStore => self.class_store(frame.code.context).map_err(|err| err.at(e.span))?,
            ExprKind::SuperCall { class, args } => {
                let mut values = Vec::with_capacity(args.len());
                for arg in args {
                    values.push(self.expr(frame, arg)?);
                }
                self.super_call(frame, *class, values, e.span).map_err(|err| err.at(e.span))?
            }
            ExprKind::SuperMember { class, name, args } => {
                let mut values = Vec::with_capacity(args.len());
                for arg in args {
                    values.push(self.expr(frame, arg)?);
                }
                self.super_member(frame, *class, name, values, e.span).map_err(|err| err.at(e.span))?
            }
            ExprKind::Publish { slots, call } => {
                let value = self.expr(frame, call)?;
                for &slot in slots {
                    self.publish(slot)?;
                }
                value
            }
            ExprKind::Param(index) => {
                let n = self.param_index(frame, index)?;
                self.param(frame, n)
            }
            ExprKind::Command { id, args, star, marker } => {
                let spec = id.spec();
                let values = self.buffered_args(frame, args)?;
                let outcome = {
                    let mut host = ProcessHost { process: self, frame, args, site: e.span };
                    let mut ctx = Ctx { host: &mut host };
                    (spec.handler)(&mut ctx, &Args { values: &values, star: *star, marker: *marker })
                };
                self.release_args(values);
                outcome.map_err(|err| err.at(e.span))?
            }
            ExprKind::ForwardCall { method } => {
                let start = self.stack.len();
                for n in 1..=frame.count_parameters() {
                    let v = self.param(frame, n);
                    self.stack.push(v);
                }
                self.method_call(frame, *method, start, e.span)?
            }
            ExprKind::Negate(inner) => match self.expr(frame, inner)? {
                Value::Real(n) => Value::Real(-n),
                Value::Long(n) => Value::Real(-f64::from(n)),
                Value::Time(t) => Value::Time(-t),
                other => {
                    return Err(RuntimeError::new(
                        codes::INCOMPATIBLE_TYPES,
                        format!("cannot negate {}", other.type_name()),
                    )
                    .at(e.span));
                }
            },
            ExprKind::Member { object, name, site } => {
                // A local is read where it lies, without a copy of its value;
                // a plain object's property at the position its layout had here last.
                if let Some(value) = self.known_member(frame, object, name, *site) {
                    return Ok(value);
                }
                if let Some(target) = in_place(&self.stack, frame, object)
                    && !has_class(target)
                {
                    if let Value::SharedObject(o) = target {
                        return Ok(o.get_hinted(name, self.sites.hint(*site)));
                    }
                    return member(target, name).map_err(|err| err.at(e.span));
                }
                let object = self.expr(frame, object)?;
                if has_class(&object) {
                    self.class_member(&object, name, e.span).map_err(|err| err.at(e.span))?
                } else {
                    member(&object, name).map_err(|err| err.at(e.span))?
                }
            }
            ExprKind::MemberCall { object, name, members, args } => {
                return self.member_call_expr(frame, object, name, *members, args, e.span);
            }
            ExprKind::CallValue { function, args } => {
                let function = self.expr(frame, function)?;
                let mut values = Vec::with_capacity(args.len());
                for arg in args {
                    values.push(self.expr(frame, arg)?);
                }
                let this = frame.this.clone();
                self.call_value(&function, this, values, e.span).map_err(|err| err.at(e.span))?
            }
            ExprKind::Index { target, index } => {
                let target = self.expr(frame, target)?;
                let index = self.expr(frame, index)?;
                element(&target, &index).map_err(|err| err.at(e.span))?
            }
            ExprKind::IndexCall { target, index, args } => {
                let target = self.expr(frame, target)?;
                let index = self.expr(frame, index)?;
                let mut values = Vec::with_capacity(args.len());
                for arg in args {
                    values.push(self.expr(frame, arg)?);
                }
                match (&target, &index) {
                    (Value::Object(_) | Value::SharedObject(_), Value::Text(name)) => {
                        // The name is known only now: its rows are looked up now.
                        let ids = crate::commands::members::member_ids(name.as_str());
                        self.member_call(frame, &target, name.as_str(), ids, values, e.span)
                            .map_err(|err| err.at(e.span))?
                    }
                    _ => {
                        let function = element(&target, &index).map_err(|err| err.at(e.span))?;
                        self.call_value(&function, target, values, e.span).map_err(|err| err.at(e.span))?
                    }
                }
            }
            ExprKind::CharIndex { text, index } => {
                // `$t[[$i]]`: the text is read where it lies (no reference taken).
                if let (ExprKind::Local(slot), ExprKind::Local(_) | ExprKind::Literal(Literal::Number(_))) =
                    (&text.kind, &index.kind)
                {
                    let index = self.number(frame, index)?;
                    return char_at(&self.stack[frame.base + *slot], index).map_err(|err| err.at(e.span));
                }
                let text = self.expr(frame, text)?;
                let index = self.number(frame, index)?;
                char_at(&text, index).map_err(|err| err.at(e.span))?
            }
            ExprKind::Ternary { cond, then_expr, else_expr } => {
                if self.expr(frame, cond)?.truthy() {
                    self.expr(frame, then_expr)?
                } else {
                    self.expr(frame, else_expr)?
                }
            }
            ExprKind::Object(props) => {
                let mut map = Props::with_capacity(props.len());
                for (name, value) in props {
                    let value = self.expr(frame, value)?;
                    map.insert(key(name), value.stored());
                }
                Value::new_object(map)
            }
            ExprKind::Collection(items) => {
                let mut values = Vec::with_capacity(items.len());
                for item in items {
                    values.push(self.expr(frame, item)?.stored());
                }
                Value::new_collection(values)
            }
            ExprKind::Try(inner) => {
                self.try_begin();
                let outcome = self.expr(frame, inner);
                match outcome {
                    Ok(v) => {
                        self.try_end(frame, None);
                        v
                    }
                    Err(err) if err.code() == codes::ABORTED => {
                        self.tries.pop();
                        return Err(err);
                    }
                    Err(err) => {
                        self.try_end(frame, Some(err));
                        Value::Undefined
                    }
                }
            }
            ExprKind::PointerTo(place) => self.pointer_to(frame, place)?,
            ExprKind::Deref(pointer) => {
                let pointer = self.pointer(frame, pointer)?;
                self.deref_in(frame, &pointer).map_err(|err| err.at(e.span))?
            }
            ExprKind::ArrayElement { array, index } => {
                let array = self.expr(frame, array)?;
                let index = self.number(frame, index)?;
                array_element(&array, index).map_err(|err| err.at(e.span))?
            }
            ExprKind::This => {
                if frame.super_pending {
                    self.this_before_super(frame).map_err(|err| err.at(e.span))?;
                }
                frame.this.clone()
            }
            ExprKind::Formula { code, captures, source } => {
                let captured =
                    captures.iter().map(|(outer, inner)| (*inner, self.local(frame, *outer).clone())).collect();
                Value::new_formula(Rc::new(Formula { code: code.clone(), captured, source: source.to_string() }))
            }
            ExprKind::SystemVar(var) => match var {
                SystemVar::Error => Value::Long(self.errors.error),
                SystemVar::ErrorMethod => Value::text(self.errors.error_method.clone()),
                SystemVar::ErrorLine => Value::Long(self.errors.error_line),
                SystemVar::ErrorFormula => Value::text(self.errors.error_formula.clone()),
            },
            ExprKind::Unsupported(what) => {
                return Err(RuntimeError::new(codes::NOT_SUPPORTED, what.clone()).at(e.span));
            }
            ExprKind::BadCall(what) => {
                return Err(RuntimeError::new(codes::BAD_ARGUMENTS, what.clone()).at(e.span));
            }
        };
        Ok(value)
    }
}

/// A Real or Longint as a number (no call).
#[inline(always)]
pub(crate) fn number_of(value: &Value) -> Option<f64> {
    match value {
        Value::Real(n) => Some(*n),
        Value::Long(n) => Some(f64::from(*n)),
        _ => None,
    }
}

/// Whether `op` compares its operands (its result is a Boolean).
#[inline(always)]
pub(crate) fn is_comparison(op: BinOp) -> bool {
    matches!(op, BinOp::Less | BinOp::Greater | BinOp::LessEqual | BinOp::GreaterEqual | BinOp::Equal | BinOp::NotEqual)
}

/// A comparison of two numbers, as `quick_numbers` makes it, as a `bool`.
#[inline(always)]
pub(crate) fn compare_numbers(op: BinOp, x: f64, y: f64) -> Option<bool> {
    Some(match op {
        BinOp::Less => x < y,
        BinOp::Greater => x > y,
        BinOp::LessEqual => x <= y,
        BinOp::GreaterEqual => x >= y,
        BinOp::Equal => (x - y).abs() < ops::REAL_EPSILON,
        BinOp::NotEqual => (x - y).abs() >= ops::REAL_EPSILON,
        _ => return None,
    })
}

/// The frequent numeric operators, computed in place; `None` sends the others to `ops::binary`.
#[inline(always)]
pub(super) fn quick_numbers(op: BinOp, x: f64, y: f64) -> Option<Value> {
    match arithmetic(op, x, y) {
        Some(n) => Some(Value::Real(n)),
        None => compare_numbers(op, x, y).map(Value::Bool),
    }
}

/// `+ - * / %` on two numbers; `None` for the other operators and for a
/// `%` whose divisor is 0 as an Integer (`ops::binary` then gives the error).
#[inline(always)]
pub(crate) fn arithmetic(op: BinOp, x: f64, y: f64) -> Option<f64> {
    match op {
        BinOp::Add => Some(x + y),
        BinOp::Subtract => Some(x - y),
        BinOp::Multiply => Some(x * y),
        BinOp::Divide => Some(x / y),
        BinOp::Modulo if y as i32 != 0 => Some(f64::from((x as i32).wrapping_rem(y as i32))),
        _ => None,
    }
}

/// The value of a local, or of a parameter written `$1`..., where it lies on
/// the stack (none for other expressions, or a parameter not passed).
#[inline(always)]
pub(super) fn in_place<'s>(stack: &'s [Value], frame: &Frame<'_>, e: &Expr) -> Option<&'s Value> {
    match &e.kind {
        ExprKind::Local(slot) => stack.get(frame.base + *slot),
        ExprKind::Param(index) => match index.kind {
            ExprKind::Literal(Literal::Number(n)) if n >= 1.0 => frame.param(stack, n as usize),
            _ => None,
        },
        _ => None,
    }
}
