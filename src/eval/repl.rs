//! The REPL core, without a terminal: lines in, output out.
//!
//! A [`ReplState`] keeps one main process alive from one entry to the next: its
//! locals (each entry is resolved as a method whose first locals are those of
//! the earlier entries, in the same slots), its process variables, its error
//! handler, the run's loaded methods and the processes it started. Lines are
//! gathered until the entry is complete ([`incomplete`]); an entry that ends
//! with an expression prints its value ([`show`]); errors are rendered as
//! diagnostics pointing into the entry, and the session goes on. Lines that
//! start with `:` are meta-commands (`:help`, `:load FILE`, `:vars`,
//! `:methods`, `:clear`, `:quit`).
//!
//! `cli::repl` puts a terminal (rustyline) in front of it; the golden tests
//! under `tests/golden/repl/` feed it transcripts.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use crate::commands::Output;
use crate::diag::{Diagnostic, RenderOptions, render};
use crate::names::normalize;
use crate::runtime::error::{ErrorState, codes};
use crate::runtime::format;
use crate::runtime::value::Value;
use crate::syntax::ast;

use super::control::{Control, Methods, ProcessEntry, process_id};
use super::exec;
use super::processes::{MainProcess, run_processes};
use super::program::{ExprKind, LocalInfo, MethodCode, ResultKind, Stmt};
use super::run::Run;

/// The name entries go by in messages (`entry:1:5`, "in `entry`, line 1").
const ENTRY: &str = "entry";

/// The control keywords of 4D, as the REPL completes them.
pub const KEYWORDS: &[&str] = &[
    "If",
    "Else",
    "End if",
    "Case of",
    "End case",
    "For",
    "End for",
    "For each",
    "End for each",
    "While",
    "End while",
    "Repeat",
    "Until",
    "Use",
    "End use",
    "Try",
    "Catch",
    "End try",
    "Begin SQL",
    "End SQL",
    "var",
    "return",
    "break",
    "continue",
    "This",
    "Null",
    "Function",
    "Class constructor",
    "property",
    "#DECLARE",
];

/// What `:help` prints.
pub const HELP: &str = "\
Type 4D code: an entry that ends with an expression prints its value.
A block (If, For, While, Case of, Use, Try...), a string or a bracket left
open, or a line ending with `\\`, asks for more with `...> `.
Locals, process variables, loaded methods and started processes live on.

:help          this text
:load FILE     load (or reload) FILE as a project method named after it
:vars          the variables and their values
:methods       the project's methods
:sessions      the sessions of the run and their processes
:clear         forget the local and process variables
:quit          leave (Ctrl-D too); Ctrl-C stops a running entry
";

/// Whether an entry needs more lines: a control block, a string, a comment
/// or a bracket is still open, or the last line ends with `\`.
pub fn incomplete(text: &str) -> bool {
    scan(text).incomplete
}

/// The entry as 4D reads it: a line that ends inside brackets goes on over
/// the next, as if it ended with `\` (4D statements are one line each).
pub fn joined(text: &str) -> String {
    let open = scan(text).open_lines;
    if open.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + open.len() * 2);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        // A `//` comment is left out: a `\` after it would make it go on
        // over the next line, and one before it would not be a continuation.
        match open.iter().find(|(number, _)| *number == i) {
            Some(&(_, at)) => {
                out.push_str(line[..at].trim_end());
                out.push_str(" \\");
            }
            None => out.push_str(line),
        }
    }
    out
}

/// What [`scan`] finds in an entry.
struct Scan {
    incomplete: bool,
    /// The lines (from 0) that end inside brackets, outside strings and
    /// comments, with where their code ends (a `//` comment may follow).
    open_lines: Vec<(usize, usize)>,
}

/// Reads an entry for its open blocks, brackets, strings and comments.
fn scan(text: &str) -> Scan {
    let mut open_lines = Vec::new();
    let mut blocks = 0i32;
    let mut brackets = 0i32;
    let mut in_string = false;
    let mut comments = 0u32;
    let mut line_comment_goes_on = false;
    let mut continued = false;
    let mut sql = false;
    for (number, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let starts_statement = !continued && !in_string && comments == 0 && !line_comment_goes_on;
        if sql {
            if words(line) == "end sql" {
                sql = false;
                blocks -= 1;
            }
            continue;
        }
        if line_comment_goes_on {
            line_comment_goes_on = line.ends_with('\\');
            continue;
        }
        // The line's code, strings and comments left out.
        let mut code = String::new();
        let mut code_end = line.len();
        let mut chars = line.char_indices().map(|(at, c)| (c, at)).peekable();
        while let Some((c, at)) = chars.next() {
            let next = chars.peek().map(|&(c, _)| c);
            if comments > 0 {
                match (c, next) {
                    ('*', Some('/')) => {
                        chars.next();
                        comments -= 1;
                    }
                    ('/', Some('*')) => {
                        chars.next();
                        comments += 1;
                    }
                    _ => {}
                }
                continue;
            }
            if in_string {
                match c {
                    '\\' => {
                        chars.next();
                    }
                    '"' => in_string = false,
                    _ => {}
                }
                continue;
            }
            match (c, next) {
                ('"', _) => {
                    in_string = true;
                    code.push(' ');
                }
                ('/', Some('/')) => {
                    line_comment_goes_on = line.ends_with('\\');
                    code_end = at;
                    break;
                }
                ('/', Some('*')) => {
                    chars.next();
                    comments += 1;
                    code.push(' ');
                }
                ('(' | '[' | '{', _) => {
                    brackets += 1;
                    code.push(c);
                }
                (')' | ']' | '}', _) => {
                    brackets -= 1;
                    code.push(c);
                }
                _ => code.push(c),
            }
        }
        if starts_statement {
            let change = block_change(&code);
            if change == BlockChange::Sql {
                sql = true;
                blocks += 1;
            } else {
                blocks += change as i32;
            }
        }
        continued = !in_string && comments == 0 && code.trim_end_matches([' ', '\t']).ends_with('\\');
        if brackets > 0 && !continued && !in_string && comments == 0 {
            open_lines.push((number, code_end));
        }
    }
    let incomplete =
        blocks > 0 || sql || brackets > 0 || in_string || comments > 0 || continued || line_comment_goes_on;
    Scan { incomplete, open_lines }
}

/// How a statement changes the nesting of control blocks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum BlockChange {
    Closes = -1,
    Nothing = 0,
    Opens = 1,
    /// `Begin SQL`: opens, and the lines up to `End SQL` are not 4D.
    Sql = 2,
}

/// The words of a line, lower case, one space between them.
fn words(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Whether the statement `code` (its strings and comments left out) opens or
/// closes a control block.
fn block_change(code: &str) -> BlockChange {
    let text = code.trim_start();
    let lower = words(text);
    // `keyword` at the start, followed by the end, a space or a bracket.
    let starts = |keyword: &str| {
        lower.strip_prefix(keyword).is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '(', '[']))
    };
    const CLOSERS: &[&str] =
        &["end if", "end for each", "end for", "end while", "end case", "end use", "end try", "until"];
    if CLOSERS.iter().any(|k| starts(k)) {
        return BlockChange::Closes;
    }
    if starts("begin sql") {
        return BlockChange::Sql;
    }
    if ["if", "for each", "for", "while", "repeat", "case of"].iter().any(|k| starts(k)) {
        return BlockChange::Opens;
    }
    // `Try` alone opens a block; `Try(expr)` is an expression.
    if lower == "try" {
        return BlockChange::Opens;
    }
    // `USE SET(...)`: a classic command when written in capitals before a word.
    if starts("use") {
        let after = text[3..].trim_start();
        let command = text.starts_with("USE") && after.starts_with(|c: char| c.is_alphabetic());
        if !command {
            return BlockChange::Opens;
        }
    }
    BlockChange::Nothing
}

/// How the REPL shows the value of an expression: text in double quotes,
/// objects and collections as JSON, other values as `String` shows them
/// (undefined as `undefined`).
pub fn show(value: &Value) -> String {
    match value {
        Value::Undefined => String::from("undefined"),
        Value::Text(t) => crate::runtime::format::text_literal(t.as_str()),
        Value::Object(o) if o.borrow().code.is_some() => String::from("[object Formula]"),
        Value::Object(_) | Value::Collection(_) | Value::SharedObject(_) | Value::SharedCollection(_) => {
            format::try_json(value, false).unwrap_or_else(|| String::from("(an object that contains itself)"))
        }
        other => format::string_of(other),
    }
}

impl Run {
    /// The run of a REPL in `folder`: the 4D project there (a folder holding
    /// `Project/Sources/`), else the `.4dm` files of the folder as methods.
    /// Files are named in messages as if `folder` were `display`.
    pub fn for_folder(folder: &Path, display: &Path) -> Run {
        if folder.join("Project").join("Sources").is_dir() {
            let mut run = Run::for_project(folder);
            run.display_base = display.to_path_buf();
            return run;
        }
        Run::new(folder, folder.to_path_buf(), display.to_path_buf())
    }

    /// The names of the project's methods, sorted (any case).
    pub fn method_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .files
            .iter()
            .filter(|(key, _)| !super::run::is_database_key(key))
            .map(|(_, (name, _))| name.clone())
            .collect();
        names.sort_by_key(|n| n.to_lowercase());
        names
    }

    /// `:load FILE`: makes `path` the method named after its file, read again
    /// at its next call; its syntax and names are checked now.
    fn load_file(&mut self, path: &Path) -> Result<String, Vec<Diagnostic>> {
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let key = normalize(&stem);
        self.files.insert(key.clone(), (stem.clone(), path.to_path_buf()));
        let index = super::resolve::Names::method(self, &key).unwrap_or_default();
        if let Some(slot) = self.methods.get_mut(index) {
            slot.path = path.to_path_buf();
            slot.code = None;
        }
        let before = self.diagnostics.len();
        match self.code(index) {
            Ok(_) => Ok(stem),
            Err(error) => {
                let mut diags = self.diagnostics.split_off(before);
                if diags.is_empty() {
                    diags.push(Diagnostic::error(
                        &error.code().to_string(),
                        error.0.message.clone(),
                        Default::default(),
                    ));
                }
                Err(diags)
            }
        }
    }
}

/// What the REPL did with a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fed {
    /// The entry is not complete: ask for more (`...> `).
    More,
    /// The entry ran (or there was nothing to run): ask for the next one.
    Done,
    /// `:quit`.
    Quit,
}

/// Stops the entry running in a session from another thread (Ctrl-C).
#[derive(Clone)]
pub struct Interrupter {
    entry: Arc<ProcessEntry>,
    flag: Arc<AtomicBool>,
}

impl Interrupter {
    /// The running entry stops at its next loop turn or call.
    pub fn interrupt(&self) {
        self.flag.store(true, Ordering::Relaxed);
        self.entry.interrupt();
    }
}

/// What completion knows of a session between entries: names, and the
/// properties of the objects that variables hold.
#[derive(Clone, Debug, Default)]
pub struct Known {
    /// Local variables, with their `$`.
    pub locals: Vec<String>,
    pub process_vars: Vec<String>,
    pub methods: Vec<String>,
    /// The property names of the object at each path (`$o`, `$o.a`; the
    /// variable's name in lower case), or the member functions of a collection.
    pub members: BTreeMap<String, Vec<String>>,
}

/// How deep, and how many, object paths [`Known::members`] holds.
const MEMBER_DEPTH: usize = 4;
const MEMBER_PATHS: usize = 2_000;

/// The output every process of a session writes to: whether the last text
/// written ended its line, so that a value is never printed after a piece
/// of line.
struct Tracked<'o> {
    inner: &'o mut (dyn Output + Send),
    at_line_start: Arc<AtomicBool>,
}

impl Output for Tracked<'_> {
    fn stdout(&mut self, text: &str) {
        if let Some(c) = text.chars().last() {
            self.at_line_start.store(c == '\n', Ordering::Relaxed);
        }
        self.inner.stdout(text);
    }

    fn stderr(&mut self, text: &str) {
        if let Some(c) = text.chars().last() {
            self.at_line_start.store(c == '\n', Ordering::Relaxed);
        }
        self.inner.stderr(text);
    }
}

/// The REPL's state (never a 4D session): the main process waiting for entries.
pub struct ReplState<'scope, 'env, 'o> {
    main: MainProcess<'scope, 'env, 'o>,
    at_line_start: Arc<AtomicBool>,
    process_vars: Vec<Value>,
    /// The locals of the entries so far, and what resolution knows of them.
    locals: Vec<Value>,
    local_infos: Vec<LocalInfo>,
    errors: ErrorState,
    /// The main process's asynchronous objects (`4D.SystemWorker`...), kept between entries.
    async_objects: exec::AsyncObjects,
    serial: u64,
    /// The lines of the entry being typed.
    pending: String,
    /// Process variables as the entries spelled them, by normalised name.
    spellings: std::collections::HashMap<String, String>,
    render: RenderOptions,
    interrupted: Arc<AtomicBool>,
    /// Whether an entry failed (for the exit status of a piped session).
    pub failed: bool,
}

/// Runs a REPL session over `run`, writing to `out`: `body` feeds it lines.
/// When `body` returns, the session ends as a run does: the main process
/// handles its messages until the processes it started have ended (with
/// `abort_others`, they are aborted first), then the workers end.
pub fn run_repl<T>(
    run: &mut Run,
    out: &mut (dyn Output + Send),
    render_options: RenderOptions,
    abort_others: bool,
    body: impl FnOnce(&mut ReplState<'_, '_, '_>) -> T,
) -> T {
    // A roles.json that cannot be used is reported; the REPL goes on
    // without privileges (none is declared), as a project with no roles.json.
    if let Err(diag) = run.load_roles() {
        out.stderr(&render(&diag, &run.sources, render_options));
    }
    let at_line_start = Arc::new(AtomicBool::new(true));
    let mut tracked = Tracked { inner: out, at_line_start: Arc::clone(&at_line_start) };
    run_processes(run, &mut tracked, |main| {
        let mut repl = ReplState {
            main,
            at_line_start,
            process_vars: Vec::new(),
            locals: Vec::new(),
            local_infos: Vec::new(),
            errors: ErrorState::default(),
            async_objects: exec::AsyncObjects::default(),
            serial: 0,
            pending: String::new(),
            spellings: std::collections::HashMap::new(),
            render: render_options,
            interrupted: Arc::new(AtomicBool::new(false)),
            failed: false,
        };
        let result = body(&mut repl);
        repl.end(abort_others);
        result
    })
}

impl ReplState<'_, '_, '_> {
    /// Something that stops the running entry from another thread.
    pub fn interrupter(&self) -> Interrupter {
        Interrupter { entry: Arc::clone(&self.main.entry), flag: Arc::clone(&self.interrupted) }
    }

    /// Whether lines of an incomplete entry are waiting for more.
    pub fn pending(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Drops the lines of an incomplete entry.
    pub fn cancel(&mut self) {
        self.pending.clear();
    }

    /// Takes one line as typed: a meta-command, or a line of an entry, which
    /// runs once complete.
    pub fn line(&mut self, line: &str) -> Fed {
        if self.pending.is_empty() {
            let trimmed = line.trim();
            if trimmed.is_empty() {
                self.messages();
                return Fed::Done;
            }
            if trimmed.starts_with(':') {
                return self.meta(trimmed);
            }
        }
        self.pending.push_str(line);
        self.pending.push('\n');
        if incomplete(&self.pending) {
            return Fed::More;
        }
        let entry = std::mem::take(&mut self.pending);
        self.entry(&entry)
    }

    /// Runs the lines of an incomplete entry as they are (at the end of the
    /// input: the errors say what is missing).
    pub fn finish_pending(&mut self) -> Fed {
        let entry = std::mem::take(&mut self.pending);
        self.entry(&entry)
    }

    /// Runs a complete entry (several lines at once, as a terminal gives a
    /// pasted or recalled entry), or a meta-command.
    pub fn entry(&mut self, text: &str) -> Fed {
        self.pending.clear();
        let trimmed = text.trim();
        if trimmed.starts_with(':') && !trimmed.contains('\n') {
            return self.meta(trimmed);
        }
        if !trimmed.is_empty() {
            self.run_entry(&joined(text.trim_end()));
            if self.main.control.quitting() {
                return Fed::Quit;
            }
        }
        self.messages();
        Fed::Done
    }

    /// The messages the main process was sent (`CALL WORKER(1; ...)`), and the
    /// errors other processes reported meanwhile.
    pub fn messages(&mut self) {
        while let Some(message) = self.main.control.main_message(Instant::now()) {
            self.main.entry.clear_abort();
            let mut process = exec::Process::new(&mut self.main.methods, &mut self.process_vars, &mut self.main.out);
            process.attach(&self.main.control, Arc::clone(&self.main.entry));
            process.errors = std::mem::take(&mut self.errors);
            process.async_objects = std::mem::take(&mut self.async_objects);
            process.run_message(message);
            self.errors = std::mem::take(&mut process.errors);
            self.async_objects = std::mem::take(&mut process.async_objects);
            drop(process);
            self.main.control.message_done();
        }
        self.main.out.flush();
        self.report();
    }

    /// What completion needs to know now.
    pub fn known(&self) -> Known {
        let mut known = Known {
            locals: self.local_infos.iter().map(|l| l.name.clone()).collect(),
            methods: self.main.control.world.with_run(|run| run.method_names()),
            ..Known::default()
        };
        for (info, value) in self.local_infos.iter().zip(&self.locals) {
            members(&normalize(&info.name), value, 0, &mut known.members);
        }
        let names = self.process_var_names();
        for (slot, name) in names.into_iter().enumerate() {
            if let Some(value) = self.process_vars.get(slot).filter(|v| !matches!(v, Value::Undefined)) {
                members(&name, value, 0, &mut known.members);
                known.process_vars.push(name);
            }
        }
        known
    }

    /// The names of the process variables by slot, as the entries spelled them.
    fn process_var_names(&self) -> Vec<String> {
        let names = self.main.control.world.with_run(|run| run.process_var_names.clone());
        names.into_iter().map(|n| self.spellings.get(&n).cloned().unwrap_or(n)).collect()
    }

    /// Writes text to the session's standard output.
    fn say(&mut self, text: &str) {
        self.main.out.stdout(text);
        self.main.out.flush();
    }

    /// Writes text to the session's standard error.
    fn complain(&mut self, text: &str) {
        self.main.out.stderr(text);
        self.main.out.flush();
    }

    /// Ends a piece of line left by the entry's output.
    fn end_line(&mut self) {
        self.main.out.flush();
        if !self.at_line_start.load(Ordering::Relaxed) {
            self.say("\n");
        }
    }

    fn render(&self, diags: &[Diagnostic]) -> String {
        self.main.control.world.with_run(|run| diags.iter().map(|d| render(d, &run.sources, self.render)).collect())
    }

    /// Renders the errors the run collected since the last time (methods that
    /// did not load, uncaught errors of other processes).
    fn report(&mut self) {
        let diags: Vec<Diagnostic> = self.main.control.world.with_run(|run| std::mem::take(&mut run.diagnostics));
        let errors: Vec<Diagnostic> = diags.into_iter().filter(Diagnostic::is_error).collect();
        if !errors.is_empty() {
            self.failed = true;
            self.end_line();
            let text = self.render(&errors);
            self.complain(&text);
        }
    }

    /// Parses, resolves and runs one entry; prints its value or its error.
    fn run_entry(&mut self, text: &str) {
        let Some((code, shows)) = self.compile(text) else {
            self.failed = true;
            return;
        };
        self.main.entry.clear_abort();
        self.interrupted.store(false, Ordering::Relaxed);
        let outcome = {
            let mut process = exec::Process::new(&mut self.main.methods, &mut self.process_vars, &mut self.main.out);
            process.attach(&self.main.control, Arc::clone(&self.main.entry));
            process.errors = std::mem::take(&mut self.errors);
            process.async_objects = std::mem::take(&mut self.async_objects);
            let outcome = process.run_entry(&code, &mut self.locals, &mut self.serial);
            self.errors = std::mem::take(&mut process.errors);
            self.async_objects = std::mem::take(&mut process.async_objects);
            outcome
        };
        self.local_infos.clone_from(&code.locals);
        self.main.entry.clear_abort();
        self.end_line();
        // Locks an error left taken are let go of.
        crate::runtime::locks::release_all(process_id(self.main.entry.number));
        match outcome {
            Ok(value) => {
                if let Some(is_call) = shows
                    && !(is_call && matches!(value, Value::Undefined))
                {
                    let shown = show(&value);
                    self.say(&format!("{shown}\n"));
                }
                value.discard();
            }
            // `QUIT 4D` ends the session, quietly.
            Err(error) if error.code() == codes::ABORTED && self.main.control.quitting() => {}
            Err(error) if error.code() == codes::ABORTED => {
                self.failed = true;
                let what = if self.interrupted.swap(false, Ordering::Relaxed) {
                    String::from("interrupted\n")
                } else {
                    format!("{}\n", error.0.message)
                };
                self.complain(&what);
            }
            Err(error) => {
                self.failed = true;
                let diag = self.main.control.world.with_run(|run| run.runtime_diagnostic(&error, ENTRY));
                let text = self.render(&[diag]);
                self.complain(&text);
            }
        }
    }

    /// The code of an entry, and whether it ends with an expression to show
    /// (and whether that expression is a call, whose undefined result is not
    /// shown); `None` after reporting its errors.
    fn compile(&mut self, text: &str) -> Option<(Arc<MethodCode>, Option<bool>)> {
        let mut known = self.local_infos.clone();
        let mut spellings = Vec::new();
        let result = self.main.control.world.with_run(|run| {
            let id = run.sources.add(ENTRY, text);
            let (method, diags) = crate::syntax::parse(id, text);
            if diags.iter().any(Diagnostic::is_error) {
                return Err(diags);
            }
            // `var $x : T` of a local of an earlier entry gives it the new type.
            for stmt in &method.body.stmts {
                if let ast::StmtKind::Var(decl) = &stmt.kind
                    && decl.ty.is_some()
                {
                    for name in &decl.names {
                        if let ast::ExprKind::Local(n) = &name.kind
                            && let Some(info) = known.iter_mut().find(|l| normalize(&l.name[1..]) == normalize(n))
                        {
                            info.ty = super::program::VarType::Variant;
                            info.declared = false;
                        }
                    }
                }
            }
            // Process variables are shown as the entry spells them.
            for name in super::resolve::assigned_names(&method) {
                let spelt = text
                    .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .find(|word| normalize(word) == name && !word.starts_with('$'));
                if let Some(spelt) = spelt {
                    spellings.push((name, spelt.to_string()));
                }
            }
            let (code, diags) = super::resolve::resolve_entry(ENTRY, &method, run, &known);
            if diags.iter().any(Diagnostic::is_error) {
                return Err(diags);
            }
            Ok(code)
        });
        self.spellings.extend(spellings);
        let mut code = match result {
            Ok(code) => code,
            Err(diags) => {
                let errors: Vec<Diagnostic> = diags.into_iter().filter(Diagnostic::is_error).collect();
                let text = self.render(&errors);
                self.complain(&text);
                return None;
            }
        };
        code.result = ResultKind::Legacy(None);
        let mut shows = None;
        if let Some(Stmt::Expr(_)) = code.body.last()
            && let Some(Stmt::Expr(expr)) = code.body.pop()
        {
            let is_call = matches!(
                expr.kind,
                ExprKind::Command { .. }
                    | ExprKind::MethodCall { .. }
                    | ExprKind::CallValue { .. }
                    | ExprKind::MemberCall { .. }
                    | ExprKind::ForwardCall { .. }
                    | ExprKind::NewObject { .. }
            );
            shows = Some(is_call);
            let span = expr.span;
            code.body.push(Stmt::Return { value: Some(expr), span });
        }
        Some((Arc::new(code), shows))
    }

    /// Runs a meta-command.
    fn meta(&mut self, line: &str) -> Fed {
        let (command, argument) = match line.split_once(char::is_whitespace) {
            Some((command, argument)) => (command, argument.trim()),
            None => (line, ""),
        };
        match command {
            ":quit" | ":q" | ":exit" => return Fed::Quit,
            ":help" | ":h" | ":?" => self.say(HELP),
            ":vars" => {
                let text = self.vars();
                self.say(&text);
            }
            ":methods" => {
                let names = self.main.control.world.with_run(|run| run.method_names());
                let text: String = names.iter().map(|n| format!("{n}\n")).collect();
                self.say(if text.is_empty() { "(no methods)\n" } else { &text });
            }
            ":sessions" => {
                let text = self.sessions();
                self.say(&text);
            }
            ":clear" => {
                for value in self.locals.drain(..) {
                    value.discard();
                }
                self.local_infos.clear();
                self.process_vars.clear();
                self.say("the local and process variables are forgotten\n");
            }
            ":load" if !argument.is_empty() => self.load(Path::new(argument)),
            ":load" => self.complain(":load needs a method file: `:load path/to/Method.4dm`\n"),
            _ => {
                let message = format!("unknown meta-command `{command}`: `:help` lists them\n");
                self.complain(&message);
            }
        }
        self.messages();
        Fed::Done
    }

    /// `:sessions`: each session of the run (id, type, user) and the
    /// processes running in it.
    fn sessions(&self) -> String {
        let world = self.main.control.world;
        let running = world.table.running();
        let mut text = String::new();
        for session in world.sessions.sessions() {
            let processes: Vec<String> = running
                .iter()
                .filter(|p| Arc::ptr_eq(&p.session(), &session))
                .map(|p| format!("{} {}", p.number, p.name))
                .collect();
            text.push_str(&format!(
                "{} {} {}: {}\n",
                session.id.as_str(),
                session.kind.name(),
                session.user_name(),
                if processes.is_empty() { String::from("no process") } else { processes.join(", ") }
            ));
        }
        text
    }

    /// `:vars`: each local, then each process variable that has a value.
    fn vars(&self) -> String {
        let mut text = String::new();
        for (info, value) in self.local_infos.iter().zip(&self.locals) {
            text.push_str(&format!("{} = {}\n", info.name, show(value)));
        }
        for (slot, name) in self.process_var_names().into_iter().enumerate() {
            // 4D's system variables are every process's: not the session's own.
            if super::system_variables::is_system_variable(&name) {
                continue;
            }
            if let Some(value) = self.process_vars.get(slot).filter(|v| !matches!(v, Value::Undefined)) {
                text.push_str(&format!("{name} = {}\n", show(value)));
            }
        }
        if text.is_empty() {
            text.push_str("(no variables)\n");
        }
        text
    }

    /// `:load FILE`.
    fn load(&mut self, path: &Path) {
        if !path.is_file() {
            self.failed = true;
            self.complain(&format!("no such method file: {}\n", path.display()));
            return;
        }
        let path = PathBuf::from(path);
        match self.main.control.world.with_run(|run| run.load_file(&path)) {
            Ok(name) => self.say(&format!("loaded `{name}`\n")),
            Err(diags) => {
                self.failed = true;
                let errors: Vec<Diagnostic> = diags.into_iter().filter(Diagnostic::is_error).collect();
                let text = self.render(&errors);
                self.complain(&text);
            }
        }
    }

    /// The end of the session: handles the main process's messages until
    /// the other processes have ended, then ends the workers.
    fn end(&mut self, abort_others: bool) {
        if abort_others {
            let mut number = 2;
            while self.main.control.table().get(number).is_some() {
                self.main.control.abort(number);
                number += 1;
            }
        }
        self.main.entry.clear_abort();
        let mut process = exec::Process::new(&mut self.main.methods, &mut self.process_vars, &mut self.main.out);
        process.attach(&self.main.control, Arc::clone(&self.main.entry));
        process.errors = std::mem::take(&mut self.errors);
        process.async_objects = std::mem::take(&mut self.async_objects);
        self.main.control.finish(&mut process);
        drop(process);
        self.main.out.flush();
        self.report();
        for value in self.locals.drain(..) {
            value.discard();
        }
    }
}

/// Output gathered in one text, standard output and error alike, in order.
#[derive(Clone, Default)]
pub struct Gathered(Arc<parking_lot::Mutex<String>>);

impl Gathered {
    pub fn push(&self, text: &str) {
        self.0.lock().push_str(text);
    }

    pub fn take(&self) -> String {
        std::mem::take(&mut *self.0.lock())
    }
}

impl Output for Gathered {
    fn stdout(&mut self, text: &str) {
        self.push(text);
    }

    fn stderr(&mut self, text: &str) {
        self.push(text);
    }
}

/// Feeds `input` to a new session of `run` one line at a time, as if typed
/// at the prompts; returns the transcript: each line after its prompt
/// (`4D> `, or `...> ` inside an entry), then what it printed. Diagnostics
/// are plain. The session ends at `:quit` or at the end of the input.
pub fn transcript(run: &mut Run, input: &str) -> String {
    let gathered = Gathered::default();
    let mut sink = gathered.clone();
    run_repl(run, &mut sink, RenderOptions::plain(), false, |repl| {
        for line in input.lines() {
            let prompt = if repl.pending() { "...> " } else { "4D> " };
            gathered.push(&format!("{prompt}{line}\n"));
            if repl.line(line) == Fed::Quit {
                return;
            }
        }
        repl.finish_pending();
    });
    gathered.take()
}

/// Adds the member names of `value` at `path`, and those of the objects it holds.
fn members(path: &str, value: &Value, depth: usize, out: &mut BTreeMap<String, Vec<String>>) {
    if depth >= MEMBER_DEPTH || out.len() >= MEMBER_PATHS {
        return;
    }
    match value {
        Value::Object(o) => {
            let o = o.borrow();
            out.insert(path.to_string(), o.props.keys().map(|k| k.to_string()).collect());
            for (k, v) in &o.props {
                members(&format!("{path}.{k}"), v, depth + 1, out);
            }
        }
        Value::SharedObject(o) => {
            let entries = o.entries();
            out.insert(path.to_string(), entries.iter().map(|(k, _)| k.clone()).collect());
            for (k, v) in &entries {
                members(&format!("{path}.{k}"), v, depth + 1, out);
            }
        }
        Value::Collection(_) | Value::SharedCollection(_) => {
            let functions =
                crate::commands::collections::FUNCTIONS.iter().map(|f| format!("{}(", f.name)).collect::<Vec<_>>();
            let mut names = vec![String::from("length")];
            names.extend(functions);
            out.insert(path.to_string(), names);
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests;
