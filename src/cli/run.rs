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
    out: &mut (dyn Output + Send),
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

/// The options of `fourd run` besides the target and its arguments.
#[derive(Debug, Default)]
pub struct RunOptions {
    /// In a project, the method to run after `onStartup`.
    pub method: Option<String>,
    pub user_param: String,
    pub skip_onstartup: bool,
}

/// `fourd run FILE [ARG...]`.
pub fn run(file: &Path, args: &[String], options: &RunOptions) -> ExitCode {
    // What the system says of the path: missing, not allowed, not a file.
    match std::fs::metadata(file) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return super::usage_error(&format!("no such method file: {}", file.display()));
        }
        Err(e) => return super::usage_error(&format!("cannot read {}: {e}", file.display())),
        Ok(meta) if !meta.is_file() => {
            return super::usage_error(&format!("not a method file (not a regular file): {}", file.display()));
        }
        Ok(_) => {}
    }
    if options.method.is_some() {
        return super::usage_error("--method applies to a project folder, not to a method file");
    }
    let render = super::stderr_render();
    let mut terminal = Terminal::new();
    let ok = crate::syntax::on_deep_stack(|| {
        let mut run = Run::for_file(file, file);
        run.user_param = options.user_param.clone();
        run.show_at_once = Some(render);
        let outcome = run.run_main(file, args, &mut terminal);
        report(&run, outcome, &mut terminal, render)
    });
    let _ = std::io::stdout().flush();
    if ok == Some(true) { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

/// `fourd run PROJECT [--method NAME]` and `fourd run --project PATH --startup-method NAME`:
/// the project's `onStartup` (unless skipped), then the method.
pub fn run_project(project: &Path, args: &[String], options: &RunOptions) -> ExitCode {
    // tool4d names the `.4DProject` file inside `Project/`.
    let root = if project.extension().is_some_and(|e| e.eq_ignore_ascii_case("4DProject")) {
        project.parent().and_then(Path::parent).map(Path::to_path_buf).unwrap_or_default()
    } else {
        project.to_path_buf()
    };
    if !root.join("Project").join("Sources").is_dir() {
        return super::usage_error(&format!("not a 4D project (no Project/Sources folder): {}", project.display()));
    }
    let probe = Run::for_project(&root);
    let mut keys = Vec::new();
    if probe.has_startup() && !options.skip_onstartup {
        keys.push(String::from(crate::eval::STARTUP_KEY));
    }
    if let Some(method) = &options.method {
        if !probe.has_method(method) {
            return super::usage_error(&format!("the project has no method named `{method}`"));
        }
        keys.push(crate::names::normalize(method));
    }
    if keys.is_empty() {
        return super::usage_error("the project has no onStartup database method: name one with --method");
    }
    drop(probe);
    let render = super::stderr_render();
    let mut terminal = Terminal::new();
    let ok = crate::syntax::on_deep_stack(|| {
        let mut run = Run::for_project(&root);
        run.user_param = options.user_param.clone();
        run.show_at_once = Some(render);
        let outcome = run.run_methods(&keys, args, &mut terminal);
        report(&run, outcome, &mut terminal, render)
    });
    let _ = std::io::stdout().flush();
    if ok == Some(true) { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

/// Writes a run's error diagnostics; whether it succeeded.
fn report(run: &Run, outcome: crate::eval::Outcome, out: &mut dyn Output, options: RenderOptions) -> bool {
    let errors: Vec<&Diagnostic> = run.diagnostics.iter().filter(|d| d.is_error()).collect();
    for diag in &errors {
        out.stderr(&render(diag, &run.sources, options));
    }
    !outcome.failed && errors.is_empty()
}
