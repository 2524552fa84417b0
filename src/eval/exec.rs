//! The tree walker: runs resolved statements and evaluates resolved expressions.

use std::rc::Rc;

use crate::commands::{Args, Ctx, Host, Output};
use crate::runtime::error::{Frame as CallFrame, RuntimeError, codes};
use crate::runtime::value::{Date, Text, Value};
use crate::syntax::ast::{AssignOp, BinOp};

use super::ops;
use super::program::{Expr, ExprKind, Literal, MethodCode, Place, ResultKind, Stmt, Stop, VarType};

/// How deep methods may call each other before 4D's "stack full" error.
pub const MAX_CALL_DEPTH: usize = 2000;

/// Where the evaluator gets project methods from.
pub trait Methods {
    /// The resolved code of method `index`, loaded on first use.
    fn code(&mut self, index: usize) -> Result<Rc<MethodCode>, RuntimeError>;
}

/// The state of one 4D process while it runs.
pub struct Process<'a> {
    pub methods: &'a mut dyn Methods,
    pub process_vars: &'a mut Vec<Value>,
    pub out: &'a mut dyn Output,
    depth: usize,
}

/// The locals and parameters of one running method.
struct Frame {
    code: Rc<MethodCode>,
    locals: Vec<Value>,
    params: Vec<Value>,
    /// The value of `return expr` in a method with a typed result.
    result: Value,
}

/// How a block ended.
enum Flow {
    Normal,
    Break,
    Continue,
    Return,
}

impl<'a> Process<'a> {
    pub fn new(methods: &'a mut dyn Methods, process_vars: &'a mut Vec<Value>, out: &'a mut dyn Output) -> Process<'a> {
        Process { methods, process_vars, out, depth: 0 }
    }

    /// Runs a method with arguments and returns its result.
    pub fn call(&mut self, code: Rc<MethodCode>, args: Vec<Value>) -> Result<Value, RuntimeError> {
        if self.depth >= MAX_CALL_DEPTH {
            return Err(RuntimeError::new(
                codes::STACK_FULL,
                format!("stack full: methods call each other more than {MAX_CALL_DEPTH} levels deep"),
            ));
        }
        let mut locals: Vec<Value> = code.locals.iter().map(|l| default_value(l.ty)).collect();
        for (param, arg) in code.params.iter().zip(&args) {
            locals[param.slot] = convert(param.ty, arg.clone(), &code.locals[param.slot].name)?;
        }
        let mut frame = Frame { code: code.clone(), locals, params: args, result: Value::Undefined };
        self.depth += 1;
        let outcome = self.block(&mut frame, &code.body);
        self.depth -= 1;
        outcome?;
        Ok(match code.result {
            ResultKind::Legacy(Some(slot)) | ResultKind::Named(slot) => std::mem::take(&mut frame.locals[slot]),
            ResultKind::Legacy(None) => Value::Undefined,
            ResultKind::Typed(_) => frame.result,
        })
    }

    fn block(&mut self, frame: &mut Frame, stmts: &[Stmt]) -> Result<Flow, RuntimeError> {
        for stmt in stmts {
            match self.stmt(frame, stmt)? {
                Flow::Normal => {}
                other => return Ok(other),
            }
        }
        Ok(Flow::Normal)
    }

    fn stmt(&mut self, frame: &mut Frame, stmt: &Stmt) -> Result<Flow, RuntimeError> {
        match stmt {
            Stmt::Expr(e) => {
                self.expr(frame, e)?;
            }
            Stmt::Assign { target, op, value, span } => {
                let value = self.expr(frame, value)?;
                let value = match op {
                    AssignOp::Assign => value,
                    _ => {
                        let current = self.read_place(frame, target)?;
                        let bin = match op {
                            AssignOp::Add => BinOp::Add,
                            AssignOp::Subtract => BinOp::Subtract,
                            AssignOp::Multiply => BinOp::Multiply,
                            _ => BinOp::Divide,
                        };
                        ops::binary(bin, &current, &value).map_err(|e| e.at(*span))?
                    }
                };
                self.write_place(frame, target, value).map_err(|e| e.at(*span))?;
            }
            Stmt::Append { slot, parts, span } => {
                let mut current = std::mem::take(&mut frame.locals[*slot]);
                for part in parts {
                    let value = match self.expr(frame, part) {
                        Ok(v) => v,
                        Err(e) => {
                            frame.locals[*slot] = current;
                            return Err(e);
                        }
                    };
                    match (&mut current, &value) {
                        (Value::Text(t), Value::Text(piece)) => t.push_str(piece.as_str()),
                        _ => match ops::binary(BinOp::Add, &current, &value) {
                            Ok(sum) => current = sum,
                            Err(e) => {
                                frame.locals[*slot] = current;
                                return Err(e.at(*span));
                            }
                        },
                    }
                }
                let name = frame.code.locals[*slot].name.clone();
                frame.locals[*slot] = convert(frame.code.locals[*slot].ty, current, &name).map_err(|e| e.at(*span))?;
            }
            Stmt::Declare { slots, init, span } => {
                if let Some(init) = init {
                    let value = self.expr(frame, init)?;
                    if let Some(&slot) = slots.first() {
                        let name = frame.code.locals[slot].name.clone();
                        frame.locals[slot] =
                            convert(frame.code.locals[slot].ty, value, &name).map_err(|e| e.at(*span))?;
                    }
                }
            }
            Stmt::If { cond, then_block, else_block } => {
                let block = if self.condition(frame, cond)? { then_block } else { else_block };
                return self.block(frame, block);
            }
            Stmt::Case { branches, else_block } => {
                for (cond, body) in branches {
                    if self.condition(frame, cond)? {
                        return self.block(frame, body);
                    }
                }
                return self.block(frame, else_block);
            }
            Stmt::While { cond, body } => {
                while self.condition(frame, cond)? {
                    match self.block(frame, body)? {
                        Flow::Break => break,
                        Flow::Return => return Ok(Flow::Return),
                        Flow::Normal | Flow::Continue => {}
                    }
                }
            }
            Stmt::Repeat { body, until } => loop {
                match self.block(frame, body)? {
                    Flow::Break => break,
                    Flow::Return => return Ok(Flow::Return),
                    Flow::Normal | Flow::Continue => {}
                }
                if self.condition(frame, until)? {
                    break;
                }
            },
            Stmt::For { counter, start, end, step, body, span } => {
                let start = self.number(frame, start)?;
                let end = self.number(frame, end)?;
                let step = match step {
                    Some(s) => self.number(frame, s)?,
                    None => 1.0,
                };
                if let Place::Local(slot) = counter {
                    return self.for_local(frame, *slot, start, end, step, body, *span);
                }
                self.write_place(frame, counter, Value::Real(start)).map_err(|e| e.at(*span))?;
                loop {
                    let i = self.read_place(frame, counter)?.as_number().unwrap_or(0.0);
                    if (step >= 0.0 && i > end) || (step < 0.0 && i < end) {
                        break;
                    }
                    match self.block(frame, body)? {
                        Flow::Break => break,
                        Flow::Return => return Ok(Flow::Return),
                        Flow::Normal | Flow::Continue => {}
                    }
                    let i = self.read_place(frame, counter)?.as_number().unwrap_or(0.0);
                    self.write_place(frame, counter, Value::Real(i + step)).map_err(|e| e.at(*span))?;
                }
            }
            Stmt::ForEach { item, source, begin, end, stop, body, span } => {
                return self.for_each(frame, item, source, begin.as_ref(), end.as_ref(), stop.as_ref(), body, *span);
            }
            Stmt::Try { body, catch } => match self.block(frame, body) {
                Ok(flow) => return Ok(flow),
                Err(_) => return self.block(frame, catch),
            },
            Stmt::Return { value, span } => {
                if let Some(value) = value {
                    let value = self.expr(frame, value)?;
                    match frame.code.result {
                        ResultKind::Named(slot) | ResultKind::Legacy(Some(slot)) => {
                            let name = frame.code.locals[slot].name.clone();
                            frame.locals[slot] =
                                convert(frame.code.locals[slot].ty, value, &name).map_err(|e| e.at(*span))?;
                        }
                        ResultKind::Typed(ty) => {
                            frame.result = convert(ty, value, "the result").map_err(|e| e.at(*span))?;
                        }
                        ResultKind::Legacy(None) => frame.result = value,
                    }
                }
                return Ok(Flow::Return);
            }
            Stmt::Break => return Ok(Flow::Break),
            Stmt::Continue => return Ok(Flow::Continue),
            Stmt::Unsupported { what, span } => {
                return Err(RuntimeError::new(codes::NOT_SUPPORTED, what.clone()).at(*span));
            }
        }
        Ok(Flow::Normal)
    }

    /// `For` with a local counter: the counter's slot is read and written
    /// directly (the body may still assign it, which the loop then follows).
    #[allow(clippy::too_many_arguments)]
    fn for_local(
        &mut self,
        frame: &mut Frame,
        slot: usize,
        start: f64,
        end: f64,
        step: f64,
        body: &[Stmt],
        span: crate::diag::Span,
    ) -> Result<Flow, RuntimeError> {
        let ty = frame.code.locals[slot].ty;
        let store = |n: f64| match ty {
            VarType::Integer => Ok(Value::Long(n.trunc() as i32)),
            VarType::Real | VarType::Variant => Ok(Value::Real(n)),
            _ => Err(RuntimeError::new(codes::TYPE_MISMATCH, "the counter of `For` must be a number").at(span)),
        };
        frame.locals[slot] = store(start)?;
        loop {
            let i = frame.locals[slot].as_number().unwrap_or(0.0);
            if (step >= 0.0 && i > end) || (step < 0.0 && i < end) {
                return Ok(Flow::Normal);
            }
            match self.block(frame, body)? {
                Flow::Break => return Ok(Flow::Normal),
                Flow::Return => return Ok(Flow::Return),
                Flow::Normal | Flow::Continue => {}
            }
            let i = frame.locals[slot].as_number().unwrap_or(0.0);
            frame.locals[slot] = store(i + step)?;
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn for_each(
        &mut self,
        frame: &mut Frame,
        item: &Place,
        source: &Expr,
        begin: Option<&Expr>,
        end: Option<&Expr>,
        stop: Option<&Stop>,
        body: &[Stmt],
        span: crate::diag::Span,
    ) -> Result<Flow, RuntimeError> {
        let source_value = self.expr(frame, source)?;
        let (items, is_collection): (Vec<Value>, bool) = match &source_value {
            Value::Collection(c) => (c.borrow().clone(), true),
            Value::Object(o) => (o.borrow().props.keys().map(|k| Value::text(k.as_ref())).collect(), false),
            Value::Null | Value::Undefined => (Vec::new(), true),
            other => {
                return Err(RuntimeError::new(
                    codes::INCOMPATIBLE_TYPES,
                    format!("`For each` goes over a collection or an object, not {}", other.type_name()),
                )
                .at(source.span));
            }
        };
        let len = items.len() as i64;
        let (mut from, mut to) = (0i64, len);
        if is_collection {
            if let Some(b) = begin {
                let b = self.number(frame, b)?.trunc() as i64;
                from = if b < 0 { (b + len).max(0) } else { b };
            }
            if let Some(e) = end {
                let e = self.number(frame, e)?.trunc() as i64;
                to = if e < 0 { e + len } else { e.min(len) };
            }
        }
        let mut index = from;
        while index < to {
            if let Some(Stop::While(cond)) = stop
                && !self.condition(frame, cond)?
            {
                break;
            }
            let value = items[index as usize].clone();
            self.write_place(frame, item, value).map_err(|e| e.at(span))?;
            match self.block(frame, body)? {
                Flow::Break => break,
                Flow::Return => return Ok(Flow::Return),
                Flow::Normal | Flow::Continue => {}
            }
            if let Some(Stop::Until(cond)) = stop
                && self.condition(frame, cond)?
            {
                break;
            }
            index += 1;
        }
        Ok(Flow::Normal)
    }

    /// A condition of `If`, `While`, `Until`, `:`: a Boolean; undefined counts as False.
    fn condition(&mut self, frame: &mut Frame, cond: &Expr) -> Result<bool, RuntimeError> {
        match self.expr(frame, cond)? {
            Value::Bool(b) => Ok(b),
            Value::Undefined => Ok(false),
            other => Err(RuntimeError::new(
                codes::TYPE_MISMATCH,
                format!("a condition must be a Boolean, not {}", other.type_name()),
            )
            .at(cond.span)),
        }
    }

    fn number(&mut self, frame: &mut Frame, e: &Expr) -> Result<f64, RuntimeError> {
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

    fn param_index(&mut self, frame: &mut Frame, index: &Expr) -> Result<usize, RuntimeError> {
        let n = self.number(frame, index)?;
        if n < 1.0 {
            return Err(
                RuntimeError::new(codes::INDEX_OUT_OF_RANGE, format!("there is no parameter {n}")).at(index.span)
            );
        }
        Ok(n as usize)
    }

    fn read_place(&mut self, frame: &mut Frame, place: &Place) -> Result<Value, RuntimeError> {
        Ok(match place {
            Place::Local(slot) => frame.locals[*slot].clone(),
            Place::Param(index) => {
                let n = self.param_index(frame, index)?;
                frame.params.get(n - 1).cloned().unwrap_or_default()
            }
            Place::Process(slot) => self.process_vars.get(*slot).cloned().unwrap_or_default(),
            Place::Member { object, name, span } => {
                let object = self.expr(frame, object)?;
                member(&object, name).map_err(|e| e.at(*span))?
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
        })
    }

    fn write_place(&mut self, frame: &mut Frame, place: &Place, value: Value) -> Result<(), RuntimeError> {
        match place {
            Place::Local(slot) => {
                let info = &frame.code.locals[*slot];
                frame.locals[*slot] = convert(info.ty, value, &info.name)?;
            }
            Place::Param(index) => {
                let n = self.param_index(frame, index)?;
                if frame.params.len() < n {
                    frame.params.resize(n, Value::Undefined);
                }
                frame.params[n - 1] = value;
            }
            Place::Process(slot) => {
                if self.process_vars.len() <= *slot {
                    self.process_vars.resize(*slot + 1, Value::Undefined);
                }
                self.process_vars[*slot] = value;
            }
            Place::Member { object, name, span } => {
                let target = self.expr(frame, object)?;
                match target {
                    Value::Object(o) => {
                        let stored = stored(value);
                        let mut o = o.borrow_mut();
                        match o.props.get_mut(name.as_ref()) {
                            Some(slot) => *slot = stored,
                            None => {
                                o.props.insert(Rc::from(name.as_ref()), stored);
                            }
                        }
                    }
                    other => {
                        return Err(RuntimeError::new(
                            codes::NOT_AN_OBJECT,
                            format!("cannot set the property `{name}` of {}", other.type_name()),
                        )
                        .at(*span));
                    }
                }
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
        }
        Ok(())
    }

    /// Evaluates an expression. The frequent kinds are handled here; the
    /// others go to `expr_cold`, which keeps this function's stack frame small
    /// (it recurses for every operand).
    fn expr(&mut self, frame: &mut Frame, e: &Expr) -> Result<Value, RuntimeError> {
        match &e.kind {
            ExprKind::Literal(lit) => Ok(literal(lit)),
            ExprKind::Local(slot) => Ok(frame.locals[*slot].clone()),
            ExprKind::Process(slot) => Ok(self.process_vars.get(*slot).cloned().unwrap_or_default()),
            ExprKind::Binary { first, rest } => {
                let mut acc = self.expr(frame, first)?;
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
                            let right = self.expr(frame, operand)?;
                            ops::binary(*op, &acc, &right).map_err(|err| err.at(e.span))?
                        }
                    };
                }
                Ok(acc)
            }
            _ => self.expr_cold(frame, e),
        }
    }

    #[inline(never)]
    fn expr_cold(&mut self, frame: &mut Frame, e: &Expr) -> Result<Value, RuntimeError> {
        let value = match &e.kind {
            // The frequent kinds are `expr`'s own.
            ExprKind::Literal(_) | ExprKind::Local(_) | ExprKind::Process(_) | ExprKind::Binary { .. } => {
                return self.expr(frame, e);
            }
            ExprKind::Param(index) => {
                let n = self.param_index(frame, index)?;
                frame.params.get(n - 1).cloned().unwrap_or_default()
            }
            ExprKind::Command { id, args, star } => {
                let mut values = Vec::with_capacity(args.len());
                for arg in args {
                    values.push(self.expr(frame, arg)?);
                }
                let host = FrameHost { params: frame.params.len(), name: &frame.code.name };
                let mut ctx = Ctx { out: &mut *self.out, host: &host };
                (id.spec().handler)(&mut ctx, &Args { values: &values, star: *star }).map_err(|err| err.at(e.span))?
            }
            ExprKind::MethodCall { method, args } => {
                let mut values = Vec::with_capacity(args.len());
                for arg in args {
                    values.push(self.expr(frame, arg)?);
                }
                let code = self.methods.code(*method).map_err(|err| err.at(e.span))?;
                self.call(code.clone(), values).map_err(|mut err| {
                    if err.0.span.is_none() {
                        err.0.span = Some(e.span);
                    } else {
                        err.0.frames.push(CallFrame { method: code.name.clone(), span: e.span });
                    }
                    err
                })?
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
            ExprKind::Member { object, name } => {
                let object = self.expr(frame, object)?;
                member(&object, name).map_err(|err| err.at(e.span))?
            }
            ExprKind::MemberCall { object, name, function, args } => {
                let object = self.expr(frame, object)?;
                let mut values = Vec::with_capacity(args.len());
                for arg in args {
                    values.push(self.expr(frame, arg)?);
                }
                self.member_call(frame, &object, name, *function, &values).map_err(|err| err.at(e.span))?
            }
            ExprKind::Index { target, index } => {
                let target = self.expr(frame, target)?;
                let index = self.expr(frame, index)?;
                element(&target, &index).map_err(|err| err.at(e.span))?
            }
            ExprKind::CharIndex { text, index } => {
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
                let mut map = indexmap::IndexMap::with_capacity(props.len());
                for (key, value) in props {
                    let value = self.expr(frame, value)?;
                    map.insert(Rc::from(key.as_ref()), stored(value));
                }
                Value::new_object(map)
            }
            ExprKind::Collection(items) => {
                let mut values = Vec::with_capacity(items.len());
                for item in items {
                    values.push(stored(self.expr(frame, item)?));
                }
                Value::new_collection(values)
            }
            ExprKind::Try(inner) => self.expr(frame, inner).unwrap_or(Value::Undefined),
            ExprKind::Unsupported(what) => {
                return Err(RuntimeError::new(codes::NOT_SUPPORTED, what.clone()).at(e.span));
            }
        };
        Ok(value)
    }
}

impl Process<'_> {
    /// `object.name(args)`: a collection function, for now.
    fn member_call(
        &mut self,
        frame: &Frame,
        object: &Value,
        name: &str,
        function: Option<usize>,
        args: &[Value],
    ) -> Result<Value, RuntimeError> {
        match object {
            Value::Collection(c) => {
                let Some(spec) = function.and_then(|i| crate::commands::collections::FUNCTIONS.get(i)) else {
                    return Err(RuntimeError::new(
                        codes::NOT_SUPPORTED,
                        format!("the collection function `.{name}()` is not supported by fourd yet"),
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
                let host = FrameHost { params: frame.params.len(), name: &frame.code.name };
                let mut ctx = Ctx { out: &mut *self.out, host: &host };
                (spec.handler)(&mut ctx, c, &Args { values: args, star: false })
            }
            Value::Object(_) => Err(RuntimeError::new(
                codes::NOT_SUPPORTED,
                format!("calling `.{name}()` on an object (a formula or class function) is not supported by fourd yet"),
            )),
            other => Err(RuntimeError::new(
                codes::NOT_AN_OBJECT,
                format!("cannot call `.{name}()` on {}", other.type_name()),
            )),
        }
    }
}

/// What a command may ask about the running method.
struct FrameHost<'f> {
    params: usize,
    name: &'f str,
}

impl Host for FrameHost<'_> {
    fn count_parameters(&self) -> usize {
        self.params
    }

    fn current_method_name(&self) -> String {
        self.name.to_string()
    }
}

fn literal(lit: &Literal) -> Value {
    match lit {
        Literal::Number(n) => Value::Real(*n),
        Literal::Text(t) => Value::Text(Text::new(t.as_ref())),
        Literal::Bool(b) => Value::Bool(*b),
        Literal::Date { year, month, day } => Value::Date(Date { year: *year, month: *month, day: *day }),
        Literal::Time(t) => Value::Time(*t),
        Literal::Null => Value::Null,
    }
}

/// The value a variable of this type holds before anything is assigned.
pub fn default_value(ty: VarType) -> Value {
    match ty {
        VarType::Text => Value::text(""),
        VarType::Integer => Value::Long(0),
        VarType::Real => Value::Real(0.0),
        VarType::Boolean => Value::Bool(false),
        VarType::Date => Value::Date(Date::NULL),
        VarType::Time => Value::Time(0),
        VarType::Object | VarType::Collection | VarType::Pointer => Value::Null,
        VarType::Variant | VarType::Picture | VarType::Blob => Value::Undefined,
    }
}

/// A value as a variable of type `ty` holds it, or the error 4D gives.
fn convert(ty: VarType, value: Value, name: &str) -> Result<Value, RuntimeError> {
    if matches!(value, Value::Undefined) {
        return Ok(default_value(ty));
    }
    let ok = match (ty, &value) {
        (VarType::Variant | VarType::Picture | VarType::Blob, _) => true,
        (VarType::Integer, Value::Real(n)) => return Ok(Value::Long(n.trunc() as i32)),
        (VarType::Integer, Value::Long(_)) => true,
        (VarType::Real, Value::Long(n)) => return Ok(Value::Real(f64::from(*n))),
        (VarType::Real, Value::Real(_)) => true,
        (VarType::Text, Value::Text(_)) => true,
        (VarType::Boolean, Value::Bool(_)) => true,
        (VarType::Date, Value::Date(_)) => true,
        (VarType::Time, Value::Time(_)) => true,
        (VarType::Time, Value::Real(n)) => return Ok(Value::Time(n.trunc() as i64)),
        (VarType::Object, Value::Object(_) | Value::Null) => true,
        (VarType::Collection, Value::Collection(_) | Value::Null) => true,
        (VarType::Pointer, Value::Null) => true,
        _ => false,
    };
    if ok {
        Ok(value)
    } else {
        Err(RuntimeError::new(
            codes::TYPE_MISMATCH,
            format!("cannot assign {} to {name}, declared {ty:?}", value.type_name()),
        ))
    }
}

/// A value as objects and collections store it: numbers are Reals.
fn stored(value: Value) -> Value {
    match value {
        Value::Long(n) => Value::Real(f64::from(n)),
        other => other,
    }
}

/// `object.name`: undefined when missing or when `object` is undefined; an error on null.
fn member(object: &Value, name: &str) -> Result<Value, RuntimeError> {
    match object {
        Value::Object(o) => Ok(o.borrow().props.get(name).cloned().unwrap_or_default()),
        Value::Undefined => Ok(Value::Undefined),
        Value::Collection(c) if name == "length" => Ok(Value::Real(c.borrow().len() as f64)),
        other => Err(RuntimeError::new(
            codes::NOT_AN_OBJECT,
            format!("cannot read the property `{name}` of {}", other.type_name()),
        )),
    }
}

/// `target[index]`: a collection element (0-based) or an object property.
fn element(target: &Value, index: &Value) -> Result<Value, RuntimeError> {
    match (target, index) {
        (Value::Collection(c), i) if i.as_number().is_some() => {
            let i = i.as_number().unwrap_or(0.0).trunc();
            let c = c.borrow();
            if i < 0.0 || i as usize >= c.len() {
                return Err(RuntimeError::new(
                    codes::INDEX_OUT_OF_RANGE,
                    format!("index {i} is outside the collection (length {})", c.len()),
                ));
            }
            Ok(c[i as usize].clone())
        }
        (Value::Object(_) | Value::Undefined, Value::Text(key)) => member(target, key.as_str()),
        _ => Err(RuntimeError::new(
            codes::INCOMPATIBLE_TYPES,
            format!("cannot index {} with {}", target.type_name(), index.type_name()),
        )),
    }
}

fn set_element(target: &Value, index: &Value, value: Value) -> Result<(), RuntimeError> {
    match (target, index) {
        (Value::Collection(c), i) if i.as_number().is_some() => {
            let i = i.as_number().unwrap_or(0.0).trunc();
            if i < 0.0 {
                return Err(RuntimeError::new(codes::INDEX_OUT_OF_RANGE, format!("index {i} is negative")));
            }
            let i = i as usize;
            let mut c = c.borrow_mut();
            if i >= c.len() {
                c.resize(i + 1, Value::Null);
            }
            c[i] = stored(value);
            Ok(())
        }
        (Value::Object(o), Value::Text(key)) => {
            o.borrow_mut().props.insert(Rc::from(key.as_str()), stored(value));
            Ok(())
        }
        _ => Err(RuntimeError::new(
            codes::INCOMPATIBLE_TYPES,
            format!("cannot index {} with {}", target.type_name(), index.type_name()),
        )),
    }
}

/// `text[[i]]`: the UTF-16 code unit at 1-based position `i`.
fn char_at(text: &Value, index: f64) -> Result<Value, RuntimeError> {
    let Value::Text(t) = text else {
        return Err(RuntimeError::new(
            codes::INCOMPATIBLE_TYPES,
            format!("`[[ ]]` applies to a text, not {}", text.type_name()),
        ));
    };
    let s = t.as_str();
    let i = index.trunc();
    if t.is_ascii() {
        if i >= 1.0 && (i as usize) <= s.len() {
            let at = i as usize - 1;
            return Ok(Value::text(&s[at..=at]));
        }
    } else if i >= 1.0
        && let Some(unit) = s.encode_utf16().nth(i as usize - 1)
    {
        return Ok(Value::text(String::from_utf16_lossy(&[unit])));
    }
    Err(RuntimeError::new(
        codes::INDEX_OUT_OF_RANGE,
        format!("character {i} is outside the text (length {})", s.encode_utf16().count()),
    ))
}

fn set_char(text: &Value, index: f64, value: &Value) -> Result<Value, RuntimeError> {
    let (Value::Text(t), Value::Text(c)) = (text, value) else {
        return Err(RuntimeError::new(codes::INCOMPATIBLE_TYPES, "`[[ ]]` assigns a text character into a text"));
    };
    let mut units: Vec<u16> = t.as_str().encode_utf16().collect();
    let i = index.trunc();
    if i < 1.0 || i as usize > units.len() {
        return Err(RuntimeError::new(
            codes::INDEX_OUT_OF_RANGE,
            format!("character {i} is outside the text (length {})", units.len()),
        ));
    }
    let replacement: Vec<u16> = c.as_str().encode_utf16().take(1).collect();
    units.splice(i as usize - 1..i as usize, replacement);
    Ok(Value::text(String::from_utf16_lossy(&units)))
}
