//! Source text to AST: the lexical pass, the pest grammar, lowering and the AST dump.
//!
//! pest stays inside this module: nothing outside names a `Rule` or holds a
//! `Pair`. This layer knows nothing about values, commands or processes.

pub mod ast;
pub mod dump;
mod lines;
mod lower;
pub mod names;
mod parser;

use crate::diag::{Diagnostic, SourceId};

/// How deep a line may nest before its parse moves to a thread with a large stack.
const SHALLOW_DEPTH: usize = 24;
/// The stack of that thread. Bracket nesting is capped by the lexical pass, so
/// this bounds the recursion of pest, lowering and later passes with room to spare.
pub const DEEP_STACK_BYTES: usize = 256 * 1024 * 1024;

/// Parses a method or class file. Never fails and never panics: every problem
/// is a diagnostic, and the lines that did not parse become error statements.
pub fn parse(source: SourceId, text: &str) -> (ast::Method, Vec<Diagnostic>) {
    let lexed = lines::split(source, text);
    if lexed.max_depth <= SHALLOW_DEPTH {
        return lower::build(source, text, lexed);
    }
    on_deep_stack(|| lower::build(source, text, lexed)).unwrap_or_else(|| parse_failure(source))
}

/// What a parse that could not run reports (the thread could not start, or it died).
fn parse_failure(source: SourceId) -> (ast::Method, Vec<Diagnostic>) {
    let span = crate::diag::Span::new(source, 0, 0);
    (ast::Method::default(), vec![Diagnostic::error("syntax", "internal error: the parser could not run", span)])
}

/// Runs `work` on a thread with [`DEEP_STACK_BYTES`] of stack, as the work of a
/// 4D process needs; `None` if the thread could not start or panicked.
pub fn on_deep_stack<T: Send>(work: impl FnOnce() -> T + Send) -> Option<T> {
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name(String::from("fourd-main"))
            .stack_size(DEEP_STACK_BYTES)
            .spawn_scoped(scope, work)
            .ok()?
            .join()
            .ok()
    })
}
