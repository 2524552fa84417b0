//! Errors met by the walker: `ON ERR CALL` handlers (this process's and the
//! run's), the error stack and the `Error` system variables, `Try`.

use std::sync::Arc;

use super::{CallKind, Callee, ChainLink, Frame, Process};
use crate::runtime::error::{ErrorScope, RuntimeError, codes};
use crate::runtime::value::Value;

impl Process<'_> {
    /// An error raised by a statement: recorded in the error stack, then
    /// given to the `ON ERR CALL` handler, after which the method goes on with
    /// its next statement; without a handler (or under a `Try` started after
    /// the handler was installed) it goes on up.
    #[cold]
    #[inline(never)]
    pub(super) fn on_error(&mut self, frame: &mut Frame<'_>, mut error: RuntimeError) -> Result<(), RuntimeError> {
        if error.0.offered || error.code() == codes::ABORTED {
            return Err(error);
        }
        error.0.offered = true;
        if !error.0.recorded {
            self.record(frame, &mut error);
        }
        // The handlers of the project whose code raised the error; for a
        // component without any, the host's handler of errors from components.
        let context = frame.code.context;
        let handler = self
            .error_handler(context, ErrorScope::Local)
            .or_else(|| self.error_handler(context, ErrorScope::Global))
            .map(|name| (name, context))
            .or_else(|| {
                (context != crate::eval::components::HOST)
                    .then(|| self.error_handler(crate::eval::components::HOST, ErrorScope::Components))
                    .flatten()
                    .map(|name| (name, crate::eval::components::HOST))
            });
        let Some((handler, context)) = handler else { return Err(error) };
        if self.in_handler || self.tries.last().is_some_and(|&at| at >= self.errors.generation) {
            return Err(error);
        }
        let Some(index) = self.methods.method_index(&handler, context) else { return Err(error) };
        let code = self.methods.code(index)?;
        self.in_handler = true;
        let site = error.0.span.unwrap_or_default();
        self.chain.push(ChainLink { site, callee: Callee::Code(Arc::clone(&code), CallKind::Method) });
        let outcome = self.call(code, Vec::new(), Value::Undefined);
        self.chain.pop();
        self.in_handler = false;
        self.errors.settled = true;
        match outcome {
            Ok(_) => Ok(()),
            Err(handler_error) => Err(handler_error),
        }
    }

    /// The handler that project `context` installed for `scope`: a local
    /// one in this process, the others in the run (or, for code run outside
    /// a run's processes, in this process too).
    pub(super) fn error_handler(&self, context: u16, scope: ErrorScope) -> Option<String> {
        match (&self.control, scope) {
            (Some((control, _)), ErrorScope::Global | ErrorScope::Components) => {
                control.error_handlers().read().get(context, scope).map(str::to_string)
            }
            _ => self.errors.handlers.get(context, scope).map(str::to_string),
        }
    }

    /// Installs (`None`: removes) the handler of project `context` for
    /// `scope`, where `error_handler` looks for it.
    pub(super) fn set_error_handler(&mut self, context: u16, scope: ErrorScope, method: Option<String>) {
        match (&self.control, scope) {
            (Some((control, _)), ErrorScope::Global | ErrorScope::Components) => {
                control.error_handlers().write().set(context, scope, method);
            }
            _ => self.errors.handlers.set(context, scope, method),
        }
        self.errors.generation += 1;
    }

    /// Puts a new error on the error stack and sets the `Error` system variables.
    pub(super) fn record(&mut self, frame: &Frame<'_>, error: &mut RuntimeError) {
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
    pub(super) fn try_begin(&mut self) {
        self.errors.last.clear();
        self.errors.settled = false;
        self.tries.push(self.errors.generation);
    }

    /// Ends a `Try`; an error it caught goes on the error stack if not already there.
    pub(super) fn try_end(&mut self, frame: &Frame<'_>, error: Option<RuntimeError>) {
        self.tries.pop();
        if let Some(mut error) = error
            && !error.0.recorded
        {
            self.record(frame, &mut error);
        }
        self.errors.settled = true;
    }
}
