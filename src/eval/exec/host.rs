//! `ProcessHost`, the evaluator as commands see it (the `Host` trait): output,
//! callbacks, pointers, processes, workers and sessions.

use std::rc::Rc;
use std::sync::Arc;

use super::super::control::{Message, ProcessEntry, WorkerName, deadline, state};
use super::super::portable::Portable;
use super::super::program::Expr;
use super::{Formula, Frame, Process};
use crate::commands::{Host, Output, ProcessInfo};
use crate::diag::Span;
use crate::runtime::error::{ErrorScope, ErrorState, RuntimeError, codes};
use crate::runtime::value::{Pointer, Value};

/// The evaluator as commands see it: the process and the running method.
pub(super) struct ProcessHost<'p, 'a, 'c> {
    pub(super) process: &'p mut Process<'a>,
    pub(super) frame: &'p mut Frame<'c>,
    /// The running command's arguments, as written (for `ASSERT`'s message).
    pub(super) args: &'p [Expr],
    /// The running command or function call, for the chain of calls of
    /// errors raised in what it calls.
    pub(super) site: Span,
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

    fn call_chain(&self) -> Vec<crate::commands::CallLevel> {
        self.process
            .call_levels(self.site)
            .into_iter()
            .map(|level| {
                let kind = match level.kind {
                    super::CallKind::Method if is_database_method(&level.code.name) => "databaseMethod",
                    super::CallKind::Method => "projectMethod",
                    super::CallKind::Function => "classFunction",
                    super::CallKind::Formula => "formula",
                };
                crate::commands::CallLevel {
                    kind,
                    name: level.code.name.clone(),
                    line: self.process.methods.line(level.at),
                    code: self.process.methods.line_text(level.at),
                }
            })
            .collect()
    }

    fn call(&mut self, function: &Value, this: &Value, args: Vec<Value>) -> Result<Value, RuntimeError> {
        self.process.call_value(function, this.clone(), args, self.site)
    }

    fn call_with(&mut self, function: &Value, this: &Value, args: &[Value]) -> Result<Value, RuntimeError> {
        self.process.call_value(function, this.clone(), args.iter().cloned(), self.site)
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
        let Some(index) = self.process.methods.method_index(method, self.frame.code.context) else {
            return Err(RuntimeError::new(
                codes::UNKNOWN_NAME,
                format!("there is no project method named `{method}` to start a process with"),
            ));
        };
        let args = args.iter().map(Portable::from_value).collect::<Result<Vec<_>, _>>()?;
        let session = if on_server { control.stored_procedures() } else { slot.session() };
        control.start(index, stack, name, args, unique, &session)
    }

    fn current_session(&self) -> Option<Arc<crate::session::Session>> {
        // A web process without scalable sessions has no session.
        if self.process.web.as_ref().is_some_and(|web| web.session_id.is_none()) {
            return None;
        }
        self.process.control.as_ref().map(|(_, slot)| slot.session())
    }

    fn find_session(&self, id: &str) -> Option<Arc<crate::session::Session>> {
        self.process.control.as_ref().and_then(|(control, _)| control.sessions().get(id))
    }

    fn sessions(&self) -> Vec<Arc<crate::session::Session>> {
        self.process.control.as_ref().map(|(control, _)| control.sessions().sessions()).unwrap_or_default()
    }

    fn roles(&self) -> Option<Arc<crate::session::Roles>> {
        self.process.control.as_ref().and_then(|(control, _)| control.roles().cloned())
    }

    fn create_otp(&mut self, session: &crate::session::Session, lifespan_secs: u64) -> Option<String> {
        let (control, _) = self.process.control.as_ref()?;
        Some(control.sessions().create_otp(session, lifespan_secs).as_str().to_string())
    }

    fn restore_session(&mut self, token: &str) -> bool {
        let Some((control, slot)) = &self.process.control else { return false };
        match control.sessions().take_otp(token) {
            Some(session) => {
                slot.set_session(session);
                true
            }
            None => false,
        }
    }

    fn promote(&mut self, privileges: Vec<Box<str>>) -> u32 {
        self.process.promotions.promote(self.process.depth, privileges)
    }

    fn demote(&mut self, id: u32) {
        self.process.promotions.demote(id);
    }

    fn is_promoted(&self, privilege: &str) -> bool {
        self.process.promotions.has(privilege)
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
            Some((control, _)) => Value::SharedObject(control.storage(self.frame.code.context)),
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
        control.call_worker(target, Message::Call { function, args })
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

    fn start_async(
        &mut self,
        object: &Value,
        id: u64,
    ) -> Result<Arc<dyn crate::commands::asynchronous::EventSink>, RuntimeError> {
        self.process.start_async(object, id)
    }

    fn wait_async(&mut self, id: u64, timeout: Option<std::time::Duration>) -> Result<(), RuntimeError> {
        self.process.wait_async(id, timeout)
    }

    fn delay_process(&mut self, number: i32, ticks: f64) {
        if let Some((control, slot)) = &self.process.control {
            if number == slot.number && number == 1 {
                // The main process, a worker, handles its messages while it waits.
                let control = *control;
                let deadline = deadline(ticks);
                loop {
                    while let Some(message) = control.main_message(deadline) {
                        self.process.run_message(message);
                        control.message_done();
                    }
                    // `main_message` also stops for requests on the variables.
                    if !self.process.has_requests() {
                        break;
                    }
                    self.process.serve_requests();
                }
            } else if number == slot.number {
                let slot = Arc::clone(slot);
                if slot.delay_self(ticks) {
                    while !slot.wait_self() {
                        self.process.serve_requests();
                    }
                }
            } else {
                control.delay(number, ticks);
            }
        }
    }

    fn pause_process(&mut self, number: i32) {
        if let Some((control, slot)) = &self.process.control {
            if number == slot.number {
                if number != 1 {
                    let slot = Arc::clone(slot);
                    slot.pause_self();
                    while !slot.wait_self() {
                        self.process.serve_requests();
                    }
                }
            } else {
                control.pause(number);
            }
        }
    }

    fn quit(&mut self) -> RuntimeError {
        if let Some((control, _)) = &self.process.control {
            control.quit();
        }
        RuntimeError::new(codes::ABORTED, "the application quits (QUIT 4D)")
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

    fn semaphore(&mut self, name: &str, ticks: f64) -> bool {
        match &self.process.control {
            Some((control, slot)) => {
                let (control, slot) = (*control, Arc::clone(slot));
                let until = deadline(ticks);
                loop {
                    match control.table().semaphores.take(name, until, &slot) {
                        Some(taken) => return taken,
                        None => self.process.serve_requests(),
                    }
                }
            }
            None => false,
        }
    }

    fn wait_signal(
        &mut self,
        signal: &Arc<crate::runtime::shared::SharedObject>,
        timeout: Option<std::time::Duration>,
    ) -> bool {
        let Some(state) = &signal.signal else { return false };
        let until = timeout.and_then(|t| std::time::Instant::now().checked_add(t));
        let Some((_, slot)) = &self.process.control else {
            return state.wait_until(until, &|| false).unwrap_or(false);
        };
        let slot = Arc::clone(slot);
        let rung = Arc::clone(signal);
        slot.set_poke(Some(Box::new(move || {
            if let Some(state) = &rung.signal {
                state.ring();
            }
        })));
        slot.set_waiting(true);
        let signaled = loop {
            match state.wait_until(until, &|| slot.has_requests()) {
                Some(signaled) => break signaled,
                None => self.process.serve_requests(),
            }
        };
        slot.set_waiting(false);
        slot.set_poke(None);
        signaled
    }

    fn process_variables(&mut self, number: i32, sources: &[Pointer]) -> Result<Option<Vec<Value>>, RuntimeError> {
        self.process.process_variables(number, sources)
    }

    fn set_process_variables(
        &mut self,
        number: i32,
        writes: Vec<(Pointer, Value)>,
        arrays: bool,
    ) -> Result<bool, RuntimeError> {
        self.process.set_process_variables(number, writes, arrays)
    }

    fn set_waiting(&mut self, waiting: bool) {
        if let Some((_, slot)) = &self.process.control {
            slot.set_waiting(waiting);
        }
    }

    fn clear_semaphore(&mut self, name: &str) {
        if let Some((control, slot)) = &self.process.control {
            control.table().semaphores.clear(name, slot.number);
        }
    }

    fn test_semaphore(&self, name: &str) -> bool {
        self.process.control.as_ref().is_some_and(|(control, _)| control.table().semaphores.is_set(name))
    }

    fn component_names(&mut self) -> Vec<String> {
        self.process.methods.component_names()
    }

    fn method_names(&mut self) -> Vec<String> {
        self.process.methods.method_names()
    }

    fn design_objects(&mut self) -> Vec<crate::commands::DesignObject> {
        self.process.methods.design_objects()
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
        let slot = self.process.methods.process_var_slot(var, self.frame.code.context)?;
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

    fn instantiate(&mut self, class: &Value, args: Vec<Value>) -> Result<Value, RuntimeError> {
        let defines = match class {
            Value::Object(o) => o.borrow().defines(),
            _ => None,
        };
        let Some(class) = defines else {
            return Err(RuntimeError::new(codes::NOT_AN_OBJECT, "`.new()` is called on a class"));
        };
        if let Some(user) = class.user {
            return self.process.new_instance(user.index, args, self.site);
        }
        if class.store == crate::runtime::class::Store::Builtin && class.name == "Blob" {
            // `4D.Blob.new({blob})`: a copy of a scalar BLOB or of a 4D.Blob
            // (the bytes are shared: neither can be changed in place).
            return match args.first() {
                None | Some(Value::Undefined) => Ok(crate::runtime::blob::blob_object(Default::default())),
                Some(value) => match crate::runtime::blob::scalar_of(value) {
                    Some(bytes) => Ok(crate::runtime::blob::blob_object(bytes)),
                    None => Err(RuntimeError::new(
                        codes::BAD_ARGUMENTS,
                        format!("4D.Blob.new() takes a BLOB or a 4D.Blob, not {}", value.type_name()),
                    )),
                },
            };
        }
        if class.store == crate::runtime::class::Store::Builtin && class.name == "HTTPAgent" {
            return crate::commands::http_agent::new(&args);
        }
        if class.store == crate::runtime::class::Store::Builtin && class.name == "CryptoKey" {
            return crate::commands::crypto::new_key(args.first());
        }
        if class.store == crate::runtime::class::Store::Builtin
            && (class.name == "SystemWorker" || class.name == "HTTPRequest")
        {
            // `4D.SystemWorker.new(commandLine {; options})`, `4D.HTTPRequest.new(url {; options})`.
            if !(1..=2).contains(&args.len()) {
                return Err(RuntimeError::new(
                    codes::BAD_ARGUMENTS,
                    format!("4D.{}.new() takes 1 or 2 arguments, not {}", class.name, args.len()),
                ));
            }
            let args = crate::commands::Args { values: &args, star: false, marker: None };
            let mut ctx = crate::commands::Ctx { host: self };
            return if class.name == "SystemWorker" {
                crate::commands::system_worker::new(&mut ctx, &args)
            } else {
                crate::commands::http_request::new(&mut ctx, &args)
            };
        }
        if class.store == crate::runtime::class::Store::Builtin && (class.name == "File" || class.name == "Folder") {
            // `4D.File.new(path)`, `4D.Folder.new(path)`: the `File` and `Folder` commands (documented).
            let folder = class.name == "Folder";
            let args = crate::commands::Args { values: &args, star: false, marker: None };
            return crate::commands::files::objects::make(&mut crate::commands::Ctx { host: self }, &args, folder);
        }
        crate::runtime::class::instantiate(&class).ok_or_else(|| {
            RuntimeError::new(
                codes::NOT_SUPPORTED,
                format!("fourd cannot create instances of the class `{}` with new()", class.name),
            )
        })
    }

    fn formula_from_string(&mut self, source: &str, in_host: bool) -> Result<Value, RuntimeError> {
        let context = if in_host { crate::eval::components::HOST } else { self.frame.code.context };
        let code = self.process.methods.compile_formula(source, context)?;
        Ok(Value::new_formula(Rc::new(Formula { code, captured: Vec::new(), source: source.to_string() })))
    }

    fn method_from_string(&mut self, name: &str, source: &str) -> Result<Value, RuntimeError> {
        let code = self.process.methods.compile_method(name, source, self.frame.code.context)?;
        Ok(Value::new_formula(Rc::new(Formula { code, captured: Vec::new(), source: source.to_string() })))
    }

    fn execute_formula(&mut self, source: &str) -> Result<(), RuntimeError> {
        let code = self.frame.code;
        let stmts = self.process.methods.compile_statement(source, &code.name, &code.locals, code.context)?;
        self.process.block(self.frame, &stmts).map(|_| ())
    }

    fn argument_source(&self, i: usize) -> String {
        self.args.get(i).map(|arg| self.process.methods.snippet(arg.span)).unwrap_or_default()
    }

    fn errors(&mut self) -> &mut ErrorState {
        &mut self.process.errors
    }

    fn set_error_handler(&mut self, scope: ErrorScope, method: Option<String>) {
        self.process.set_error_handler(self.frame.code.context, scope, method);
    }

    fn error_handler(&self, scope: ErrorScope) -> Option<String> {
        self.process.error_handler(self.frame.code.context, scope)
    }

    /// Whether assertions are on here: this process's own setting
    /// (`SET ASSERT ENABLED(...; *)`), else the run's.
    fn asserts_enabled(&self) -> bool {
        use std::sync::atomic::Ordering;
        let run = self.process.control.as_ref().map_or(1, |(control, _)| control.asserts().load(Ordering::Relaxed));
        match self.process.errors.asserts {
            // Set with `*` since the last setting for every process.
            Some((on, seen)) if seen >= run >> 1 => on,
            _ => run & 1 == 1,
        }
    }

    /// `SET ASSERT ENABLED`: for this process only (`*`), or for every
    /// process of the run, existing or to come.
    fn set_asserts(&mut self, on: bool, this_process_only: bool) {
        use std::sync::atomic::Ordering;
        let Some((control, _)) = self.process.control.as_ref() else {
            self.process.errors.asserts = Some((on, 0));
            return;
        };
        let asserts = control.asserts();
        if this_process_only {
            self.process.errors.asserts = Some((on, asserts.load(Ordering::Relaxed) >> 1));
        } else {
            // The closure always gives a value: the update cannot fail.
            let _ = asserts.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |run| {
                Some((((run >> 1) + 1) << 1) | u64::from(on))
            });
            self.process.errors.asserts = None;
        }
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

    fn project_folder(&self) -> Option<(std::path::PathBuf, bool)> {
        self.process.methods.project_folder()
    }

    fn documents(&mut self) -> &mut crate::commands::files::documents::Documents {
        &mut self.process.documents
    }

    fn web_options(&mut self) -> Arc<crate::commands::web_options::WebOptions> {
        self.process.methods.web_options()
    }

    fn localization(&mut self) -> Arc<crate::commands::localization::Localization> {
        self.process.methods.localization()
    }

    fn web(&mut self) -> Option<&mut crate::commands::web::WebExchange> {
        self.process.web.as_deref_mut()
    }

    fn xml(&mut self) -> &mut crate::commands::xml::XmlDocuments {
        &mut self.process.xml
    }

    fn environment(&mut self) -> &mut crate::commands::external::Environment {
        &mut self.process.environment
    }
}

/// The worker `CALL WORKER` or `KILL WORKER` names: by name or by number.
pub(super) fn worker_name(target: &Value) -> Result<WorkerName, RuntimeError> {
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
pub(super) fn process_info_of(slot: &ProcessEntry) -> ProcessInfo {
    ProcessInfo {
        number: slot.number,
        name: slot.name.clone(),
        state: slot.state(),
        worker: slot.worker,
        started: slot.started,
        session_id: slot.session().id.as_str().to_string(),
        system_id: slot.system_id(),
        cpu_time: if slot.state() == state::ABORTED { None } else { slot.cpu_time() },
    }
}

/// Whether a method's name is that of a database method fourd runs.
fn is_database_method(name: &str) -> bool {
    ["onStartup", "onExit", "onWebConnection", "onWebAuthentication"].contains(&name)
}
