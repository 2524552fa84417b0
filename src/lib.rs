//! fourd: an interpreter for the 4D language.
//!
//! Modules in reading order, lowest layer first: `diag` (spans and
//! diagnostics), `syntax` (source to AST), `cli` (the command line). See
//! ARCHITECTURE.md for the layers and their rules.

pub mod diag;
pub mod syntax;

pub mod cli;
