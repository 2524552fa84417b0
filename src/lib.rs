//! fourd: an interpreter for the 4D language.
//!
//! Modules in reading order, lowest layer first: `names` and `diag` (spans
//! and diagnostics), `syntax` (source to AST), `runtime` (values), `session`
//! (the session table), `commands` (the command table), `eval` (resolution and
//! evaluation), `cli`. See ARCHITECTURE.md for the layers and their rules.

/// The version `fourd --version` prints: the package's, and the git commit
/// when built from a checkout.
pub const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), env!("FOURD_COMMIT_SUFFIX"));

pub mod diag;
pub mod names;
pub mod syntax;

pub mod runtime;

pub mod session;

pub mod commands;

pub mod eval;

pub mod web;

pub mod cli;
