//! The pool of web processes: the listener (on tokio's threads) puts each
//! dynamic request in a queue and awaits its answer; web processes (4D
//! processes on OS threads of the run) take requests from the queue, run the
//! 4D code and send the answer back. The listener never runs 4D code, so a
//! slow method holds one web process, never the listener.
//!
//! The pool starts with the processes it is given (at least one). When a request has waited
//! [`Pool::PATIENCE`] in the queue (every process is busy, a method is slow
//! or waits), the main process (which alone may start threads of the run)
//! starts one more, up to [`Pool::MAX`]; beyond, requests wait in the
//! queue, which holds at most [`Pool::QUEUE`] of them (then the listener
//! answers 503). Quick requests never wait that long, so a busy server keeps
//! few processes, and the 2 cores of a small machine do not switch between
//! dozens of threads.

use std::collections::VecDeque;

use parking_lot::{Condvar, Mutex};

/// A queue of jobs shared by the listener, the web processes and the main process.
pub struct Pool<J> {
    state: Mutex<State<J>>,
    /// Rung when a job arrives or the pool closes (web processes wait on it).
    work: Condvar,
    /// Rung when the pool wants one more process or closes (the main process waits on it).
    grow: Condvar,
}

struct State<J> {
    /// The jobs waiting, with when each came.
    jobs: VecDeque<(std::time::Instant, J)>,
    /// Web processes waiting for a job.
    idle: usize,
    /// Web processes started (or asked for).
    processes: usize,
    /// Processes asked of the main process and not started yet.
    wanted: usize,
    closed: bool,
}

/// Why a job was not queued.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    /// The queue is full.
    Busy,
    /// The server is stopping.
    Closed,
}

impl<J> Default for Pool<J> {
    fn default() -> Self {
        Pool::new(1)
    }
}

impl<J> Pool<J> {
    /// A pool that starts with `first` web processes (at least one).
    pub fn new(first: usize) -> Pool<J> {
        let first = first.clamp(1, Self::MAX);
        Pool {
            state: Mutex::new(State { jobs: VecDeque::new(), idle: 0, processes: 0, wanted: first, closed: false }),
            work: Condvar::new(),
            grow: Condvar::new(),
        }
    }
    /// The most web processes at once.
    pub const MAX: usize = 64;
    /// The most requests waiting for a web process.
    pub const QUEUE: usize = 4096;
    /// How long a request waits before the pool grows.
    pub const PATIENCE: std::time::Duration = std::time::Duration::from_millis(5);

    /// Queues a job for the next idle web process.
    pub fn push(&self, job: J) -> Result<(), Refused> {
        let mut state = self.state.lock();
        if state.closed {
            return Err(Refused::Closed);
        }
        if state.jobs.len() >= Self::QUEUE {
            return Err(Refused::Busy);
        }
        state.jobs.push_back((std::time::Instant::now(), job));
        if state.idle > 0 {
            self.work.notify_one();
        }
        Ok(())
    }

    /// The next job for a web process, waiting for one; `None` once the
    /// pool is closed and empty.
    pub fn next(&self) -> Option<J> {
        let mut state = self.state.lock();
        loop {
            if let Some((_, job)) = state.jobs.pop_front() {
                return Some(job);
            }
            if state.closed {
                return None;
            }
            state.idle += 1;
            self.work.wait(&mut state);
            state.idle -= 1;
        }
    }

    /// For the main process: how many web processes to start now (the
    /// first ones, or one more when a request has waited too long), after
    /// waiting up to `timeout`. 0 once closed.
    pub fn wanted(&self, timeout: std::time::Duration) -> usize {
        let mut state = self.state.lock();
        if state.wanted == 0 && !state.closed {
            let _ = self.grow.wait_for(&mut state, timeout);
        }
        if state.closed {
            return 0;
        }
        let overdue = state.jobs.front().is_some_and(|(came, _)| came.elapsed() >= Self::PATIENCE);
        if overdue && state.idle == 0 && state.processes + state.wanted < Self::MAX {
            state.wanted += 1;
        }
        let n = state.wanted;
        state.wanted = 0;
        state.processes += n;
        n
    }

    /// A web process could not be started after all.
    pub fn not_started(&self) {
        let mut state = self.state.lock();
        state.processes = state.processes.saturating_sub(1);
    }

    /// Stops taking jobs; the web processes end once the queue is empty.
    pub fn close(&self) {
        let mut state = self.state.lock();
        state.closed = true;
        self.work.notify_all();
        self.grow.notify_all();
    }

    pub fn is_closed(&self) -> bool {
        self.state.lock().closed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grows_when_no_process_is_idle_and_drains_after_close() {
        let pool: Pool<u32> = Pool::new(3);
        assert_eq!(pool.wanted(std::time::Duration::ZERO), 3);
        pool.push(1).ok();
        // A request that has not waited yet asks for nothing.
        assert_eq!(pool.wanted(std::time::Duration::ZERO), 0);
        std::thread::sleep(Pool::<u32>::PATIENCE);
        assert_eq!(pool.wanted(std::time::Duration::ZERO), 1);
        pool.close();
        assert_eq!(pool.push(2), Err(Refused::Closed));
        assert_eq!(pool.next(), Some(1));
        assert_eq!(pool.next(), None);
        assert_eq!(pool.wanted(std::time::Duration::ZERO), 0);
    }
}
