//! The state of a `4D.Signal` (`New signal`): whether it was triggered, and
//! the wait of the processes that wait for it. The signal's object is a
//! shared object that holds this state beside its properties.

use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex};

/// How often a wait for a signal looks whether its process was aborted.
const ABORT_CHECK: Duration = Duration::from_millis(50);

/// A signal: False until triggered, then True for good.
#[derive(Debug, Default)]
pub struct Signal {
    signaled: Mutex<bool>,
    wake: Condvar,
}

impl Signal {
    pub fn is_signaled(&self) -> bool {
        *self.signaled.lock()
    }

    /// Sets the signal and wakes every process that waits for it.
    pub fn trigger(&self) {
        let mut signaled = self.signaled.lock();
        if !*signaled {
            *signaled = true;
            self.wake.notify_all();
        }
    }

    /// Waits until the signal is triggered, at most `timeout` (forever when
    /// `None`); returns whether it was. The wait ends early, returning
    /// False, when the process is aborted.
    pub fn wait(&self, timeout: Option<Duration>) -> bool {
        let until = timeout.and_then(|t| Instant::now().checked_add(t));
        self.wait_until(until, &|| false).unwrap_or(false)
    }

    /// Waits until the signal is triggered or `until` (forever when `None`);
    /// returns whether it was, or `None` as soon as `interrupt` says so (the
    /// process has requests to answer: the caller answers them and waits
    /// again). `interrupt` is looked at under the signal's lock, which
    /// [`Signal::ring`] takes to wake the wait.
    pub fn wait_until(&self, until: Option<Instant>, interrupt: &dyn Fn() -> bool) -> Option<bool> {
        let mut signaled = self.signaled.lock();
        while !*signaled {
            if interrupt() {
                return None;
            }
            let now = Instant::now();
            if until.is_some_and(|until| now >= until) || super::locks::must_stop() {
                break;
            }
            let slice = until.map_or(ABORT_CHECK, |until| (until - now).min(ABORT_CHECK));
            self.wake.wait_for(&mut signaled, slice);
        }
        Some(*signaled)
    }

    /// Wakes the processes that wait for the signal, so that they look at
    /// their `interrupt` (the signal stays as it is).
    pub fn ring(&self) {
        let _signaled = self.signaled.lock();
        self.wake.notify_all();
    }
}
