//! The variables of other processes (`GET PROCESS VARIABLE`, `SET PROCESS
//! VARIABLE`, `VARIABLE TO VARIABLE`). A process's variables live on its own
//! thread, so another process posts it a request (`control::VarRequest`, its
//! values as `Portable` copies, with a channel for the answer); the process
//! answers at its next loop turn or call, or in the waits that look for
//! requests (its own `DELAY PROCESS` or pause, a `Semaphore`, a signal's
//! `wait()`, a worker's empty box, the main process's messages). The asker
//! answers the requests made of itself while it waits for its answer, so that
//! two processes asking each other do not block, and gives up with an error
//! after `ANSWER_LIMIT` (a process stuck in a wait that does not answer).

use std::rc::Rc;
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::Process;
use crate::eval::control::{AnswerError, VarPath, VarRequest, state};
use crate::eval::portable::Portable;
use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::types::ArrayType;
use crate::runtime::value::{Pointer, Value};

/// How long a process waits for another to answer about its variables.
const ANSWER_LIMIT: Duration = Duration::from_secs(5);

/// How often a process that waits for an answer answers the requests made of itself.
const SERVE_SLICE: Duration = Duration::from_millis(5);

/// Where a pointer given to the commands designates a variable.
enum Target {
    /// A process variable (or an element of its array): asked of the process.
    Remote(VarPath),
    /// An interprocess variable (or an element of its array): the same in every process.
    Here(Pointer),
}

/// The error of a variable whose kind the commands refuse (documented:
/// pointers, arrays of pointers, two-dimensional arrays).
fn refused(name: &str, what: &str) -> RuntimeError {
    RuntimeError::new(
        codes::INCOMPATIBLE_TYPES,
        format!("the variable `{name}` holds {what}, which cannot be exchanged with another process"),
    )
}

/// Refuses the values the commands cannot exchange.
fn check_kind(name: &str, value: &Value) -> Result<(), RuntimeError> {
    match value {
        Value::Pointer(_) => Err(refused(name, "a pointer")),
        Value::Array(a) => {
            let a = a.borrow();
            if a.ty == ArrayType::Pointer {
                Err(refused(name, "an array of pointers"))
            } else if a.items.iter().any(|v| matches!(v, Value::Array(_))) {
                Err(refused(name, "a two-dimensional array"))
            } else {
                Ok(())
            }
        }
        _ => Ok(()),
    }
}

fn target(pointer: &Pointer) -> Result<Target, RuntimeError> {
    match pointer {
        Pointer::Process { slot, name } => {
            Ok(Target::Remote(VarPath { slot: *slot, name: name.to_string(), index: None }))
        }
        Pointer::Interprocess { .. } => Ok(Target::Here(pointer.clone())),
        Pointer::Element { array, index } => match &**array {
            Pointer::Process { slot, name } => {
                Ok(Target::Remote(VarPath { slot: *slot, name: name.to_string(), index: Some(*index) }))
            }
            Pointer::Interprocess { .. } => Ok(Target::Here(pointer.clone())),
            _ => Err(local_refused(pointer)),
        },
        _ => Err(local_refused(pointer)),
    }
}

/// Local variables are not process variables (documented).
pub(super) fn local_refused(pointer: &Pointer) -> RuntimeError {
    RuntimeError::new(
        codes::BAD_ARGUMENTS,
        format!(
            "`{}` is a local variable: only process and interprocess variables are variables of a process",
            pointer.name()
        ),
    )
}

fn pointer_of(path: &VarPath) -> Pointer {
    let var = Pointer::Process { slot: path.slot, name: Rc::from(path.name.as_str()) };
    match path.index {
        Some(index) => Pointer::Element { array: Rc::new(var), index },
        None => var,
    }
}

fn answer_error(error: RuntimeError) -> AnswerError {
    (error.code(), error.message().to_string())
}

impl Process<'_> {
    /// Attends to what other processes asked (see `attend`), answering the
    /// requests for this process's variables first and during a pause or delay.
    #[cold]
    pub(super) fn attend_requests(&mut self) -> Result<(), RuntimeError> {
        let Some((_, slot)) = &self.control else { return Ok(()) };
        let slot = Arc::clone(slot);
        loop {
            self.serve_requests();
            if slot.attend()? {
                return Ok(());
            }
        }
    }

    /// Whether other processes wait for an answer about this process's variables.
    pub fn has_requests(&self) -> bool {
        self.control.as_ref().is_some_and(|(_, slot)| slot.has_requests())
    }

    /// Answers the requests of other processes for this process's variables.
    pub fn serve_requests(&mut self) {
        let Some((_, slot)) = &self.control else { return };
        for request in slot.take_requests() {
            let VarRequest { reads, writes, arrays, answer } = request;
            let result = self.answer(reads, writes, arrays).map_err(answer_error);
            // The asker may have given up: nobody to tell.
            let _ = answer.send(result);
        }
    }

    fn answer(
        &mut self,
        reads: Vec<VarPath>,
        writes: Vec<(VarPath, Portable)>,
        arrays: bool,
    ) -> Result<Vec<Portable>, RuntimeError> {
        let mut values = Vec::with_capacity(reads.len());
        for path in &reads {
            let value = self.deref(&pointer_of(path))?;
            check_kind(&path.name, &value)?;
            values.push(Portable::from_variable(&value)?);
        }
        for (path, value) in writes {
            self.write_checked(&pointer_of(&path), value.into_value(), arrays)?;
        }
        Ok(values)
    }

    /// Writes a variable of this process for another: not a pointer, nor
    /// an element of an array of pointers or of a two-dimensional array;
    /// an array as a whole only when `arrays` (`VARIABLE TO VARIABLE`).
    fn write_checked(&mut self, pointer: &Pointer, value: Value, arrays: bool) -> Result<(), RuntimeError> {
        let (var, element) = match pointer {
            Pointer::Element { array, .. } => (&**array, true),
            other => (other, false),
        };
        let current = self.deref(var)?;
        let name = var.name();
        check_kind(&name, &current)?;
        check_kind(&name, &value)?;
        if !element && !arrays && (matches!(current, Value::Array(_)) || matches!(value, Value::Array(_))) {
            return Err(RuntimeError::new(
                codes::INCOMPATIBLE_TYPES,
                format!(
                    "`{name}` is an array: SET PROCESS VARIABLE writes an element of an array, VARIABLE TO VARIABLE a whole array"
                ),
            ));
        }
        self.assign(pointer, value)
    }

    /// `GET PROCESS VARIABLE`: the values of `sources` in process `number`;
    /// `None` when it does not run.
    pub(super) fn process_variables(
        &mut self,
        number: i32,
        sources: &[Pointer],
    ) -> Result<Option<Vec<Value>>, RuntimeError> {
        let targets = sources.iter().map(target).collect::<Result<Vec<_>, _>>()?;
        if self.is_current(number) {
            return sources
                .iter()
                .map(|p| {
                    let value = self.deref(p)?;
                    check_kind(&p.name(), &value)?;
                    Ok(value)
                })
                .collect::<Result<Vec<_>, _>>()
                .map(Some);
        }
        let mut reads = Vec::new();
        let mut here = Vec::new();
        for t in targets {
            match t {
                Target::Remote(path) => reads.push(path),
                Target::Here(p) => here.push(p),
            }
        }
        let Some(mut remote) = self.ask(number, reads, Vec::new(), false)?.map(Vec::into_iter) else {
            return Ok(None);
        };
        let mut here = here.into_iter();
        let mut values = Vec::with_capacity(sources.len());
        for source in sources {
            if matches!(target(source)?, Target::Here(_)) {
                let p = here.next().unwrap_or_else(|| source.clone());
                let value = self.deref(&p)?;
                check_kind(&p.name(), &value)?;
                values.push(value);
            } else {
                values.push(remote.next().map_or(Value::Undefined, Portable::into_value));
            }
        }
        Ok(Some(values))
    }

    /// `SET PROCESS VARIABLE` (`arrays` false) and `VARIABLE TO VARIABLE`
    /// (`arrays` true): writes variables of process `number`; false when it
    /// does not run.
    pub(super) fn set_process_variables(
        &mut self,
        number: i32,
        writes: Vec<(Pointer, Value)>,
        arrays: bool,
    ) -> Result<bool, RuntimeError> {
        let mut remote = Vec::new();
        let mut here = Vec::new();
        for (pointer, value) in writes {
            match target(&pointer)? {
                Target::Remote(path) => remote.push((path, pointer, value)),
                Target::Here(p) => here.push((p, value)),
            }
        }
        if self.is_current(number) {
            for (_, pointer, value) in remote {
                self.write_checked(&pointer, value, arrays)?;
            }
        } else {
            if !self.is_running(number) {
                return Ok(false);
            }
            let writes = remote
                .into_iter()
                .map(|(path, _, value)| Ok((path, Portable::from_variable(&value)?)))
                .collect::<Result<Vec<_>, RuntimeError>>()?;
            if !writes.is_empty() && self.ask(number, Vec::new(), writes, arrays)?.is_none() {
                return Ok(false);
            }
        }
        for (pointer, value) in here {
            self.write_checked(&pointer, value, arrays)?;
        }
        Ok(true)
    }

    /// Whether `number` is this process (outside a run, the only one).
    fn is_current(&self, number: i32) -> bool {
        match &self.control {
            Some((_, slot)) => slot.number == number,
            None => number == 1,
        }
    }

    fn is_running(&self, number: i32) -> bool {
        match &self.control {
            Some((control, _)) => control.table().get(number).is_some_and(|entry| entry.state() != state::ABORTED),
            None => false,
        }
    }

    /// Asks process `number` for `reads` and `writes`, answering the
    /// requests made of this process meanwhile; `None` when the process
    /// does not run or ends before answering.
    fn ask(
        &mut self,
        number: i32,
        reads: Vec<VarPath>,
        writes: Vec<(VarPath, Portable)>,
        arrays: bool,
    ) -> Result<Option<Vec<Portable>>, RuntimeError> {
        let Some((control, _)) = &self.control else { return Ok(None) };
        let Some(entry) = control.table().get(number).filter(|e| e.state() != state::ABORTED) else {
            return Ok(None);
        };
        let (answer, answered) = std::sync::mpsc::sync_channel(1);
        if entry.post(VarRequest { reads, writes, arrays, answer }).is_err() {
            return Ok(None);
        }
        let limit = Instant::now() + ANSWER_LIMIT;
        loop {
            match answered.recv_timeout(SERVE_SLICE) {
                Ok(Ok(values)) => return Ok(Some(values)),
                Ok(Err((code, message))) => return Err(RuntimeError::new(code, message)),
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return Ok(None),
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                    self.attend()?;
                    self.serve_requests();
                    if Instant::now() >= limit {
                        return Err(RuntimeError::new(
                            codes::NOT_SUPPORTED,
                            format!(
                                "process {number} did not answer about its variables within {} seconds (it waits for something that does not let it answer)",
                                ANSWER_LIMIT.as_secs()
                            ),
                        ));
                    }
                }
            }
        }
    }
}
