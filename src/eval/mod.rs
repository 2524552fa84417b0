//! Resolution and evaluation.
//!
//! `run.rs` holds a run (`Run`: the project's methods and classes, loaded,
//! parsed and resolved on first use, and the run's diagnostics); `resolve/`
//! turns syntax into a `program` (`program.rs`); `exec/` walks it, one
//! `exec::Process` per 4D process; `control.rs` is what a process may ask of
//! the run and of the other processes, `portable.rs` the values that cross
//! from one to another, and `processes.rs` runs them on threads; `repl.rs` is
//! the REPL's core; `ops.rs` the operators.

mod arguments;
mod code_text;
pub mod components;
pub mod control;
pub mod exec;
pub mod ops;
pub mod portable;
pub mod processes;
pub mod program;
pub mod pure;
pub mod repl;
pub mod resolve;
pub mod run;
pub mod system_variables;

pub use run::{
    EXIT_KEY, Outcome, Run, STARTUP_KEY, WEB_AUTHENTICATION_KEY, WEB_CONNECTION_KEY, is_database_key,
    project_methods_folder,
};
