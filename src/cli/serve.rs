//! `fourd serve [PROJECT] [--port N] [--host ADDR]`: the web server, until
//! Ctrl-C or SIGTERM.

use std::io::Write;
use std::process::ExitCode;

use crate::web::ServeOptions;

/// Serves the project; exit 0 after a graceful stop, 1 when `onStartup` or
/// `onExit` raised an uncaught error or the server could not start, 2 when
/// the folder is not a project.
pub fn run(options: &ServeOptions) -> ExitCode {
    if !options.project.join("Project").join("Sources").is_dir() {
        return super::usage_error(&format!(
            "not a 4D project (no Project/Sources folder): {}",
            options.project.display()
        ));
    }
    let render = super::stderr_render();
    let mut terminal = super::run::Terminal::new();
    let outcome = crate::syntax::on_deep_stack(|| crate::web::serve(options, &mut terminal, render));
    let _ = std::io::stdout().flush();
    match outcome {
        Some(Ok(true)) => ExitCode::SUCCESS,
        Some(Ok(false)) | None => ExitCode::from(1),
        Some(Err(message)) => {
            eprintln!("fourd serve: {message}");
            ExitCode::from(1)
        }
    }
}
