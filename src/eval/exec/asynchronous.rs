//! The asynchronous objects of a process (`4D.SystemWorker`,
//! `4D.HTTPRequest`): the process keeps each one it made until its last
//! event (as 4D keeps an extra reference), handles their events from its
//! box — its callbacks run here, called on the options object with
//! `(object; event)` — and waits for one in `.wait()`, handling meanwhile
//! every message of its box, `CALL WORKER`'s included (documented).

use std::time::{Duration, Instant};

use super::Process;
use crate::commands::asynchronous::{self, Event, EventSink};
use crate::diag::Span;
use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::value::Value;

/// The asynchronous objects a process keeps (the REPL carries them from
/// one entry's process to the next).
#[derive(Default)]
pub struct AsyncObjects(Vec<Kept>);

/// An object the process keeps, with what keeps the run going meanwhile.
struct Kept {
    id: u64,
    object: Value,
    _guard: Box<dyn std::any::Any>,
}

impl Process<'_> {
    /// Keeps `object` (id `id`) until its last event; the sink of its events.
    pub(super) fn start_async(
        &mut self,
        object: &Value,
        id: u64,
    ) -> Result<std::sync::Arc<dyn EventSink>, RuntimeError> {
        let Some((control, slot)) = &self.control else {
            return Err(RuntimeError::new(codes::NOT_SUPPORTED, "asynchronous objects need a process of a run"));
        };
        let (sink, guard) = control.open_events(slot);
        self.async_objects.0.push(Kept { id, object: object.clone(), _guard: guard });
        Ok(sink)
    }

    /// Lets go of every asynchronous object (the process is aborted): their
    /// events are dropped when they come.
    pub fn forget_async_objects(&mut self) {
        self.async_objects.0.clear();
    }

    /// Handles an event: the object's state changes, its callbacks run, and
    /// after its last event the process lets go of it. An event of an object
    /// the process no longer keeps is dropped.
    pub(super) fn handle_event(&mut self, event: Event) -> Result<(), (RuntimeError, String)> {
        let Some(at) = self.async_objects.0.iter().position(|k| k.id == event.object) else { return Ok(()) };
        let object = self.async_objects.0[at].object.clone();
        let Some((applied, options)) = asynchronous::with(&object, |a| (a.apply(event.kind), a.options())) else {
            return Ok(());
        };
        let mut outcome = Ok(());
        for (name, event_object) in applied.callbacks {
            if let Err(error) = self.callback(&options, name, vec![object.clone(), event_object]) {
                outcome = Err((error, name.to_string()));
                break;
            }
        }
        if applied.last {
            asynchronous::with(&object, |a| a.finish());
            self.async_objects.0.retain(|k| k.id != event.object);
        }
        outcome
    }

    /// Calls the callback `name` of the options object: a formula in that
    /// property (`This` is the options object), or a function of its class.
    /// Nothing when it has none.
    fn callback(&mut self, options: &Value, name: &str, args: Vec<Value>) -> Result<(), RuntimeError> {
        let property = match options {
            Value::Object(o) => o.borrow().props.get(name).cloned(),
            Value::SharedObject(o) if o.contains(name) => Some(o.get(name)),
            Value::SharedObject(_) => None,
            _ => return Ok(()),
        };
        match property {
            Some(f @ Value::Object(_)) => self.call_value(&f, options.clone(), args, Span::default()).map(|_| ()),
            Some(_) => Ok(()),
            None => self.instance_call(options, name, args, Span::default()).map(|_| ()),
        }
    }

    /// `.wait({timeout})` of the object `id`: handles the messages and events
    /// of the process's box until the object says its wait is over (or is no
    /// longer kept), `timeout` has passed, or the process is aborted. An
    /// error of a callback or a message is reported, as a worker's are, and
    /// the wait goes on.
    pub(super) fn wait_async(&mut self, id: u64, timeout: Option<Duration>) -> Result<(), RuntimeError> {
        let Some((control, slot)) = self.control.clone() else { return Ok(()) };
        let deadline = timeout.and_then(|t| Instant::now().checked_add(t));
        slot.set_waiting(true);
        let outcome = loop {
            let over = match self.async_objects.0.iter().find(|k| k.id == id) {
                None => true,
                Some(kept) => asynchronous::with(&kept.object, |a| a.wait_over()).unwrap_or(true),
            };
            if over {
                break Ok(());
            }
            if slot.is_aborted() {
                break Err(RuntimeError::new(codes::ABORTED, "the process was aborted"));
            }
            // Without a timeout, the wait has no end but the object's.
            let until = deadline.unwrap_or_else(|| Instant::now() + Duration::from_secs(3600));
            match control.next_message(&slot, until) {
                Some(message) => {
                    slot.set_waiting(false);
                    self.run_message(message);
                    control.message_done();
                    slot.set_waiting(true);
                }
                None if deadline.is_some_and(|d| Instant::now() >= d) => break Ok(()),
                None => {}
            }
        };
        slot.set_waiting(false);
        outcome
    }
}
