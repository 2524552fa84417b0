//! The tree walker: runs resolved statements and evaluates resolved expressions.

use std::rc::Rc;
use std::sync::Arc;

use crate::commands::Output;
use crate::diag::Span;
use crate::runtime::error::{ErrorState, Frame as CallFrame, RuntimeError, codes};
use crate::runtime::shared;
use crate::runtime::value::{Code, Value};
use crate::syntax::ast::{AssignOp, BinOp};

use self::places::store_local;
use super::ops;
use crate::runtime::types::{
    MAX_TEXT_BYTES, convert_fast, convert_in_place, default_value, fits, store, store_converted, text_too_long,
};
mod asynchronous;
mod classes;
mod errors;
mod exchange;

pub use asynchronous::AsyncObjects;
pub(crate) use expr::{compare_numbers, is_comparison};
mod expr;
mod host;
mod members;
mod places;
mod promotions;
mod pure;
mod sites;

use super::control::{Control, Message, Methods, ProcessEntry};
use super::portable::Portable;
use super::program::{Expr, ExprKind, Literal, MethodCode, Place, ResultKind, Stmt, Stop, VarType};

/// How deep methods may call each other before 4D's "stack full" error.
pub const MAX_CALL_DEPTH: usize = 2000;

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
    /// The numeric paths (`eval::pure`) are not tried: set while a call whose
    /// path gave up runs again on the generic walker.
    pure_off: bool,
    /// The numeric walker's stack, kept from one call to the next.
    pure_stack: Vec<f64>,
    /// What the process keeps for text literals and member places, by number.
    sites: sites::Sites,
    /// The other processes of the run, and this one's entry in their table
    /// (none for code run outside a run's processes).
    control: Option<(&'a dyn Control, Arc<ProcessEntry>)>,
    /// By slot: the version of the interprocess variable that this
    /// process's copy (in `process_vars`) holds; 0 for none.
    interprocess_seen: Vec<u64>,
    /// The user classes this process has used, by index.
    classes: Vec<Option<classes::LoadedClass>>,
    /// `cs`, once asked for.
    /// `cs` of each context the process's code has named it in.
    class_stores: Vec<(u16, Value)>,
    /// The singletons of this process, by class index.
    singletons: Vec<Option<Value>>,
    /// The documents this process has open (`Open document`).
    pub documents: crate::commands::files::documents::Documents,
    /// In a web process, the request it is handling.
    pub web: Option<Box<crate::commands::web::WebExchange>>,
    /// The XML documents this process has open (`DOM Create XML Ref`).
    pub xml: crate::commands::xml::XmlDocuments,
    /// What `SET ENVIRONMENT VARIABLE` set for the programs this process launches.
    pub environment: crate::commands::external::Environment,
    /// The privileges promoted on this process (`.promote()`, roles.json).
    promotions: promotions::Promotions,
    /// The calls running below the outermost one, outermost first, for
    /// `Call chain`: where each was made and what it runs.
    chain: Vec<ChainLink>,
    /// The code of the outermost running call, and whether it is a formula.
    root: Option<(Arc<MethodCode>, bool)>,
    /// Set just before a worker's formula message is run (see `root`).
    root_is_formula: bool,
    /// The asynchronous objects this process made and keeps until their
    /// last event (`4D.SystemWorker`, `4D.HTTPRequest`).
    pub async_objects: AsyncObjects,
}

/// One running call, for `Call chain`.
struct ChainLink {
    /// The call (or, for an `ON ERR CALL` handler, the error).
    site: Span,
    callee: Callee,
}

/// What a running call runs: a project method by its index in the run's
/// table (its code is in the process's `loaded`, so that a call costs no
/// count), or other code.
enum Callee {
    Method(usize),
    Code(Arc<MethodCode>, CallKind),
    /// A formula object's code (a [`Formula`]): held by the object's own
    /// counter, which costs no atomic operation per call as the `Arc` would.
    Formula(Rc<dyn Code>),
}

impl Callee {
    /// The code of a [`Callee::Formula`].
    fn formula_code(code: &Rc<dyn Code>) -> Option<&Arc<MethodCode>> {
        code.as_any().downcast_ref::<Formula>().map(|formula| &formula.code)
    }
}

/// The kinds of calls `Call chain` tells apart.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum CallKind {
    Method,
    Formula,
    Function,
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

    /// Parameter `$n` (from 1) where it lies, when it was passed.
    #[inline(always)]
    fn param<'s>(&self, stack: &'s [Value], n: usize) -> Option<&'s Value> {
        if n >= 1 && n <= self.nargs { stack.get(self.args + n - 1) } else { None }
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
        // The system variable `Document` is a text, "" until a command sets it.
        if let Some(slot) = methods.process_var_slot("Document", crate::eval::components::HOST) {
            if process_vars.len() <= slot {
                process_vars.resize(slot + 1, Value::Undefined);
            }
            if matches!(process_vars[slot], Value::Undefined) {
                process_vars[slot] = Value::text("");
            }
        }
        // So are the numeric system variables, with their values.
        for (slot, value) in methods.system_numbers() {
            if process_vars.len() <= slot {
                process_vars.resize(slot + 1, Value::Undefined);
            }
            if matches!(process_vars[slot], Value::Undefined) {
                process_vars[slot] = Value::Real(value);
            }
        }
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
            pure_off: false,
            pure_stack: Vec::new(),
            sites: sites::Sites::default(),
            control: None,
            interprocess_seen: Vec::new(),
            classes: Vec::new(),
            class_stores: Vec::new(),
            singletons: Vec::new(),
            documents: Default::default(),
            web: None,
            xml: Default::default(),
            environment: Default::default(),
            promotions: Default::default(),
            chain: Vec::new(),
            root: None,
            root_is_formula: false,
            async_objects: AsyncObjects::default(),
        }
    }

    /// Does what other processes asked of this one (`PAUSE PROCESS`, `DELAY
    /// PROCESS`, `ABORT PROCESS BY ID`, requests for its variables): checked
    /// at each loop turn and call.
    #[inline(always)]
    fn attend(&mut self) -> Result<(), RuntimeError> {
        match &self.control {
            Some((_, slot)) if slot.needs_attention() => self.attend_requests(),
            _ => Ok(()),
        }
    }

    /// Makes this process one of a run's processes.
    pub fn attach(&mut self, control: &'a dyn Control, slot: Arc<ProcessEntry>) {
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
        let (function, args) = match message {
            Message::Call { function, args } => (function, args),
            Message::Event(event) => return self.handle_event(event),
        };
        let args: Vec<Value> = args.into_iter().map(Portable::into_value).collect();
        match function.into_value() {
            Value::Text(name) => {
                let name = name.as_str().to_string();
                let Some(index) = self.methods.method_index(&name, self.current_context()) else {
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
                self.root_is_formula = self.depth == 0;
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
        if self.depth == 0 {
            let formula = std::mem::take(&mut self.root_is_formula);
            self.root = Some((Arc::clone(rc), formula));
        }
        self.depth += 1;
        if let Some(privileges) = &code.promotes {
            // A `promote` permission of roles.json: for this call only.
            self.promotions.promote_call(self.depth, privileges);
        }
        let mut outcome = self.block(&mut frame, &code.body);
        if frame.super_pending && outcome.is_ok() {
            outcome = self.check_super_called(&frame).map(|()| Flow::Normal);
        }
        if !self.errors.deferred.is_empty() {
            outcome = self.raise_deferred(outcome);
        }
        if !self.promotions.is_empty() {
            self.promotions.end_call(self.depth);
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
                // A declared result never given a value is the empty value of its type.
                ResultKind::Typed(ty) => {
                    if matches!(frame.result, Value::Undefined) {
                        frame.result = crate::runtime::types::default_value(ty);
                    }
                    Ok(())
                }
                ResultKind::Legacy(None) => Ok(()),
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

    /// Calls `function` (a formula object or a method name) as a command or a
    /// collection function does; `site` is the call that does it.
    pub fn call_value(
        &mut self,
        function: &Value,
        this: Value,
        args: impl IntoIterator<Item = Value>,
        site: Span,
    ) -> Result<Value, RuntimeError> {
        match function {
            Value::Object(o) => {
                let Some(code) = o.borrow().code.clone() else {
                    return Err(RuntimeError::new(codes::NOT_AN_OBJECT, "this object is not a formula"));
                };
                let Some(formula) = code.as_any().downcast_ref::<Formula>() else {
                    return Err(RuntimeError::new(codes::NOT_AN_OBJECT, "this object is not a formula"));
                };
                let start = self.stack.len();
                self.stack.extend(args);
                self.chain.push(ChainLink { site, callee: Callee::Formula(Rc::clone(&code)) });
                let outcome = self.invoke(&formula.code, start, this, &formula.captured);
                self.chain.pop();
                outcome.map_err(|err| unwound(err, &formula.code.name, site))
            }
            Value::Text(name) => {
                let Some(index) = self.methods.method_index(name.as_str(), self.current_context()) else {
                    return Err(RuntimeError::new(
                        codes::UNKNOWN_NAME,
                        format!("there is no project method named `{}`", name.as_str()),
                    ));
                };
                let code = self.methods.code(index)?;
                let name = code.name.clone();
                self.chain.push(ChainLink { site, callee: Callee::Code(Arc::clone(&code), CallKind::Method) });
                let outcome = self.call(code, args.into_iter().collect(), this);
                self.chain.pop();
                outcome.map_err(|err| unwound(err, &name, site))
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

    fn local(&self, frame: &Frame<'_>, slot: usize) -> &Value {
        &self.stack[frame.base + slot]
    }

    fn set_local(&mut self, frame: &Frame<'_>, slot: usize, value: Value) -> Result<(), RuntimeError> {
        store_local(&mut self.stack[frame.base + slot], &frame.code.locals[slot], value)
    }

    /// Runs a statement: the frequent kinds here, the others in
    /// `stmt_cold`, which keeps this function's frame small (it recurses for
    /// every block).
    fn stmt(&mut self, frame: &mut Frame<'_>, stmt: &Stmt) -> Result<Flow, RuntimeError> {
        match stmt {
            Stmt::Expr(e) => {
                self.expr(frame, e)?;
            }
            Stmt::SetLocal { slot, value, span } => {
                if let Some(x) = self.computed_number(frame, value) {
                    let at = frame.base + *slot;
                    match frame.code.locals[*slot].ty {
                        VarType::Integer => {
                            store(&mut self.stack[at], Value::Long(x as i32));
                            return Ok(Flow::Normal);
                        }
                        VarType::Real | VarType::Variant => {
                            store(&mut self.stack[at], Value::Real(x));
                            return Ok(Flow::Normal);
                        }
                        _ => {}
                    }
                }
                let value = self.expr(frame, value)?;
                self.set_local(frame, *slot, value).map_err(|e| e.at(*span))?;
            }
            Stmt::Assign { target, op: AssignOp::Assign, value, span } => {
                let value = self.expr(frame, value)?;
                self.write_place(frame, target, value).map_err(|e| e.at(*span))?;
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
            Stmt::For { counter: Place::Local(slot), start, end, step, body, span } => {
                let start = self.number(frame, start)?;
                let end = self.number(frame, end)?;
                let step = match step {
                    Some(s) => self.number(frame, s)?,
                    None => 1.0,
                };
                return self.for_local(frame, *slot, start, end, step, body, *span);
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
            _ => return self.stmt_cold(frame, stmt),
        }
        Ok(Flow::Normal)
    }

    /// The number an assigned expression computes without a `Value`, when
    /// its generic evaluation would give a Real too: a numeric tree without
    /// comparison, `$local op number` with an arithmetic operator, a number literal.
    #[inline(always)]
    fn computed_number(&self, frame: &Frame<'_>, e: &Expr) -> Option<f64> {
        match &e.kind {
            ExprKind::Numeric { tree, .. } => self.num(frame, tree),
            ExprKind::LocalNumber { slot, op, number } => match self.quick_local_number(frame, *slot, *op, *number)? {
                Value::Real(x) => Some(x),
                _ => None,
            },
            ExprKind::Literal(Literal::Number(n)) => Some(*n),
            _ => None,
        }
    }

    /// The statements `stmt` leaves out (and, for the kinds it has, the
    /// same again, so that each place may call either).
    #[inline(never)]
    fn stmt_cold(&mut self, frame: &mut Frame<'_>, stmt: &Stmt) -> Result<Flow, RuntimeError> {
        match stmt {
            Stmt::Expr(_)
            | Stmt::SetLocal { .. }
            | Stmt::If { .. }
            | Stmt::Case { .. }
            | Stmt::For { counter: Place::Local(_), .. }
            | Stmt::Return { .. }
            | Stmt::Break
            | Stmt::Continue => return self.stmt(frame, stmt),
            Stmt::Assign { target, op, value, span } => {
                let value = self.expr(frame, value)?;
                // `$t+="x"` on a text variable appends in place, as `$t:=$t+"x"` does.
                if *op == AssignOp::Add
                    && let Value::Text(piece) = &value
                    && let Some(Value::Text(text)) = match target {
                        Place::Local(slot) => self.stack.get_mut(frame.base + *slot),
                        Place::Process(slot) => self.process_vars.get_mut(*slot),
                        _ => None,
                    }
                {
                    let len = text.as_str().len() + piece.as_str().len();
                    if len > MAX_TEXT_BYTES {
                        return Err(text_too_long(len).at(*span));
                    }
                    text.push_str(piece.as_str());
                    return Ok(Flow::Normal);
                }
                let bin = match op {
                    AssignOp::Assign => {
                        self.write_place(frame, target, value).map_err(|e| e.at(*span))?;
                        return Ok(Flow::Normal);
                    }
                    AssignOp::Add => BinOp::Add,
                    AssignOp::Subtract => BinOp::Subtract,
                    AssignOp::Multiply => BinOp::Multiply,
                    _ => BinOp::Divide,
                };
                self.compound_assign(frame, target, bin, &value, *span)?;
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
                        (Value::Text(t), Value::Text(piece))
                            if t.as_str().len() + piece.as_str().len() <= MAX_TEXT_BYTES =>
                        {
                            t.push_str(piece.as_str());
                        }
                        // Past the limit, the operator gives the error.
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
            Stmt::NumericLoop { path, generic } => return self.numeric_loop(frame, path, generic),
            Stmt::DeclareGlobal { vars } => {
                for (place, ty) in vars {
                    if matches!(self.read_place(frame, place)?, Value::Undefined) {
                        self.write_place(frame, place, default_value(*ty))?;
                    }
                }
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
                // Aborted (or paused) while it waited for the lock: that comes first.
                if let Err(error) = self.attend() {
                    group.unlock();
                    return Err(error);
                }
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
                Value::Object(o) => (None, o.borrow().props.keys().map(|k| Value::Text(k.clone())).collect(), false),
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
        self.root = Some((Arc::clone(code), false));
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

/// One level of `Call chain`, innermost first: the kind of call, the code it
/// runs, and the place running in it.
pub(super) struct ChainLevel {
    pub kind: CallKind,
    pub code: Arc<MethodCode>,
    pub at: Span,
}

impl Process<'_> {
    /// The context (host or component) of the code running now: a method
    /// named as text (`EXECUTE METHOD`, a callback) is looked up there.
    pub(super) fn current_context(&self) -> u16 {
        match self.chain.last() {
            Some(ChainLink { callee: Callee::Method(method), .. }) => {
                self.loaded.get(*method).and_then(Option::as_ref).map_or(crate::eval::components::HOST, |c| c.context)
            }
            Some(ChainLink { callee: Callee::Code(code, _), .. }) => code.context,
            Some(ChainLink { callee: Callee::Formula(code), .. }) => {
                Callee::formula_code(code).map_or(crate::eval::components::HOST, |code| code.context)
            }
            None => self.root.as_ref().map_or(crate::eval::components::HOST, |(code, _)| code.context),
        }
    }

    /// The running calls, innermost first; `here` is the running command.
    pub(super) fn call_levels(&self, here: Span) -> Vec<ChainLevel> {
        let mut levels = Vec::with_capacity(self.chain.len() + 1);
        if let Some((code, formula)) = &self.root {
            let kind = if *formula { CallKind::Formula } else { CallKind::Method };
            let at = self.chain.first().map_or(here, |link| link.site);
            levels.push(ChainLevel { kind, code: Arc::clone(code), at });
        }
        for (i, link) in self.chain.iter().enumerate() {
            let at = self.chain.get(i + 1).map_or(here, |next| next.site);
            let (kind, code) = match &link.callee {
                Callee::Method(method) => match self.loaded.get(*method).and_then(Option::as_ref) {
                    Some(code) => (CallKind::Method, Arc::clone(code)),
                    None => continue,
                },
                Callee::Code(code, kind) => (*kind, Arc::clone(code)),
                Callee::Formula(code) => match Callee::formula_code(code) {
                    Some(code) => (CallKind::Formula, Arc::clone(code)),
                    None => continue,
                },
            };
            levels.push(ChainLevel { kind, code, at });
        }
        levels.reverse();
        levels
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
