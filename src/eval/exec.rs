//! The tree walker: runs resolved statements and evaluates resolved expressions.

use std::rc::Rc;
use std::sync::Arc;

use crate::commands::{Args, Ctx, Host, Output, ProcessInfo};
use crate::diag::Span;
use crate::runtime::error::{ErrorState, Frame as CallFrame, RuntimeError, codes};
use crate::runtime::shared;
use crate::runtime::value::{Code, Date, Pointer, Props, Text, Value, key};
use crate::syntax::ast::{AssignOp, BinOp};

use super::ops;
mod classes;

use super::processes::{Control, Message, Portable, Slot, WorkerName, state};
use super::program::{
    Expr, ExprKind, Literal, LocalInfo, MethodCode, Place, ResultKind, Stmt, Stop, SystemVar, VarType,
};

/// Text literals numbered beyond this are made each time they are evaluated
/// (only code compiled again and again at run time gets there).
const MAX_SHARED_LITERALS: usize = 1 << 20;

/// How deep methods may call each other before 4D's "stack full" error.
pub const MAX_CALL_DEPTH: usize = 2000;

/// Where the evaluator gets project methods and other run-wide things from.
pub trait Methods {
    /// The resolved code of method `index`, loaded on first use.
    fn code(&mut self, index: usize) -> Result<Arc<MethodCode>, RuntimeError>;
    /// The code of the user class at `index`, loaded and resolved on first use.
    fn class_code(&mut self, index: usize) -> Result<Arc<super::program::ClassCode>, RuntimeError>;
    /// The index of the user class with this name (case-sensitive).
    fn class_index(&mut self, name: &str) -> Option<usize>;
    /// The names of the project's classes, sorted.
    fn class_names(&mut self) -> Vec<String>;
    /// The index of the project method with this name (any case), if there is one.
    fn method_index(&mut self, name: &str) -> Option<usize>;
    /// The slot of the process variable with this name (any case), if there is one.
    fn process_var_slot(&mut self, name: &str) -> Option<usize>;
    /// The name of the process variable in `slot`.
    fn process_var_name(&self, slot: usize) -> String;
    /// Resolves formula source text (`Formula from string`).
    fn compile_formula(&mut self, source: &str) -> Result<Arc<MethodCode>, RuntimeError>;
    /// The source text of a span, as written.
    fn snippet(&self, span: Span) -> String;
    /// The line number of a span.
    fn line(&self, span: Span) -> usize;
    /// The `--user-param` value of the run.
    fn user_param(&self) -> String;
}

/// The code of a formula object: its resolved expression and the values of
/// the locals it captured when it was created.
#[derive(Debug)]
pub struct Formula {
    pub code: Arc<MethodCode>,
    /// (slot in the formula's frame, value captured).
    pub captured: Vec<(usize, Value)>,
    pub source: String,
}

impl Code for Formula {
    fn source(&self) -> &str {
        &self.source
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The state of one 4D process while it runs.
pub struct Process<'a> {
    pub methods: &'a mut dyn Methods,
    pub process_vars: &'a mut Vec<Value>,
    pub out: &'a mut dyn Output,
    /// The locals and arguments of every running method, one region per call.
    stack: Vec<Value>,
    /// The running calls, innermost last, for pointers to their locals.
    calls: Vec<CallRecord>,
    serial: u64,
    depth: usize,
    pub errors: ErrorState,
    /// For each running `Try`, the handler generation when it started.
    tries: Vec<u64>,
    /// Whether an `ON ERR CALL` handler is running.
    in_handler: bool,
    /// Emptied argument vectors of finished command calls, for reuse.
    arg_buffers: Vec<Vec<Value>>,
    /// The methods this process has called, by method index (no call through `methods` per call).
    /// (Behind an `Rc`: a call clones it without the atomic count of the `Arc`.)
    #[expect(clippy::redundant_allocation, reason = "an Rc clone per call instead of an atomic Arc clone")]
    loaded: Vec<Option<Rc<Arc<MethodCode>>>>,
    /// The text literals evaluated so far, by number (see `text_literal`).
    texts: Vec<Option<Text>>,
    /// The other processes of the run, and this one's entry in their table
    /// (none for code run outside a run's processes).
    control: Option<(&'a dyn Control, Arc<Slot>)>,
    /// By slot: the version of the interprocess variable that this
    /// process's copy (in `process_vars`) holds; 0 for none.
    interprocess_seen: Vec<u64>,
    /// The user classes this process has used, by index.
    classes: Vec<Option<classes::LoadedClass>>,
    /// `cs`, once asked for.
    class_store: Option<Value>,
    /// The singletons of this process, by class index.
    singletons: Vec<Option<Value>>,
}

/// What a pointer to a local needs to know about a running call.
struct CallRecord {
    serial: u64,
    args: usize,
    nargs: usize,
    base: usize,
    code: Arc<MethodCode>,
}

/// One running method: where its arguments and locals are on the stack.
struct Frame<'c> {
    code: &'c MethodCode,
    rc: &'c Arc<MethodCode>,
    /// Whether a `CallRecord` for this call is on `calls` (see `register`).
    registered: bool,
    serial: u64,
    /// Stack index of the first argument.
    args: usize,
    nargs: usize,
    /// Stack index of local slot 0.
    base: usize,
    /// Parameters written beyond those passed (`${n}:=...`).
    extra: Vec<Value>,
    /// The value of `return expr` in a method with a typed result.
    result: Value,
    /// `This`.
    this: Value,
    /// In the constructor of a class that extends another: `Super()` has not run yet.
    super_pending: bool,
}

impl Frame<'_> {
    /// `Count parameters`: the arguments passed, and those written beyond them.
    #[inline(always)]
    fn count_parameters(&self) -> usize {
        self.nargs + self.extra.len()
    }
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
        Process {
            methods,
            process_vars,
            out,
            stack: Vec::with_capacity(1024),
            calls: Vec::new(),
            serial: 0,
            depth: 0,
            errors: ErrorState::default(),
            tries: Vec::new(),
            in_handler: false,
            arg_buffers: Vec::new(),
            loaded: Vec::new(),
            texts: Vec::new(),
            control: None,
            interprocess_seen: Vec::new(),
            classes: Vec::new(),
            class_store: None,
            singletons: Vec::new(),
        }
    }

    /// Does what other processes asked of this one (`PAUSE PROCESS`, `DELAY
    /// PROCESS`, `ABORT PROCESS BY ID`): checked at each loop turn and call.
    #[inline(always)]
    fn attend(&self) -> Result<(), RuntimeError> {
        match &self.control {
            Some((_, slot)) if slot.needs_attention() => slot.attend(),
            _ => Ok(()),
        }
    }

    /// Makes this process one of a run's processes.
    pub fn attach(&mut self, control: &'a dyn Control, slot: Arc<Slot>) {
        self.control = Some((control, slot));
    }

    /// Runs a message of this process's worker box; an uncaught error is
    /// reported with the process's name, and the process goes on.
    pub fn run_message(&mut self, message: Message) {
        if let Err((error, name)) = self.handle_message(message)
            && let Some((control, slot)) = &self.control
        {
            control.report_error(&error, &name, &slot.name);
        }
    }

    /// Runs a message's formula or method with its parameters. An error comes
    /// back with the name of what ran.
    fn handle_message(&mut self, message: Message) -> Result<(), (RuntimeError, String)> {
        let args: Vec<Value> = message.args.into_iter().map(Portable::into_value).collect();
        match message.function.into_value() {
            Value::Text(name) => {
                let name = name.as_str().to_string();
                let Some(index) = self.methods.method_index(&name) else {
                    let error = RuntimeError::new(
                        codes::UNKNOWN_NAME,
                        format!("there is no project method named `{name}` for the worker to run"),
                    );
                    return Err((error, name));
                };
                let code = self.methods.code(index).map_err(|e| (e, name.clone()))?;
                self.call(code, args, Value::Undefined).map(|_| ()).map_err(|e| (e, name))
            }
            Value::Object(o) => {
                let code = o.borrow().code.clone();
                let Some(formula) = code.as_ref().and_then(|c| c.as_any().downcast_ref::<Formula>()) else {
                    return Err((
                        RuntimeError::new(codes::BAD_ARGUMENTS, "a worker runs a formula or a method"),
                        String::new(),
                    ));
                };
                let start = self.stack.len();
                self.stack.extend(args);
                let name = formula.code.name.clone();
                self.invoke(&formula.code, start, Value::Undefined, &formula.captured)
                    .map(|_| ())
                    .map_err(|e| (e, name))
            }
            _ => Err((RuntimeError::new(codes::BAD_ARGUMENTS, "a worker runs a formula or a method"), String::new())),
        }
    }

    /// Runs a method with arguments and returns its result.
    pub fn call(&mut self, code: Arc<MethodCode>, args: Vec<Value>, this: Value) -> Result<Value, RuntimeError> {
        let start = self.stack.len();
        self.stack.extend(args);
        self.invoke(&code, start, this, &[])
    }

    /// Runs `code` with the arguments on the stack from `args` up; leaves the
    /// stack as it was before the arguments.
    fn invoke(
        &mut self,
        code: &Arc<MethodCode>,
        args: usize,
        this: Value,
        captured: &[(usize, Value)],
    ) -> Result<Value, RuntimeError> {
        if let Err(e) = self.attend() {
            self.stack.truncate(args);
            return Err(e);
        }
        if self.depth >= MAX_CALL_DEPTH {
            self.stack.truncate(args);
            return Err(RuntimeError::new(
                codes::STACK_FULL,
                format!("stack full: methods call each other more than {MAX_CALL_DEPTH} levels deep"),
            ));
        }
        let nargs = self.stack.len() - args;
        let nlocals = code.locals.len();
        let base = if code.params_in_place && nargs <= code.params.len() {
            // The arguments are the parameters' slots: converted where they lie.
            for (i, param) in code.params.iter().enumerate().take(nargs) {
                let at = args + i;
                if !fits(param.ty, &self.stack[at])
                    && let Err(e) = convert_in_place(&mut self.stack[at], param.ty, &code.locals[param.slot].name)
                {
                    self.pop_to(args);
                    return Err(e);
                }
            }
            if nlocals > nargs {
                self.stack.resize(args + nlocals, Value::Undefined);
            }
            // Typed locals (parameters not passed included) start with their type's empty value.
            for (slot, local) in code.locals.iter().enumerate().skip(nargs) {
                if local.ty != VarType::Variant {
                    self.stack[args + slot] = default_value(local.ty);
                }
            }
            args
        } else {
            let base = self.stack.len();
            self.stack.resize(base + nlocals, Value::Undefined);
            for (slot, local) in code.locals.iter().enumerate() {
                if local.ty != VarType::Variant {
                    self.stack[base + slot] = default_value(local.ty);
                }
            }
            for (i, param) in code.params.iter().enumerate().take(nargs) {
                let value = self.stack[args + i].clone();
                match convert_fast(param.ty, value, &code.locals[param.slot].name) {
                    Ok(v) => self.stack[base + param.slot] = v,
                    Err(e) => {
                        self.pop_to(args);
                        return Err(e);
                    }
                }
            }
            base
        };
        for (slot, value) in captured {
            self.stack[base + slot] = value.clone();
        }
        self.serial += 1;
        let serial = self.serial;
        let rc = code;
        let code: &MethodCode = code;
        let mut frame = Frame {
            code,
            rc,
            serial,
            args,
            nargs,
            base,
            registered: false,
            extra: Vec::new(),
            result: Value::Undefined,
            this,
            super_pending: code.constructor.is_some_and(|c| c.derived),
        };
        self.depth += 1;
        let mut outcome = self.block(&mut frame, &code.body);
        if frame.super_pending && outcome.is_ok() {
            outcome = self.check_super_called(&frame).map(|()| Flow::Normal);
        }
        if !self.errors.deferred.is_empty() {
            outcome = self.raise_deferred(outcome);
        }
        self.depth -= 1;
        if frame.registered {
            self.calls.pop();
        }
        frame.this.discard();
        let outcome = match outcome {
            Ok(_) => match code.result {
                ResultKind::Legacy(Some(slot)) | ResultKind::Named(slot) => {
                    std::mem::replace(&mut frame.result, std::mem::take(&mut self.stack[base + slot])).discard();
                    Ok(())
                }
                ResultKind::Legacy(None) | ResultKind::Typed(_) => Ok(()),
            },
            Err(e) => Err(e),
        };
        self.pop_to(args);
        match outcome {
            // Numbers are read word by word and the result is built in place: it
            // was just written as two words, and a 16-byte copy of it would stall.
            Ok(()) => {
                let result = frame.result;
                // Matched through a reference: a number is let go of without
                // a call to the drop code.
                match &result {
                    Value::Long(n) => {
                        let n = *n;
                        result.discard();
                        Ok(Value::Long(n))
                    }
                    Value::Real(x) => {
                        let x = *x;
                        result.discard();
                        Ok(Value::Real(x))
                    }
                    _ => Ok(result),
                }
            }
            Err(e) => Err(e),
        }
    }

    /// Makes the running call findable by pointers to its locals (done when
    /// the first such pointer is made, not on every call).
    fn register(&mut self, frame: &mut Frame<'_>) {
        if !frame.registered {
            frame.registered = true;
            self.calls.push(CallRecord {
                serial: frame.serial,
                args: frame.args,
                nargs: frame.nargs,
                base: frame.base,
                code: Arc::clone(frame.rc),
            });
        }
    }

    /// Shortens the stack to `len` values, releasing the references among them.
    #[inline(always)]
    fn pop_to(&mut self, len: usize) {
        while self.stack.len() > len {
            if let Some(value) = self.stack.pop() {
                value.discard();
            }
        }
    }

    /// The errors thrown in deferred mode by the returning method: raised now
    /// (the first one; all of them are on the error stack).
    #[cold]
    fn raise_deferred(&mut self, outcome: Result<Flow, RuntimeError>) -> Result<Flow, RuntimeError> {
        let depth = self.depth;
        let mine: Vec<RuntimeError> = {
            let (mine, others): (Vec<_>, Vec<_>) = self.errors.deferred.drain(..).partition(|(d, _)| *d >= depth);
            self.errors.deferred = others;
            mine.into_iter().map(|(_, e)| e).collect()
        };
        let Some(first) = mine.first().cloned() else { return outcome };
        outcome?;
        self.errors.last.clear();
        for mut error in mine {
            error.0.recorded = true;
            self.errors.last.push(error);
        }
        let mut first = first;
        first.0.recorded = true;
        first.0.offered = false;
        Err(first)
    }

    /// Calls a formula object with `This` and arguments; `site` is the call,
    /// added to the chain of calls of an error raised inside.
    fn call_formula(
        &mut self,
        formula: &Formula,
        this: Value,
        args: Vec<Value>,
        site: Span,
    ) -> Result<Value, RuntimeError> {
        let start = self.stack.len();
        self.stack.extend(args);
        self.invoke(&formula.code, start, this, &formula.captured).map_err(|err| unwound(err, &formula.code.name, site))
    }

    /// Calls `function` (a formula object or a method name) as a command or a
    /// collection function does; `site` is the call that does it.
    pub fn call_value(
        &mut self,
        function: &Value,
        this: Value,
        args: Vec<Value>,
        site: Span,
    ) -> Result<Value, RuntimeError> {
        match function {
            Value::Object(o) => {
                let code = o.borrow().code.clone();
                match code.as_ref().and_then(|c| c.as_any().downcast_ref::<Formula>()) {
                    Some(formula) => self.call_formula(formula, this, args, site),
                    None => Err(RuntimeError::new(codes::NOT_AN_OBJECT, "this object is not a formula")),
                }
            }
            Value::Text(name) => {
                let Some(index) = self.methods.method_index(name.as_str()) else {
                    return Err(RuntimeError::new(
                        codes::UNKNOWN_NAME,
                        format!("there is no project method named `{}`", name.as_str()),
                    ));
                };
                let code = self.methods.code(index)?;
                let name = code.name.clone();
                self.call(code, args, this).map_err(|err| unwound(err, &name, site))
            }
            other => Err(RuntimeError::new(
                codes::BAD_ARGUMENTS,
                format!("a formula or a method name is expected, not {}", other.type_name()),
            )),
        }
    }

    fn block(&mut self, frame: &mut Frame<'_>, stmts: &[Stmt]) -> Result<Flow, RuntimeError> {
        for stmt in stmts {
            match self.stmt(frame, stmt) {
                Ok(Flow::Normal) => {}
                Ok(other) => return Ok(other),
                Err(e) => self.on_error(frame, e)?,
            }
        }
        Ok(Flow::Normal)
    }

    /// An error raised by a statement: recorded in the error stack, then
    /// given to the `ON ERR CALL` handler, after which the method goes on with
    /// its next statement; without a handler (or under a `Try` started after
    /// the handler was installed) it goes on up.
    #[cold]
    #[inline(never)]
    fn on_error(&mut self, frame: &mut Frame<'_>, mut error: RuntimeError) -> Result<(), RuntimeError> {
        if error.0.offered || error.code() == codes::ABORTED {
            return Err(error);
        }
        error.0.offered = true;
        if !error.0.recorded {
            self.record(frame, &mut error);
        }
        let handler = self.errors.handler.clone().or_else(|| self.errors.global_handler.clone());
        let Some(handler) = handler else { return Err(error) };
        if self.in_handler || self.tries.last().is_some_and(|&at| at >= self.errors.generation) {
            return Err(error);
        }
        let Some(index) = self.methods.method_index(&handler) else { return Err(error) };
        let code = self.methods.code(index)?;
        self.in_handler = true;
        let outcome = self.call(code, Vec::new(), Value::Undefined);
        self.in_handler = false;
        self.errors.settled = true;
        match outcome {
            Ok(_) => Ok(()),
            Err(handler_error) => Err(handler_error),
        }
    }

    /// Puts a new error on the error stack and sets the `Error` system variables.
    fn record(&mut self, frame: &Frame<'_>, error: &mut RuntimeError) {
        error.0.recorded = true;
        if self.errors.settled {
            self.errors.last.clear();
            self.errors.settled = false;
        }
        let span = error.0.span.unwrap_or_default();
        self.errors.error = error.code();
        self.errors.error_method = frame.code.name.clone();
        self.errors.error_line = i32::try_from(self.methods.line(span)).unwrap_or(0);
        self.errors.error_formula = self.methods.snippet(span);
        self.errors.last.push(error.clone());
    }

    /// Starts a `Try`: a new error stack.
    fn try_begin(&mut self) {
        self.errors.last.clear();
        self.errors.settled = false;
        self.tries.push(self.errors.generation);
    }

    /// Ends a `Try`; an error it caught goes on the error stack if not already there.
    fn try_end(&mut self, frame: &Frame<'_>, error: Option<RuntimeError>) {
        self.tries.pop();
        if let Some(mut error) = error
            && !error.0.recorded
        {
            self.record(frame, &mut error);
        }
        self.errors.settled = true;
    }

    fn local(&self, frame: &Frame<'_>, slot: usize) -> &Value {
        &self.stack[frame.base + slot]
    }

    fn set_local(&mut self, frame: &Frame<'_>, slot: usize, value: Value) -> Result<(), RuntimeError> {
        store_local(&mut self.stack[frame.base + slot], &frame.code.locals[slot], value)
    }

    fn stmt(&mut self, frame: &mut Frame<'_>, stmt: &Stmt) -> Result<Flow, RuntimeError> {
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
                let at = frame.base + *slot;
                let mut current = std::mem::take(&mut self.stack[at]);
                for part in parts {
                    let value = match self.expr(frame, part) {
                        Ok(v) => v,
                        Err(e) => {
                            self.stack[at] = current;
                            return Err(e);
                        }
                    };
                    match (&mut current, &value) {
                        (Value::Text(t), Value::Text(piece)) => t.push_str(piece.as_str()),
                        _ => match ops::binary(BinOp::Add, &current, &value) {
                            Ok(sum) => current = sum,
                            Err(e) => {
                                self.stack[at] = current;
                                return Err(e.at(*span));
                            }
                        },
                    }
                }
                let info = &frame.code.locals[*slot];
                self.stack[at] = convert_fast(info.ty, current, &info.name).map_err(|e| e.at(*span))?;
            }
            Stmt::Declare { slots, init, span } => {
                if let Some(init) = init {
                    let value = self.expr(frame, init)?;
                    if let Some(&slot) = slots.first() {
                        let info = &frame.code.locals[slot];
                        self.stack[frame.base + slot] =
                            convert_fast(info.ty, value, &info.name).map_err(|e| e.at(*span))?;
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
                    self.attend()?;
                }
            }
            Stmt::Repeat { body, until } => loop {
                match self.block(frame, body)? {
                    Flow::Break => break,
                    Flow::Return => return Ok(Flow::Return),
                    Flow::Normal | Flow::Continue => {}
                }
                self.attend()?;
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
                    self.attend()?;
                    let i = self.read_place(frame, counter)?.as_number().unwrap_or(0.0);
                    self.write_place(frame, counter, Value::Real(i + step)).map_err(|e| e.at(*span))?;
                }
            }
            Stmt::ForEach { item, source, begin, end, stop, body, span } => {
                return self.for_each(frame, item, source, begin.as_ref(), end.as_ref(), stop.as_ref(), body, *span);
            }
            Stmt::Try { body, catch } => {
                self.try_begin();
                let outcome = self.block(frame, body);
                match outcome {
                    Ok(flow) => {
                        self.try_end(frame, None);
                        return Ok(flow);
                    }
                    Err(e) if e.code() == codes::ABORTED => {
                        self.tries.pop();
                        return Err(e);
                    }
                    Err(e) => {
                        self.try_end(frame, Some(e));
                        return self.block(frame, catch);
                    }
                }
            }
            Stmt::Return { value, span } => {
                if let Some(value) = value {
                    let value = self.expr(frame, value)?;
                    match frame.code.result {
                        ResultKind::Named(slot) | ResultKind::Legacy(Some(slot)) => {
                            let info = &frame.code.locals[slot];
                            store_converted(&mut self.stack[frame.base + slot], info.ty, value, &info.name)
                                .map_err(|e| e.at(*span))?;
                        }
                        ResultKind::Typed(ty) => {
                            store_converted(&mut frame.result, ty, value, "the result").map_err(|e| e.at(*span))?;
                        }
                        ResultKind::Legacy(None) => frame.result = value,
                    }
                }
                return Ok(Flow::Return);
            }
            Stmt::Break => return Ok(Flow::Break),
            Stmt::Continue => return Ok(Flow::Continue),
            Stmt::Use { target, body, span } => {
                let target = self.expr(frame, target)?;
                let Some(group) = shared::membership(&target) else {
                    return Err(RuntimeError::new(
                        codes::BAD_ARGUMENTS,
                        format!("Use needs a shared object or collection, not {}", shared::describe(&target)),
                    )
                    .at(*span));
                };
                group.lock("this Use").map_err(|e| e.at(*span))?;
                let outcome = self.block(frame, body);
                group.unlock();
                return outcome;
            }
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
        frame: &mut Frame<'_>,
        slot: usize,
        start: f64,
        end: f64,
        step: f64,
        body: &[Stmt],
        span: Span,
    ) -> Result<Flow, RuntimeError> {
        let ty = frame.code.locals[slot].ty;
        let store = |n: f64| match ty {
            VarType::Integer => Ok(Value::Long(n as i32)),
            VarType::Real | VarType::Variant => Ok(Value::Real(n)),
            _ => Err(RuntimeError::new(codes::TYPE_MISMATCH, "the counter of `For` must be a number").at(span)),
        };
        let at = frame.base + slot;
        self.stack[at] = store(start)?;
        loop {
            let i = self.stack[at].as_number().unwrap_or(0.0);
            if (step >= 0.0 && i > end) || (step < 0.0 && i < end) {
                return Ok(Flow::Normal);
            }
            match self.block(frame, body)? {
                Flow::Break => return Ok(Flow::Normal),
                Flow::Return => return Ok(Flow::Return),
                Flow::Normal | Flow::Continue => {}
            }
            self.attend()?;
            let i = self.stack[at].as_number().unwrap_or(0.0);
            self.stack[at] = store(i + step)?;
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn for_each(
        &mut self,
        frame: &mut Frame<'_>,
        item: &Place,
        source: &Expr,
        begin: Option<&Expr>,
        end: Option<&Expr>,
        stop: Option<&Stop>,
        body: &[Stmt],
        span: Span,
    ) -> Result<Flow, RuntimeError> {
        let source_value = match self.expr(frame, source)? {
            // A shared collection is read once, when the loop starts.
            Value::SharedCollection(c) => Value::new_collection(c.values()),
            other => other,
        };
        // A collection is read as the loop goes (no copy); an object's property names are taken first.
        let (collection, names, is_collection): (Option<&crate::runtime::value::CollectionRef>, Vec<Value>, bool) =
            match &source_value {
                Value::Collection(c) => (Some(c), Vec::new(), true),
                Value::Object(o) => (None, o.borrow().props.keys().map(|k| Value::text(k.as_ref())).collect(), false),
                Value::SharedObject(o) => (None, o.entries().into_iter().map(|(k, _)| Value::text(k)).collect(), false),
                Value::Null | Value::Undefined => (None, Vec::new(), true),
                other => {
                    return Err(RuntimeError::new(
                        codes::INCOMPATIBLE_TYPES,
                        format!("`For each` goes over a collection or an object, not {}", other.type_name()),
                    )
                    .at(source.span));
                }
            };
        let len = collection.map_or(names.len(), |c| c.borrow().len()) as i64;
        let (mut from, mut to) = (0i64, len);
        if is_collection {
            if let Some(b) = begin {
                let b = self.number(frame, b)? as i64;
                from = if b < 0 { (b + len).max(0) } else { b };
            }
            if let Some(e) = end {
                let e = self.number(frame, e)? as i64;
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
            let value = match collection {
                Some(c) => match c.borrow().get(index as usize) {
                    Some(v) => v.clone(),
                    // The body shortened the collection: the loop ends.
                    None => break,
                },
                None => names[index as usize].clone(),
            };
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
            self.attend()?;
            index += 1;
        }
        Ok(Flow::Normal)
    }

    /// A condition of `If`, `While`, `Until`, `:`: a Boolean; undefined counts as False.
    fn condition(&mut self, frame: &mut Frame<'_>, cond: &Expr) -> Result<bool, RuntimeError> {
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

    /// The truth of a condition's value: a Boolean, or undefined (False).
    #[inline(always)]
    fn truth(&self, value: Value, cond: &Expr) -> Result<bool, RuntimeError> {
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

    fn number(&mut self, frame: &mut Frame<'_>, e: &Expr) -> Result<f64, RuntimeError> {
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

    fn param_index(&mut self, frame: &mut Frame<'_>, index: &Expr) -> Result<usize, RuntimeError> {
        let n = self.number(frame, index)?;
        if n < 1.0 {
            return Err(
                RuntimeError::new(codes::INDEX_OUT_OF_RANGE, format!("there is no parameter {n}")).at(index.span)
            );
        }
        Ok(n as usize)
    }

    fn param(&self, frame: &Frame<'_>, n: usize) -> Value {
        if n <= frame.nargs {
            self.stack[frame.args + n - 1].clone()
        } else {
            frame.extra.get(n - frame.nargs - 1).cloned().unwrap_or_default()
        }
    }

    fn set_param(&mut self, frame: &mut Frame<'_>, n: usize, value: Value) {
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

    fn read_place(&mut self, frame: &mut Frame<'_>, place: &Place) -> Result<Value, RuntimeError> {
        Ok(match place {
            Place::Local(slot) => self.local(frame, *slot).clone(),
            Place::Param(index) => {
                let n = self.param_index(frame, index)?;
                self.param(frame, n)
            }
            Place::Process(slot) => self.process_vars.get(*slot).cloned().unwrap_or_default(),
            Place::Interprocess(slot) => self.interprocess(*slot),
            Place::Publish { place, .. } => self.read_place(frame, place)?,
            Place::Member { object, name, span } => {
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

    fn write_place(&mut self, frame: &mut Frame<'_>, place: &Place, value: Value) -> Result<(), RuntimeError> {
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
            Place::Member { object, name, span } => {
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
                let array = self.expr(frame, array)?;
                let index = self.number(frame, index)?;
                set_array_element(&array, index, value).map_err(|e| e.at(*span))?;
            }
        }
        Ok(())
    }

    fn set_process_var(&mut self, slot: usize, value: Value) {
        if self.process_vars.len() <= slot {
            self.process_vars.resize(slot + 1, Value::Undefined);
        }
        self.process_vars[slot] = own_array(value);
    }

    /// The value of the interprocess variable at `slot` (this process's
    /// copy, taken again if another process assigned the variable since).
    fn interprocess(&mut self, slot: usize) -> Value {
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
    fn set_interprocess(&mut self, slot: usize, value: Value) -> Result<(), RuntimeError> {
        self.set_process_var(slot, value);
        self.publish(slot)
    }

    /// Makes this process's copy of the interprocess variable at `slot` its value for all processes.
    fn publish(&mut self, slot: usize) -> Result<(), RuntimeError> {
        let Some((control, _)) = &self.control else { return Ok(()) };
        let value = self.process_vars.get(slot).cloned().unwrap_or_default();
        let version = control.interprocess().write(slot, Portable::from_variable(&value)?);
        self.see_interprocess(slot, version);
        Ok(())
    }

    fn see_interprocess(&mut self, slot: usize, version: u64) {
        if self.interprocess_seen.len() <= slot {
            self.interprocess_seen.resize(slot + 1, 0);
        }
        self.interprocess_seen[slot] = version;
    }

    /// The pointer an expression evaluates to; an error for anything else.
    fn pointer(&mut self, frame: &mut Frame<'_>, e: &Expr) -> Result<Rc<Pointer>, RuntimeError> {
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
    fn pointer_to(&mut self, frame: &mut Frame<'_>, place: &Place) -> Result<Value, RuntimeError> {
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
    fn call_record(&self, call: u64, name: &str) -> Result<&CallRecord, RuntimeError> {
        self.calls.iter().rev().find(|c| c.serial == call).ok_or_else(|| {
            RuntimeError::new(
                codes::NIL_POINTER,
                format!("the pointer to `{name}` outlived its method: that local variable no longer exists"),
            )
        })
    }

    /// Reads what a pointer designates (the current frame's extra parameters included).
    fn deref_in(&mut self, frame: &Frame<'_>, pointer: &Pointer) -> Result<Value, RuntimeError> {
        match pointer {
            Pointer::Param { call, n } if *call == frame.serial => Ok(self.param(frame, *n)),
            other => self.deref(other),
        }
    }

    fn assign_in(&mut self, frame: &mut Frame<'_>, pointer: &Pointer, value: Value) -> Result<(), RuntimeError> {
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
                set_array_element(&array, *index as f64, value)?;
                match **pointer {
                    Pointer::Interprocess { slot, .. } => self.publish(slot),
                    _ => Ok(()),
                }
            }
        }
    }

    /// The `Type` of the variable a pointer designates.
    fn variable_type(&mut self, pointer: &Pointer) -> Result<i32, RuntimeError> {
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

    /// Evaluates an expression. The frequent kinds are handled here; the
    /// others go to `expr_cold`, which keeps this function's stack frame small
    /// (it recurses for every operand).
    fn expr(&mut self, frame: &mut Frame<'_>, e: &Expr) -> Result<Value, RuntimeError> {
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

    /// An operand: literals and locals without the cost of a call to `expr`.
    #[inline(always)]
    fn operand(&mut self, frame: &mut Frame<'_>, e: &Expr) -> Result<Value, RuntimeError> {
        match &e.kind {
            ExprKind::Literal(Literal::Number(n)) => Ok(Value::Real(*n)),
            ExprKind::Local(slot) => Ok(self.stack[frame.base + *slot].clone()),
            ExprKind::CountParameters => Ok(Value::Real(frame.count_parameters() as f64)),
            _ => self.expr(frame, e),
        }
    }

    /// `$local op number` computed in place when the local is a number and
    /// the operator a frequent one.
    #[inline(always)]
    fn quick_local_number(&self, frame: &Frame<'_>, slot: usize, op: BinOp, number: f64) -> Option<Value> {
        quick_numbers(op, number_of(&self.stack[frame.base + slot])?, number)
    }

    /// Evaluates an argument onto the stack; numbers computed from a local are
    /// written there directly (no copy through a temporary).
    #[inline(always)]
    fn push_argument(&mut self, frame: &mut Frame<'_>, arg: &Expr) -> Result<(), RuntimeError> {
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
    fn push_in_place(&mut self, value: Value) {
        self.stack.push(Value::Undefined);
        if let Some(slot) = self.stack.last_mut() {
            store(slot, value);
        }
    }

    /// Calls project method `method` with the arguments on the stack from `start`.
    fn method_call(
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
        self.invoke(&code, start, frame.this.clone(), &[]).map_err(|err| unwound(err, &code.name, span))
    }

    #[inline]
    fn literal(&mut self, lit: &Literal) -> Value {
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
    fn text_literal(&mut self, text: &str, id: u32) -> Text {
        let id = id as usize;
        if let Some(Some(t)) = self.texts.get(id) {
            return t.clone();
        }
        let t = Text::new(text);
        if id < MAX_SHARED_LITERALS {
            if self.texts.len() <= id {
                self.texts.resize(id + 1, None);
            }
            self.texts[id] = Some(t.clone());
        }
        t
    }

    /// Loads method `index` and keeps it in this process's table of loaded methods.
    #[cold]
    #[expect(clippy::redundant_allocation, reason = "see `loaded`")]
    fn load(&mut self, index: usize) -> Result<Rc<Arc<MethodCode>>, RuntimeError> {
        let code = Rc::new(self.methods.code(index)?);
        if self.loaded.len() <= index {
            self.loaded.resize(index + 1, None);
        }
        self.loaded[index] = Some(Rc::clone(&code));
        Ok(code)
    }

    #[inline(never)]
    fn expr_cold(&mut self, frame: &mut Frame<'_>, e: &Expr) -> Result<Value, RuntimeError> {
        let value = match &e.kind {
            // The frequent kinds are `expr`'s own.
            ExprKind::Literal(_)
            | ExprKind::Local(_)
            | ExprKind::Process(_)
            | ExprKind::Binary { .. }
            | ExprKind::LocalNumber { .. }
            | ExprKind::MethodCall { .. } => {
                return self.expr(frame, e);
            }
            ExprKind::CountParameters => Value::Real(frame.count_parameters() as f64),
            ExprKind::Interprocess(slot) => self.interprocess(*slot),
            ExprKind::ClassRef(index) => self.loaded_class(*index).map_err(|err| err.at(e.span))?.object,
            ExprKind::ClassStore => self.class_store().map_err(|err| err.at(e.span))?,
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
                // Argument buffers are reused, so a command call allocates nothing.
                let mut values = self.arg_buffers.pop().unwrap_or_default();
                for arg in args {
                    match self.expr(frame, arg) {
                        Ok(v) => values.push(v),
                        Err(err) => {
                            values.clear();
                            self.arg_buffers.push(values);
                            return Err(err);
                        }
                    }
                }
                let outcome = {
                    let mut host = ProcessHost { process: self, frame, args, site: e.span };
                    let mut ctx = Ctx { host: &mut host };
                    (spec.handler)(&mut ctx, &Args { values: &values, star: *star, marker: *marker })
                };
                values.clear();
                self.arg_buffers.push(values);
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
            ExprKind::Member { object, name } => {
                let object = self.expr(frame, object)?;
                if has_class(&object) {
                    self.class_member(&object, name, e.span).map_err(|err| err.at(e.span))?
                } else {
                    member(&object, name).map_err(|err| err.at(e.span))?
                }
            }
            ExprKind::MemberCall { object, name, function, args } => {
                let object = self.expr(frame, object)?;
                let mut values = Vec::with_capacity(args.len());
                for arg in args {
                    values.push(self.expr(frame, arg)?);
                }
                self.member_call(frame, &object, name, *function, values, e.span).map_err(|err| err.at(e.span))?
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
                    (Value::Object(_) | Value::SharedObject(_), Value::Text(name)) => self
                        .member_call(frame, &target, name.as_str(), None, values, e.span)
                        .map_err(|err| err.at(e.span))?,
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
        };
        Ok(value)
    }
}

/// REPL entries (`super::repl`).
impl Process<'_> {
    /// Runs a REPL entry. Its frame's locals are `locals` (those of the
    /// earlier entries first, in their slots, then the entry's new ones), and
    /// they are written back when the entry ends, in error too. The frame's
    /// serial is 0, which no call has, so that a pointer to one of these
    /// locals stays valid from one entry to the next; `serial` carries the
    /// numbering of calls on between entries. Returns what `return` gave.
    pub fn run_entry(
        &mut self,
        code: &Arc<MethodCode>,
        locals: &mut Vec<Value>,
        serial: &mut u64,
    ) -> Result<Value, RuntimeError> {
        self.serial = self.serial.max(*serial);
        let base = self.stack.len();
        self.stack.append(locals);
        let known = self.stack.len() - base;
        for local in code.locals.iter().skip(known) {
            self.stack.push(default_value(local.ty));
        }
        let mut frame = Frame {
            code,
            rc: code,
            registered: false,
            serial: 0,
            args: base,
            nargs: 0,
            base,
            extra: Vec::new(),
            result: Value::Undefined,
            this: Value::Undefined,
            super_pending: false,
        };
        self.register(&mut frame);
        self.depth += 1;
        let mut outcome = self.block(&mut frame, &code.body);
        if !self.errors.deferred.is_empty() {
            outcome = self.raise_deferred(outcome);
        }
        self.depth -= 1;
        self.calls.pop();
        locals.extend(self.stack.drain(base..));
        *serial = self.serial;
        outcome.map(|_| frame.result)
    }
}

/// An error coming out of a call of `callee` made at `site`: raised at the
/// call if it has no place yet, else the call joins its chain of calls.
#[cold]
fn unwound(mut err: RuntimeError, callee: &str, site: Span) -> RuntimeError {
    if err.0.span.is_none() {
        err.0.span = Some(site);
    } else {
        err.0.frames.push(CallFrame { method: callee.to_string(), span: site });
    }
    err
}

impl Process<'_> {
    /// `object.name(args)`: a formula stored in a property, a function of a
    /// formula (`call`, `apply`), or a collection function.
    fn member_call(
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
    fn shared_collection_call(
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
    fn formula_function(
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

/// The evaluator as commands see it: the process and the running method.
struct ProcessHost<'p, 'a, 'c> {
    process: &'p mut Process<'a>,
    frame: &'p mut Frame<'c>,
    /// The running command's arguments, as written (for `ASSERT`'s message).
    args: &'p [Expr],
    /// The running command or function call, for the chain of calls of
    /// errors raised in what it calls.
    site: Span,
}

impl Host for ProcessHost<'_, '_, '_> {
    fn output(&mut self) -> &mut dyn Output {
        &mut *self.process.out
    }

    fn count_parameters(&self) -> usize {
        self.frame.count_parameters()
    }

    fn current_method_name(&self) -> String {
        self.frame.code.name.clone()
    }

    fn call(&mut self, function: &Value, this: &Value, args: Vec<Value>) -> Result<Value, RuntimeError> {
        self.process.call_value(function, this.clone(), args, self.site)
    }

    fn new_process(
        &mut self,
        method: &str,
        stack: f64,
        name: &str,
        args: &[Value],
        unique: bool,
        on_server: bool,
    ) -> Result<i32, RuntimeError> {
        let Some((control, slot)) = &self.process.control else {
            return Err(RuntimeError::new(codes::NOT_SUPPORTED, "processes cannot be started here"));
        };
        let Some(index) = self.process.methods.method_index(method) else {
            return Err(RuntimeError::new(
                codes::UNKNOWN_NAME,
                format!("there is no project method named `{method}` to start a process with"),
            ));
        };
        let args = args.iter().map(Portable::from_value).collect::<Result<Vec<_>, _>>()?;
        let session = if on_server { control.stored_procedures() } else { Arc::clone(&slot.session) };
        control.start(index, stack, name, args, unique, &session)
    }

    fn current_session(&self) -> Option<Arc<crate::session::Session>> {
        self.process.control.as_ref().map(|(_, slot)| Arc::clone(&slot.session))
    }

    fn find_session(&self, id: &str) -> Option<Arc<crate::session::Session>> {
        self.process.control.as_ref().and_then(|(control, _)| control.sessions().get(id))
    }

    fn sessions(&self) -> Vec<Arc<crate::session::Session>> {
        self.process.control.as_ref().map(|(control, _)| control.sessions().sessions()).unwrap_or_default()
    }

    fn running_processes(&self) -> Vec<ProcessInfo> {
        let Some((control, _)) = &self.process.control else { return Vec::new() };
        control.table().running().iter().map(|slot| process_info_of(slot)).collect()
    }

    fn current_process(&self) -> (i32, String) {
        match &self.process.control {
            Some((_, slot)) => (slot.number, slot.name.clone()),
            None => (1, String::from("Main process")),
        }
    }

    fn storage(&self) -> Value {
        match &self.process.control {
            Some((control, _)) => Value::SharedObject(Arc::clone(control.storage())),
            None => Value::Null,
        }
    }

    fn process_state(&self, number: i32) -> i32 {
        match &self.process.control {
            Some((control, _)) => control.table().get(number).map_or(state::DOES_NOT_EXIST, |s| s.state()),
            None if number == 1 => state::EXECUTING,
            None => state::DOES_NOT_EXIST,
        }
    }

    fn process_number(&self, name: &str) -> i32 {
        self.process.control.as_ref().map_or(0, |(control, _)| control.table().number_of(name))
    }

    fn call_worker(&mut self, target: &Value, function: &Value, args: &[Value]) -> Result<(), RuntimeError> {
        let Some((control, _)) = self.process.control else {
            return Err(RuntimeError::new(codes::NOT_SUPPORTED, "workers cannot be called here"));
        };
        let target = worker_name(target)?;
        let function = match function {
            Value::Text(_) => Portable::from_value(function)?,
            Value::Object(o) if o.borrow().code.is_some() => Portable::from_value(function)?,
            other => {
                return Err(RuntimeError::new(
                    codes::BAD_ARGUMENTS,
                    format!("CALL WORKER runs a formula or a method name, not {}", other.type_name()),
                ));
            }
        };
        let args = args.iter().map(Portable::from_value).collect::<Result<Vec<_>, _>>()?;
        control.call_worker(target, Message { function, args })
    }

    fn kill_worker(&mut self, target: Option<&Value>) -> Result<(), RuntimeError> {
        let Some((control, slot)) = &self.process.control else { return Ok(()) };
        let target = match target {
            Some(t) => worker_name(t)?,
            None => WorkerName::Number(slot.number),
        };
        control.kill_worker(target);
        Ok(())
    }

    fn delay_process(&mut self, number: i32, ticks: f64) {
        if let Some((control, slot)) = &self.process.control {
            if number == slot.number && number == 1 {
                // The main process, a worker, handles its messages while it waits.
                let control = *control;
                let deadline = super::processes::deadline(ticks);
                while let Some(message) = control.main_message(deadline) {
                    self.process.run_message(message);
                    control.message_done();
                }
            } else if number == slot.number {
                slot.delay_self(ticks);
            } else {
                control.delay(number, ticks);
            }
        }
    }

    fn pause_process(&mut self, number: i32) {
        if let Some((control, slot)) = &self.process.control {
            if number == slot.number {
                if number != 1 {
                    slot.pause_self();
                }
            } else {
                control.pause(number);
            }
        }
    }

    fn abort_process(&mut self, id: i32) -> Result<(), RuntimeError> {
        if let Some((control, slot)) = &self.process.control {
            if id == slot.number {
                return Err(RuntimeError::new(codes::ABORTED, "the process aborted itself"));
            }
            control.abort(id);
        }
        Ok(())
    }

    fn process_info(&self, number: i32) -> Option<ProcessInfo> {
        let (control, _) = self.process.control.as_ref()?;
        let slot = control.table().get(number)?;
        Some(process_info_of(&slot))
    }

    fn resume_process(&mut self, number: i32) {
        if let Some((control, _)) = &self.process.control {
            control.resume(number);
        }
    }

    fn deref(&mut self, pointer: &Pointer) -> Result<Value, RuntimeError> {
        self.process.deref_in(self.frame, pointer)
    }

    fn assign(&mut self, pointer: &Pointer, value: Value) -> Result<(), RuntimeError> {
        self.process.assign_in(self.frame, pointer, value)
    }

    fn variable_type(&mut self, pointer: &Pointer) -> Result<i32, RuntimeError> {
        self.process.variable_type(pointer)
    }

    fn variable_pointer(&mut self, name: &str) -> Option<Pointer> {
        let name = name.trim();
        let (var, index) = match name.strip_suffix('}').and_then(|n| n.split_once('{')) {
            Some((var, index)) => (var.trim(), Some(index.trim().parse::<i64>().ok()?)),
            None => (name, None),
        };
        if var.starts_with('$') {
            return None;
        }
        let slot = self.process.methods.process_var_slot(var)?;
        let name = Rc::from(self.process.methods.process_var_name(slot));
        let pointer =
            if var.starts_with("<>") { Pointer::Interprocess { slot, name } } else { Pointer::Process { slot, name } };
        Some(match index {
            Some(index) => Pointer::Element { array: Rc::new(pointer), index },
            None => pointer,
        })
    }

    fn class_of(&mut self, value: &Value) -> Result<Option<Rc<crate::runtime::class::Class>>, RuntimeError> {
        self.process.class_of_value(value)
    }

    fn class_object(&mut self, class: &crate::runtime::class::Class) -> Result<Value, RuntimeError> {
        self.process.class_object(class)
    }

    fn formula_from_string(&mut self, source: &str) -> Result<Value, RuntimeError> {
        let code = self.process.methods.compile_formula(source)?;
        Ok(Value::new_formula(Rc::new(Formula { code, captured: Vec::new(), source: source.to_string() })))
    }

    fn argument_source(&self, i: usize) -> String {
        self.args.get(i).map(|arg| self.process.methods.snippet(arg.span)).unwrap_or_default()
    }

    fn errors(&mut self) -> &mut ErrorState {
        &mut self.process.errors
    }

    fn user_param(&self) -> String {
        self.process.methods.user_param()
    }

    fn defer(&mut self, error: RuntimeError) {
        self.process.errors.deferred.push((self.process.depth, error));
    }

    fn parameters(&self) -> Vec<Value> {
        (1..=self.frame.count_parameters()).map(|n| self.process.param(self.frame, n)).collect()
    }
}

/// A Real or Longint as a number (no call).
#[inline(always)]
fn number_of(value: &Value) -> Option<f64> {
    match value {
        Value::Real(n) => Some(*n),
        Value::Long(n) => Some(f64::from(*n)),
        _ => None,
    }
}

/// Whether `op` compares its operands (its result is a Boolean).
#[inline(always)]
fn is_comparison(op: BinOp) -> bool {
    matches!(op, BinOp::Less | BinOp::Greater | BinOp::LessEqual | BinOp::GreaterEqual | BinOp::Equal | BinOp::NotEqual)
}

/// A comparison of two numbers, as `quick_numbers` makes it, as a `bool`.
#[inline(always)]
fn compare_numbers(op: BinOp, x: f64, y: f64) -> Option<bool> {
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
fn quick_numbers(op: BinOp, x: f64, y: f64) -> Option<Value> {
    Some(match op {
        BinOp::Add => Value::Real(x + y),
        BinOp::Subtract => Value::Real(x - y),
        BinOp::Multiply => Value::Real(x * y),
        BinOp::Divide => Value::Real(x / y),
        BinOp::Modulo if y as i32 != 0 => Value::Real(f64::from((x as i32).wrapping_rem(y as i32))),
        BinOp::Less => Value::Bool(x < y),
        BinOp::Greater => Value::Bool(x > y),
        BinOp::LessEqual => Value::Bool(x <= y),
        BinOp::GreaterEqual => Value::Bool(x >= y),
        BinOp::Equal => Value::Bool((x - y).abs() < ops::REAL_EPSILON),
        BinOp::NotEqual => Value::Bool((x - y).abs() >= ops::REAL_EPSILON),
        _ => return None,
    })
}

thread_local! {
    /// One empty text shared by every new Text variable (no allocation per call).
    static EMPTY_TEXT: Text = Text::new("");
    /// The one-character ASCII texts, shared by `$t[[i]]` (no allocation per character).
    static ASCII_CHARS: Vec<Text> = (0u8..128).map(|b| Text::new(char::from(b).to_string())).collect();
}

/// The value a variable of this type holds before anything is assigned.
#[inline]
pub fn default_value(ty: VarType) -> Value {
    match ty {
        VarType::Text => Value::Text(EMPTY_TEXT.with(Text::clone)),
        VarType::Integer => Value::Long(0),
        VarType::Real => Value::Real(0.0),
        VarType::Boolean => Value::Bool(false),
        VarType::Date => Value::Date(Date::NULL),
        VarType::Time => Value::Time(0),
        VarType::Object | VarType::Collection | VarType::Pointer => Value::Null,
        VarType::Variant | VarType::Picture | VarType::Blob => Value::Undefined,
    }
}

/// The `Type` number of a variable declared `ty` (arrays are typed by their content).
fn type_number(ty: VarType) -> i32 {
    match ty {
        VarType::Variant => 12,
        VarType::Text => 2,
        VarType::Integer => 9,
        VarType::Real => 1,
        VarType::Boolean => 6,
        VarType::Date => 4,
        VarType::Time => 11,
        VarType::Object => 38,
        VarType::Collection => 42,
        VarType::Pointer => 23,
        VarType::Picture => 3,
        VarType::Blob => 30,
    }
}

/// A value as a variable receives it: an array is copied (arrays are values).
fn own_array(value: Value) -> Value {
    match value {
        Value::Array(a) => Value::new_array(a.borrow().clone()),
        other => other,
    }
}

/// Assigns a local: the value converted to its declared type; an array is copied.
#[inline(always)]
fn store_local(dest: &mut Value, info: &LocalInfo, value: Value) -> Result<(), RuntimeError> {
    if let Value::Array(_) = value {
        *dest = own_array(value);
        return Ok(());
    }
    store_converted(dest, info.ty, value, &info.name)
}

/// Stores `value` converted to `ty` into `dest`. Numbers are taken apart and
/// written word by word where they go: a value just returned was written as
/// two words, and copying it whole with one 16-byte load would stall.
#[inline(always)]
fn store_converted(dest: &mut Value, ty: VarType, value: Value, name: &str) -> Result<(), RuntimeError> {
    // Numbers are matched through a reference and let go of without a call
    // to the drop code.
    let new = match (ty, &value) {
        (VarType::Integer | VarType::Variant, &Value::Long(n)) => Some(Value::Long(n)),
        (VarType::Integer, &Value::Real(x)) => Some(Value::Long(x as i32)),
        (VarType::Real | VarType::Variant, &Value::Real(x)) => Some(Value::Real(x)),
        (VarType::Real, &Value::Long(n)) => Some(Value::Real(f64::from(n))),
        _ => None,
    };
    let new = match new {
        Some(number) => {
            value.discard();
            number
        }
        None => convert_fast(ty, value, name)?,
    };
    store(dest, new);
    Ok(())
}

/// Converts the value in `slot` to `ty` where it lies; a number is read
/// through a reference, not moved out whole (see `store_converted`).
#[inline(always)]
fn convert_in_place(slot: &mut Value, ty: VarType, name: &str) -> Result<(), RuntimeError> {
    match (ty, &*slot) {
        (VarType::Integer, &Value::Real(x)) => store(slot, Value::Long(x as i32)),
        (VarType::Real, &Value::Long(n)) => store(slot, Value::Real(f64::from(n))),
        _ => {
            let value = std::mem::take(slot);
            *slot = convert(ty, value, name)?;
        }
    }
    Ok(())
}

/// Puts `value` into `dest`, a number word by word (see `store_converted`):
/// rebuilding it from its fields makes the compiler write it as two words.
#[inline(always)]
fn store(dest: &mut Value, value: Value) {
    // Matched through a reference: a number is let go of without a call to
    // the drop code.
    let value = match &value {
        Value::Long(n) => {
            let n = *n;
            value.discard();
            Value::Long(n)
        }
        Value::Real(x) => {
            let x = *x;
            value.discard();
            Value::Real(x)
        }
        _ => value,
    };
    std::mem::replace(dest, value).discard();
}

/// Whether a variable declared `ty` holds `value` as it is.
#[inline(always)]
fn fits(ty: VarType, value: &Value) -> bool {
    matches!(
        (ty, value),
        (VarType::Variant, _)
            | (VarType::Integer, Value::Long(_))
            | (VarType::Real, Value::Real(_))
            | (VarType::Text, Value::Text(_))
            | (VarType::Boolean, Value::Bool(_))
            | (VarType::Object, Value::Object(_) | Value::SharedObject(_))
            | (VarType::Collection, Value::Collection(_) | Value::SharedCollection(_))
    )
}

/// `convert` without a call when the value already has the declared type.
#[inline(always)]
fn convert_fast(ty: VarType, value: Value, name: &str) -> Result<Value, RuntimeError> {
    if fits(ty, &value) {
        return Ok(value);
    }
    match (ty, &value) {
        (VarType::Integer, &Value::Real(n)) => Ok(Value::Long(n as i32)),
        (VarType::Real, &Value::Long(n)) => Ok(Value::Real(f64::from(n))),
        _ => convert(ty, value, name),
    }
}

/// A value as a variable of type `ty` holds it, or the error 4D gives.
#[inline(never)]
fn convert(ty: VarType, value: Value, name: &str) -> Result<Value, RuntimeError> {
    if matches!(value, Value::Undefined) {
        return Ok(default_value(ty));
    }
    let ok = match (ty, &value) {
        (VarType::Variant | VarType::Picture | VarType::Blob, _) => true,
        (VarType::Integer, Value::Real(n)) => return Ok(Value::Long(*n as i32)),
        (VarType::Integer, Value::Long(_)) => true,
        (VarType::Real, Value::Long(n)) => return Ok(Value::Real(f64::from(*n))),
        (VarType::Real, Value::Real(_)) => true,
        (VarType::Text, Value::Text(_)) => true,
        (VarType::Boolean, Value::Bool(_)) => true,
        (VarType::Date, Value::Date(_)) => true,
        (VarType::Time, Value::Time(_)) => true,
        (VarType::Time, Value::Real(n)) => return Ok(Value::Time(*n as i64)),
        (VarType::Object, Value::Object(_) | Value::SharedObject(_) | Value::Null) => true,
        (VarType::Collection, Value::Collection(_) | Value::SharedCollection(_) | Value::Null) => true,
        (VarType::Pointer, Value::Pointer(_) | Value::Null) => true,
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

/// The worker `CALL WORKER` or `KILL WORKER` names: by name or by number.
fn worker_name(target: &Value) -> Result<WorkerName, RuntimeError> {
    match target {
        Value::Text(name) => Ok(WorkerName::Name(name.as_str().to_string())),
        other => match other.as_number() {
            Some(n) => Ok(WorkerName::Number(n.trunc() as i32)),
            None => Err(RuntimeError::new(
                codes::BAD_ARGUMENTS,
                format!("a worker is named by a text or a process number, not {}", other.type_name()),
            )),
        },
    }
}

/// What `Process info` tells of a process.
fn process_info_of(slot: &Slot) -> ProcessInfo {
    ProcessInfo {
        number: slot.number,
        name: slot.name.clone(),
        state: slot.state(),
        worker: slot.worker,
        started: slot.started,
        session_id: slot.session.id.as_str().to_string(),
        system_id: slot.system_id(),
        cpu_time: if slot.state() == state::ABORTED { None } else { slot.cpu_time() },
    }
}

/// Whether a value is an object tied to a class other than `4D.Object` and
/// `4D.Function` (an instance of a user class, a class object), whose
/// properties may be computed.
#[inline(always)]
fn has_class(value: &Value) -> bool {
    match value {
        Value::Object(o) => o.borrow().class.is_some(),
        Value::SharedObject(o) => o.class.is_some() || o.native.is_some(),
        _ => false,
    }
}

/// `object.name`: undefined when missing or when `object` is undefined; an error on null.
fn member(object: &Value, name: &str) -> Result<Value, RuntimeError> {
    match object {
        Value::Object(o) => {
            let o = o.borrow();
            match o.props.get(name) {
                Some(v) => Ok(v.clone()),
                None => match (&o.code, name) {
                    (Some(code), "source") => Ok(Value::text(code.source())),
                    _ => Ok(Value::Undefined),
                },
            }
        }
        Value::SharedObject(o) => Ok(o.get(name)),
        Value::Undefined => Ok(Value::Undefined),
        Value::Collection(c) if name == "length" => Ok(Value::Real(c.borrow().len() as f64)),
        Value::SharedCollection(c) if name == "length" => Ok(Value::Real(c.len() as f64)),
        other => Err(RuntimeError::new(
            codes::NOT_AN_OBJECT,
            format!("cannot read the property `{name}` of {}", other.type_name()),
        )),
    }
}

/// The empty value of the type `value` has, which undefined assigned to a
/// property gives it (Null for an object, a collection or a pointer).
fn empty_like(value: &Value) -> Value {
    match value {
        Value::Real(_) | Value::Long(_) | Value::Time(_) => Value::Real(0.0),
        Value::Text(_) => Value::text(""),
        Value::Bool(_) => Value::Bool(false),
        Value::Date(_) => Value::Date(Date::NULL),
        Value::Null
        | Value::Undefined
        | Value::Object(_)
        | Value::Collection(_)
        | Value::Pointer(_)
        | Value::Array(_)
        | Value::SharedObject(_)
        | Value::SharedCollection(_) => Value::Null,
    }
}

/// `object.name:=value`. Undefined assigned to a property resets it to the
/// empty value of the type it holds (Null for an object, a collection or a
/// pointer), and does nothing when the property does not exist.
fn set_member(target: &Value, name: &str, value: Value) -> Result<(), RuntimeError> {
    match target {
        Value::Object(o) if matches!(value, Value::Undefined) => {
            if let Some(slot) = o.borrow_mut().props.get_mut(name) {
                *slot = empty_like(slot);
            }
            Ok(())
        }
        Value::SharedObject(o) => o.set(name, &value),
        Value::Object(o) => {
            let stored = value.stored();
            let mut o = o.borrow_mut();
            match o.props.get_mut(name) {
                Some(slot) => *slot = stored,
                None => {
                    o.props.insert(key(name), stored);
                }
            }
            Ok(())
        }
        other => Err(RuntimeError::new(
            codes::NOT_AN_OBJECT,
            format!("cannot set the property `{name}` of {}", other.type_name()),
        )),
    }
}

/// `$a{i}`: an array element (element 0 included).
fn array_element(array: &Value, index: f64) -> Result<Value, RuntimeError> {
    let Value::Array(a) = array else {
        return Err(RuntimeError::new(
            codes::INCOMPATIBLE_TYPES,
            format!("`{{ }}` applies to an array, not {}", array.type_name()),
        ));
    };
    let a = a.borrow();
    let i = index.trunc();
    if i < 0.0 || i as usize >= a.items.len() {
        return Err(RuntimeError::new(
            codes::INDEX_OUT_OF_RANGE,
            format!("element {i} is outside the array (size {})", a.size()),
        ));
    }
    Ok(a.items[i as usize].clone())
}

fn set_array_element(array: &Value, index: f64, value: Value) -> Result<(), RuntimeError> {
    let Value::Array(a) = array else {
        return Err(RuntimeError::new(
            codes::INCOMPATIBLE_TYPES,
            format!("`{{ }}` applies to an array, not {}", array.type_name()),
        ));
    };
    let mut a = a.borrow_mut();
    let i = index.trunc();
    if i < 0.0 || i as usize >= a.items.len() {
        return Err(RuntimeError::new(
            codes::INDEX_OUT_OF_RANGE,
            format!("element {i} is outside the array (size {})", a.size()),
        ));
    }
    let ty = a.ty;
    let type_name = value.type_name();
    match ty.element(value) {
        Some(v) => {
            a.items[i as usize] = v;
            Ok(())
        }
        None => Err(RuntimeError::new(
            codes::TYPE_MISMATCH,
            format!("cannot put {type_name} into an element of a {}", ty.name()),
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
        (Value::SharedCollection(c), i) if i.as_number().is_some() => {
            let i = i.as_number().unwrap_or(0.0).trunc();
            if i < 0.0 || i as usize >= c.len() {
                return Err(RuntimeError::new(
                    codes::INDEX_OUT_OF_RANGE,
                    format!("index {i} is outside the collection (length {})", c.len()),
                ));
            }
            Ok(c.get(i as usize))
        }
        (Value::Object(_) | Value::SharedObject(_) | Value::Undefined, Value::Text(key)) => {
            member(target, key.as_str())
        }
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
            c[i] = value.stored();
            Ok(())
        }
        (Value::SharedCollection(c), i) if i.as_number().is_some() => {
            let i = i.as_number().unwrap_or(0.0).trunc();
            if i < 0.0 {
                return Err(RuntimeError::new(codes::INDEX_OUT_OF_RANGE, format!("index {i} is negative")));
            }
            c.set(i as usize, &value)
        }
        (Value::Object(_) | Value::SharedObject(_), Value::Text(key)) => {
            set_member(target, key.as_str(), value)?;
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
    // `as` truncates toward zero as `trunc` does, without the call to libm.
    if t.is_ascii() && index >= 1.0 && index < s.len() as f64 + 1.0 {
        let byte = s.as_bytes()[index as usize - 1];
        return Ok(Value::Text(ASCII_CHARS.with(|chars| chars[usize::from(byte & 0x7f)].clone())));
    }
    let i = index.trunc();
    if !t.is_ascii()
        && i >= 1.0
        && let Some(unit) = t.unit_at(i as usize - 1)
    {
        return Ok(Value::text(String::from_utf16_lossy(&[unit])));
    }
    Err(RuntimeError::new(
        codes::INDEX_OUT_OF_RANGE,
        format!("character {i} is outside the text (length {})", t.utf16_len()),
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
