//! The command line: argument parsing with clap, the subcommands, and
//! rendering of diagnostics. The only module that prints or reads files.
#![allow(clippy::print_stdout, clippy::print_stderr)]

pub mod check;
pub mod repl;
pub mod run;
pub mod serve;
pub mod test;

use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::diag::RenderOptions;

/// fourd runs, checks and tests 4D code from a terminal. Without a command, it starts the REPL.
#[derive(Debug, Parser)]
#[command(
    name = "fourd",
    version = crate::VERSION,
    long_about = None,
    after_help = "Examples:\n  \
      fourd run hello.4dm          run a method file\n  \
      fourd hello.4dm 20           the same, with \"20\" as its first parameter\n  \
      fourd check .                check every method under the current folder\n  \
      fourd test tests/            run the golden tests under tests/\n  \
      fourd serve MyProject        serve a project over HTTP\n  \
      fourd                        start the REPL"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run a method file, or a project (its onStartup, then --method), in the main process.
    #[command(after_help = "Examples:\n  fourd run scripts/fizzbuzz.4dm 20\n  fourd run MyProject --method Tests_run")]
    Run {
        /// The method file (`.4dm`) or a project folder (one holding `Project/Sources/`).
        target: Option<PathBuf>,
        /// In a project, the method to run after onStartup.
        #[arg(long)]
        method: Option<String>,
        /// tool4d's spelling: the project folder, or its `.4DProject` file.
        #[arg(long)]
        project: Option<PathBuf>,
        /// tool4d's spelling of --method.
        #[arg(long = "startup-method")]
        startup_method: Option<String>,
        /// What `Get database parameter(User param value; $text)` returns.
        #[arg(long = "user-param")]
        user_param: Option<String>,
        /// Accepted for tool4d compatibility: fourd has no data file.
        #[arg(long)]
        dataless: bool,
        /// Do not run the project's onStartup database method.
        #[arg(long = "skip-onstartup")]
        skip_onstartup: bool,
        /// Arguments, passed to the method as Text parameters.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// List the commands fourd implements, with their 4D numbers and themes,
    /// or (with --constants) 4D's constants with their values.
    #[command(after_help = "Examples:\n  fourd commands --json > commands.json\n  fourd commands --constants")]
    Commands {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// List 4D's constants (name, value, theme, token) instead of the commands.
        #[arg(long)]
        constants: bool,
    },
    /// Run golden-file tests: each NAME.4dm with NAME.out and/or NAME.err beside it.
    #[command(after_help = "Examples:\n  fourd test tests/\n  fourd test --junit report.xml --timeout 30 tests/")]
    Test {
        /// Folders or test files (default: the current folder).
        paths: Vec<PathBuf>,
        /// Write the actual output into the expectation files.
        #[arg(long)]
        bless: bool,
        /// Only the tests whose path contains this text.
        #[arg(long)]
        filter: Option<String>,
        /// How many tests run at once (default: the number of cores).
        #[arg(long)]
        jobs: Option<usize>,
        /// Seconds a test may run before it is stopped and fails.
        #[arg(long, default_value_t = 10.0)]
        timeout: f64,
        /// Exit with success when no test is found (by default it is an error).
        #[arg(long)]
        allow_no_tests: bool,
        /// List the tests found, one path a line, without running them.
        #[arg(long)]
        list: bool,
        /// How to print the results: `human`, or `json` (one object a line per test, then the totals).
        #[arg(long, value_enum, default_value_t)]
        format: test::TestFormat,
        /// Also write the results to FILE as a JUnit XML report (for CI servers).
        #[arg(long, value_name = "FILE")]
        junit: Option<PathBuf>,
    },
    /// Start the interactive REPL: type 4D code and see its values (`:help` inside).
    #[command(after_help = "Example:\n  fourd repl MyProject")]
    Repl {
        /// A 4D project folder (or a folder of .4dm methods) whose methods
        /// can be called (default: the current folder).
        project: Option<PathBuf>,
    },
    /// Serve a 4D project over HTTP: static files, /4DACTION/ methods, web sessions.
    #[command(after_help = "Examples:\n  fourd serve MyProject\n  fourd serve MyProject --port 0 --log access.log")]
    Serve {
        /// The project folder, the one holding `Project/` (default: the current folder).
        project: Option<PathBuf>,
        /// The port to listen on (default: the project's settings, else 8080); 0 picks a free one.
        #[arg(long)]
        port: Option<u16>,
        /// The address to listen on (default: 127.0.0.1).
        #[arg(long)]
        host: Option<std::net::IpAddr>,
        /// Append the access log (Common Log Format) to FILE instead of standard error.
        #[arg(long, value_name = "FILE")]
        log: Option<PathBuf>,
        /// Seconds a client may take to send a request's head or body, or stay idle (default: 10).
        #[arg(long, value_name = "SECONDS")]
        read_timeout: Option<f64>,
        /// The largest request body, in bytes (default: 2000000, as 4D).
        #[arg(long, value_name = "BYTES")]
        max_request_size: Option<usize>,
    },
    /// Check every .4dm file under each PATH (its syntax, then its names) without running anything.
    #[command(after_help = "Examples:\n  fourd check .\n  fourd check --syntax-only --format github Project/Sources")]
    Check {
        /// Files or folders (default: the current folder).
        paths: Vec<PathBuf>,
        /// Only check the syntax: do not resolve names.
        #[arg(long)]
        syntax_only: bool,
        /// How to report: for people, or for CI (JSON Lines, GitHub workflow commands, SARIF).
        #[arg(long, value_enum, default_value_t = check::Format::Human)]
        format: check::Format,
    },
}

/// Runs fourd with the process's arguments.
pub fn main() -> ExitCode {
    main_with(std::env::args_os())
}

/// Runs fourd with the given arguments (the first is the program name).
pub fn main_with(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let mut args: Vec<OsString> = args.into_iter().collect();
    // `fourd FILE.4dm ARG...` is `fourd run FILE.4dm ARG...`.
    if args.get(1).is_some_and(|a| a.to_string_lossy().to_lowercase().ends_with(".4dm")) {
        args.insert(1, OsString::from("run"));
    }
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { 2 } else { 0 });
        }
    };
    let Some(command) = cli.command else { return repl::run(None) };
    match command {
        Command::Repl { project } => repl::run(project.as_deref()),
        Command::Check { paths, syntax_only, format } => check::run(&paths, syntax_only, format),
        Command::Run { target, method, project, startup_method, user_param, dataless: _, skip_onstartup, args } => {
            let options = run::RunOptions {
                method: method.or(startup_method),
                user_param: user_param.unwrap_or_default(),
                skip_onstartup,
            };
            match (target, project) {
                (Some(_), Some(_)) => usage_error("give either a file or --project, not both"),
                (None, None) => usage_error("`fourd run` needs a method file or a project"),
                (Some(target), None) if target.is_dir() => run::run_project(&target, &args, &options),
                (None, Some(project)) => run::run_project(&project, &args, &options),
                (Some(file), None) => run::run(&file, &args, &options),
            }
        }
        Command::Test { paths, bless, filter, jobs, timeout, allow_no_tests, list, format, junit } => {
            let jobs = jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
            let timeout = std::time::Duration::from_secs_f64(timeout.clamp(0.001, 86_400.0));
            test::run(&paths, &test::TestOptions { bless, filter, jobs, timeout, allow_no_tests, list, format, junit })
        }
        Command::Serve { project, port, host, log, read_timeout, max_request_size } => {
            let options = crate::web::ServeOptions {
                project: project.unwrap_or_else(|| PathBuf::from(".")),
                port,
                host,
                log,
                read_timeout: read_timeout.map(|s| std::time::Duration::from_secs_f64(s.clamp(0.05, 86_400.0))),
                max_request_size,
            };
            serve::run(&options)
        }
        Command::Commands { json, constants } => {
            let listing = if constants { constants_listing(json) } else { commands_listing(json) };
            // A closed pipe (`fourd commands | head`) ends the listing quietly.
            let _ = std::io::Write::write_all(&mut std::io::stdout(), listing.as_bytes());
            ExitCode::SUCCESS
        }
    }
}

/// Whether diagnostics on standard error may use colours.
pub(crate) fn stderr_color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// How diagnostics are drawn on standard error: in colour and wrapped at the
/// terminal's width when it is a terminal; plain and not wrapped otherwise.
pub(crate) fn stderr_render() -> RenderOptions {
    let stderr = std::io::stderr();
    let width = if stderr.is_terminal() {
        terminal_size::terminal_size_of(&stderr).map(|(width, _)| usize::from(width.0)).or(Some(100))
    } else {
        None
    };
    RenderOptions { color: stderr_color(), width }
}

/// Prints a usage error the way clap does: one line and the usage hint; exit 2.
pub(crate) fn usage_error(message: &str) -> ExitCode {
    eprintln!("error: {message}\n\nFor more information, try '--help'.");
    ExitCode::from(2)
}

/// The command table as text (number, name, theme) or JSON (with the
/// argument counts, the arguments passed by reference, whether a `*` is
/// taken, the documented signature, the documented types of the parameters
/// and the result, and whether the command is thread safe), sorted by name,
/// then the member tables, one per class of receiver (name, argument counts,
/// whether the function changes its receiver).
pub fn commands_listing(json: bool) -> String {
    use crate::commands::members::{CHANGES_RECEIVER, MANY, ReceiverKind};
    let mut rows: Vec<&crate::commands::CommandSpec> = crate::commands::table::COMMANDS.iter().collect();
    rows.sort_by_key(|c| c.name.to_lowercase());
    let max = |n: u8| if n == MANY { None } else { Some(n) };
    if json {
        let mut items: Vec<serde_json::Value> = rows
            .iter()
            .map(|c| {
                // The arguments (1 for the first) passed by reference, or by
                // reference when they are a variable.
                let by_reference: Vec<u8> =
                    (0..8u8).filter(|i| (c.refs | c.places) & (1 << i) != 0).map(|i| i + 1).collect();
                serde_json::json!({
                    "number": c.number,
                    "name": c.name,
                    "theme": c.theme.name(),
                    "minArgs": c.min_args,
                    "maxArgs": if c.max_args == u8::MAX { None } else { Some(c.max_args) },
                    "byReference": by_reference,
                    "star": c.star,
                    "signature": c.signature(),
                    "parameterTypes": c.parameter_types(),
                    "resultType": c.result_type(),
                    "threadSafe": c.thread_safe(),
                })
            })
            .collect();
        for kind in ReceiverKind::ALL {
            for (name, min, most, flags) in kind.rows() {
                items.push(serde_json::json!({
                    "class": kind.class_name(),
                    "member": name,
                    "minArgs": min,
                    "maxArgs": max(most),
                    "changesReceiver": flags & CHANGES_RECEIVER != 0,
                }));
            }
        }
        return format!("{}\n", serde_json::Value::Array(items));
    }
    let mut out = String::new();
    for c in rows {
        out.push_str(&format!("{:>5}  {:<24} {}\n", c.number, c.name, c.theme.name()));
    }
    for kind in ReceiverKind::ALL {
        out.push_str(&format!("\n{}\n", kind.class_name()));
        for (name, min, most, flags) in kind.rows() {
            let counts = match max(most) {
                Some(most) if most == min => format!("{min}"),
                Some(most) => format!("{min}-{most}"),
                None => format!("{min}+"),
            };
            let changes = if flags & CHANGES_RECEIVER != 0 { "  changes its receiver" } else { "" };
            let noun = if counts == "1" { "argument" } else { "arguments" };
            out.push_str(&format!("  .{name}()  {counts} {noun}{changes}\n"));
        }
    }
    out
}

/// 4D's constants as text (name, value, theme, token; "not supported" for
/// a constant without a value) or JSON (one object a constant: name, theme,
/// token `[theme, index]` or null, type, value or null, source), in the
/// order of the data file.
pub fn constants_listing(json: bool) -> String {
    use crate::commands::constants::{CONSTANTS, ConstValue};
    let value_json = |value: Option<ConstValue>| match value {
        Some(ConstValue::Number(n)) => serde_json::json!(n),
        Some(ConstValue::Text(t)) => serde_json::json!(t),
        None => serde_json::Value::Null,
    };
    if json {
        let items: Vec<serde_json::Value> = CONSTANTS
            .iter()
            .map(|c| {
                serde_json::json!({
                    "name": c.name,
                    "theme": c.theme,
                    "token": c.token.map(|(theme, index)| [theme, index]),
                    "type": c.kind,
                    "value": value_json(c.value),
                    "source": c.source,
                })
            })
            .collect();
        return format!("{}\n", serde_json::Value::Array(items));
    }
    let mut out = String::new();
    for c in CONSTANTS.iter() {
        let value = match c.value {
            Some(ConstValue::Number(n)) => crate::runtime::format::json_number(n),
            Some(ConstValue::Text(t)) => format!("{t:?}"),
            None => "(not supported)".to_string(),
        };
        let token = c.token.map(|(theme, index)| format!(":K{theme}:{index}")).unwrap_or_default();
        out.push_str(&format!("{:<40} {:<16} {}{}\n", c.name, value, c.theme, token));
    }
    out
}

/// A bar on standard error while long work goes on (files checked, tests
/// run), with how many went wrong so far: only on a terminal, so that pipes
/// and CI logs get nothing of it.
pub struct Progress {
    bar: indicatif::ProgressBar,
    bad: std::sync::atomic::AtomicUsize,
    /// What went wrong, counted: "errors", "failed".
    what: &'static str,
}

impl Progress {
    /// A bar for `total` things, when there are at least `from` and standard
    /// error is a terminal: "`verb` [bar] pos/total `unit`, N `what`".
    pub fn on_terminal(total: usize, from: usize, verb: &str, unit: &str, what: &'static str) -> Option<Progress> {
        if total < from || !std::io::stderr().is_terminal() {
            return None;
        }
        let bar = indicatif::ProgressBar::new(total as u64);
        let style =
            indicatif::ProgressStyle::with_template(&format!("{verb} {{bar:30}} {{pos}}/{{len}} {unit}, {{msg}}"))
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
        bar.set_style(style);
        bar.set_message(format!("0 {what}"));
        Some(Progress { bar, bad: std::sync::atomic::AtomicUsize::new(0), what })
    }

    /// One more thing done, with `bad` more things gone wrong.
    pub fn advance(&self, bad: usize) {
        if bad > 0 {
            let total = self.bad.fetch_add(bad, std::sync::atomic::Ordering::Relaxed) + bad;
            self.bar.set_message(format!("{total} {}", self.what));
        }
        self.bar.inc(1);
    }

    /// Takes the bar off the terminal.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
