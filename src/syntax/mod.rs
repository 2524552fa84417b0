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
pub(crate) const SHALLOW_DEPTH: usize = 24;
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

/// The statements of a method file that may name process variables, each
/// read alone (no blocks are built), for a project's prepass: not lines that
/// start with `$` (they assign locals or members) nor conditions and block
/// keywords; `For` and `For each` come with empty bodies. `None` when the
/// lexical pass or a line it reads finds a syntax error (the lines passed
/// over and the blocks are not checked: that is [`parse`]'s work).
pub fn statements_naming_variables(source: SourceId, text: &str) -> Option<Vec<ast::Stmt>> {
    let lexed = lines::split(source, text);
    if lexed.diagnostics.iter().any(Diagnostic::is_error) {
        return None;
    }
    if lexed.max_depth <= SHALLOW_DEPTH {
        return lower::statements_naming_variables(source, &lexed);
    }
    on_deep_stack(|| lower::statements_naming_variables(source, &lexed)).flatten()
}

/// What a parse that could not run reports (the thread could not start, or it died).
fn parse_failure(source: SourceId) -> (ast::Method, Vec<Diagnostic>) {
    let span = crate::diag::Span::new(source, 0, 0);
    (ast::Method::default(), vec![Diagnostic::error("syntax", "internal error: the parser could not run", span)])
}

/// The text of a method file's bytes. A file that is not UTF-8 text is read
/// lossily and comes with its diagnostic, at the first byte that is not
/// (4D saves method files as UTF-8; fourd reads no other encoding), made for
/// the source `id` that the caller gives the text.
pub fn decode(bytes: Vec<u8>) -> (String, Option<impl FnOnce(SourceId) -> Diagnostic>) {
    match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(error) => {
            let valid = error.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
            let diag = move |id| {
                Diagnostic::error("syntax", "this file is not UTF-8 text", crate::diag::Span::new(id, valid, valid))
                    .with_label("the bytes here are not UTF-8")
                    .with_help("4D method files are UTF-8; convert the file")
            };
            (text, Some(diag))
        }
    }
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
