//! `fourd run FILE [ARG...]`: runs a method file in the main process.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::commands::Output;
use crate::diag::{Diagnostic, RenderOptions, render};
use crate::eval::Run;

/// Standard output and error of the terminal.
pub struct Terminal {
    stdout: std::io::Stdout,
    stderr: std::io::Stderr,
}

impl Terminal {
    pub fn new() -> Terminal {
        Terminal { stdout: std::io::stdout(), stderr: std::io::stderr() }
    }
}

impl Default for Terminal {
    fn default() -> Terminal {
        Terminal::new()
    }
}

impl Output for Terminal {
    fn stdout(&mut self, text: &str) {
        let _ = self.stdout.lock().write_all(text.as_bytes());
    }

    fn stderr(&mut self, text: &str) {
        let _ = self.stdout.lock().flush();
        let _ = self.stderr.lock().write_all(text.as_bytes());
    }
}

/// Runs `file` with `args`; output goes to `out`; diagnostics are rendered and
/// written to `out`'s standard error. Returns whether the run succeeded.
pub fn run_file(
    file: &Path,
    display_name: &Path,
    args: &[String],
    out: &mut dyn Output,
    options: RenderOptions,
) -> bool {
    let mut run = Run::for_file(file, display_name);
    let outcome = run.run_main(file, args, out);
    let errors: Vec<&Diagnostic> = run.diagnostics.iter().filter(|d| d.is_error()).collect();
    for diag in &errors {
        out.stderr(&render(diag, &run.sources, options));
    }
    !outcome.failed && errors.is_empty()
}

/// `fourd run FILE [ARG...]`.
pub fn run(file: &Path, args: &[String]) -> ExitCode {
    if !file.is_file() {
        return super::usage_error(&format!("no such method file: {}", file.display()));
    }
    let options = RenderOptions { color: super::stderr_color(), ..RenderOptions::plain() };
    let mut terminal = Terminal::new();
    let ok = crate::syntax::on_deep_stack(|| run_file(file, file, args, &mut terminal, options));
    let _ = std::io::stdout().flush();
    if ok == Some(true) { ExitCode::SUCCESS } else { ExitCode::from(1) }
}
