//! A run: the methods and classes of one project, loaded, parsed and
//! resolved when first used (as in interpreted 4D), the process variables'
//! names, the sources and the diagnostics; running methods in a main process.
//!
//! `fourd run FILE` finds the project (the nearest ancestor folder holding
//! `Project/Sources/`, or the file's own folder for a loose file), runs FILE as
//! a method in a main process, and reports syntax and runtime errors as
//! diagnostics.

use rustc_hash::FxHashMap as HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::commands::Output;
use crate::diag::{Diagnostic, SourceMap};
use crate::names::normalize;
use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::value::Value;
use crate::session::Roles;

use super::arguments::command_line_args;
use super::components::HOST;
use super::program::{self, MethodCode};
use super::system_variables::{DOCUMENT_VARIABLE, OK_VARIABLE, SYSTEM_NUMBERS, is_system_variable};
use super::{control, exec, processes, resolve};

/// One method of the project: where it is and, once called, its code.
pub(super) struct MethodSlot {
    pub(super) name: String,
    pub(super) path: PathBuf,
    pub(super) code: Option<Arc<MethodCode>>,
    /// The host's (`components::HOST`) or a component's (its number).
    pub(super) context: u16,
}

/// One user class of the project: where it is and, once used, its code.
pub(super) struct ClassSlot {
    pub(super) name: String,
    pub(super) path: PathBuf,
    pub(super) code: Option<Arc<program::ClassCode>>,
    /// The host's or a component's.
    pub(super) context: u16,
}

/// The methods and process variables of one run.
pub struct Run {
    pub sources: SourceMap,
    /// Method files of the project by normalised name, not yet loaded.
    pub(super) files: HashMap<String, (String, PathBuf)>,
    pub(super) methods: Vec<MethodSlot>,
    pub(super) method_index: HashMap<String, usize>,
    pub(super) process_var_index: HashMap<String, usize>,
    pub(super) process_var_names: Vec<String>,
    /// Class files of the project by class name (case-sensitive), not yet loaded.
    pub(super) class_files: HashMap<String, PathBuf>,
    pub(super) classes: Vec<ClassSlot>,
    pub(super) class_index: HashMap<String, usize>,
    /// Diagnostics of the methods loaded so far.
    pub diagnostics: Vec<Diagnostic>,
    /// The main file's folder, and the folder to show in its place in messages.
    pub(super) base: PathBuf,
    pub(super) display_base: PathBuf,
    /// The `--user-param` value.
    pub user_param: String,
    /// How to render the uncaught errors of processes other than the main
    /// one, written as they happen (`fourd run`); `None` keeps them among the
    /// diagnostics, for whoever runs the run to show.
    pub show_at_once: Option<crate::diag::RenderOptions>,
    /// How many errors were written as they happened.
    pub(super) shown_errors: usize,
    /// Whether every method file has been read for the process variables it assigns.
    pub(super) prepassed: bool,
    /// The nearest known names to misspelt ones, for as many known names as
    /// the number says (see [`resolve::Names::nearest_known`]).
    suggestions: (usize, HashMap<String, Option<(usize, String)>>),
    /// How many times a name was looked for among the process variables in
    /// vain (see [`Run::resolve_if_settled`]).
    process_var_misses: usize,
    /// `Project/Sources` of a project (none for a folder of loose methods).
    project_sources: Option<PathBuf>,
    /// The project's folder (absolute): the one that holds `Project/Sources`,
    /// or the folder of loose methods.
    project_folder: PathBuf,
    /// How long the run may take: past it, every process of the run is
    /// aborted, as by `ABORT PROCESS BY ID` (for embedders and the fuzz
    /// target; `None`, the default, sets no limit).
    pub time_limit: Option<std::time::Duration>,
    /// Whether the run's code may reach files and folders (`File`, `Open
    /// document`...); true unless an embedder (the fuzz targets) says otherwise.
    pub files_allowed: bool,
    /// The options of the run's web server (`WEB SET OPTION`), which
    /// `fourd serve` fills from the project's settings.
    pub web_options: Arc<crate::commands::web_options::WebOptions>,
    /// The project's XLIFF strings and constants (`Resources/`).
    pub localization: Arc<crate::commands::localization::Localization>,
    /// Where the project's roles.json is (see [`Run::roles_path`]).
    roles_path: PathBuf,
    /// The project's roles.json once read (see [`Run::load_roles`]).
    roles: Option<LoadedRoles>,
    /// The project's components; component `k` is context `k + 1`.
    pub(super) components: Vec<super::components::Component>,
    /// The context whose code is being resolved (names are looked up in it).
    pub(super) context: u16,
    /// The slots of the numeric system variables, with their values.
    system_numbers: Vec<(usize, f64)>,
}

/// What reading a project's roles.json gave: its roles (`None` without the
/// file), or the diagnostic of a file that cannot be used.
type LoadedRoles = Result<Option<Arc<Roles>>, Box<Diagnostic>>;

/// What a run ended with.
pub struct Outcome {
    /// Whether the run failed (a syntax or an uncaught runtime error).
    pub failed: bool,
}

impl Run {
    /// A run whose methods are the `.4dm` files of `folder`; messages name
    /// files under `base` as if they were under `display_base`.
    pub(super) fn new(folder: &Path, base: PathBuf, display_base: PathBuf) -> Run {
        let project_sources = folder
            .parent()
            .filter(|sources| folder.ends_with("Methods") && sources.ends_with("Project/Sources"))
            .map(Path::to_path_buf);
        let project_folder = match &project_sources {
            Some(sources) => sources.parent().and_then(Path::parent).unwrap_or(folder).to_path_buf(),
            None => folder.to_path_buf(),
        };
        // Named as the user named the folder, for messages.
        let project_folder_for_components = project_folder.clone();
        let project_folder = std::path::absolute(&project_folder).unwrap_or(project_folder);
        let application = project_folder.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        // Named as the user named the folder, for messages.
        let roles_path = project_sources.as_deref().unwrap_or(folder).join("roles.json");
        let roles_path = roles_path.strip_prefix(".").map(Path::to_path_buf).unwrap_or(roles_path);
        let localization = Arc::new(crate::commands::localization::Localization::new(&project_folder));
        let mut run = Run {
            localization,
            roles_path,
            project_folder,
            base,
            display_base,
            sources: SourceMap::new(),
            files: HashMap::default(),
            methods: Vec::new(),
            method_index: HashMap::default(),
            process_var_index: HashMap::default(),
            process_var_names: Vec::new(),
            class_files: HashMap::default(),
            classes: Vec::new(),
            class_index: HashMap::default(),
            diagnostics: Vec::new(),
            user_param: String::new(),
            show_at_once: None,
            shown_errors: 0,
            prepassed: false,
            suggestions: (0, HashMap::default()),
            process_var_misses: 0,
            time_limit: None,
            files_allowed: true,
            web_options: Arc::new(crate::commands::web_options::WebOptions::new(&application)),
            components: super::components::find(&project_folder_for_components),
            context: super::components::HOST,
            system_numbers: Vec::new(),
            project_sources,
            roles: None,
        };
        // The system variable `OK`, which commands set (`CONVERT FROM TEXT`),
        // is a process variable every method knows.
        resolve::Names::process_var(&mut run, OK_VARIABLE, true);
        // So is `Document`, which the document commands set.
        resolve::Names::process_var(&mut run, DOCUMENT_VARIABLE, true);
        for (name, value) in SYSTEM_NUMBERS {
            if let Some(slot) = resolve::Names::process_var(&mut run, name, true) {
                run.system_numbers.push((slot, value));
            }
        }
        // A file of the current folder is named without `./`.
        let named = |folder: &Path| folder.strip_prefix(".").map(Path::to_path_buf).unwrap_or(folder.to_path_buf());
        let methods_folder = named(folder);
        if let Ok(entries) = std::fs::read_dir(folder) {
            for entry in entries.flatten() {
                let path = methods_folder.join(entry.file_name());
                if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("4dm"))
                    && let Some(stem) = path.file_stem().map(|s| s.to_string_lossy().into_owned())
                {
                    run.files.insert(normalize(&stem), (stem, path));
                }
            }
        }
        let classes = classes_folder(folder);
        let classes_named = named(&classes);
        if let Ok(entries) = std::fs::read_dir(&classes) {
            for entry in entries.flatten() {
                let path = classes_named.join(entry.file_name());
                if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("4dm"))
                    && let Some(stem) = path.file_stem().map(|s| s.to_string_lossy().into_owned())
                {
                    run.class_files.insert(stem, path);
                }
            }
        }
        run
    }

    /// A run of the project that `file` belongs to; messages name files
    /// relative to `display_file`'s folder, as the user named it.
    pub fn for_file(file: &Path, display_file: &Path) -> Run {
        let parent = |p: &Path| p.parent().map(Path::to_path_buf).unwrap_or_default();
        let methods = methods_folder(file);
        let mut run = Run::new(&methods, parent(file), parent(display_file));
        let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        run.files.insert(normalize(&stem), (stem, file.to_path_buf()));
        // In a project, `onStartup` is read too (not run) for the process
        // variables it assigns, as `fourd check` of the project reads it.
        if methods.ends_with("Project/Sources/Methods") {
            let startup = parent(&methods).join("DatabaseMethods").join("onStartup.4dm");
            if startup.is_file() {
                run.files.insert(String::from(STARTUP_KEY), (String::from("onStartup"), startup));
            }
            // `onExit` runs when the code calls `QUIT 4D`.
            let exit = parent(&methods).join("DatabaseMethods").join("onExit.4dm");
            if exit.is_file() {
                run.files.insert(String::from(EXIT_KEY), (String::from("onExit"), exit));
            }
        }
        run
    }

    /// A run of the 4D project in folder `root` (the folder holding `Project/`).
    pub fn for_project(root: &Path) -> Run {
        let sources = root.join("Project").join("Sources");
        let mut run = Run::new(&sources.join("Methods"), root.to_path_buf(), root.to_path_buf());
        for (stem, key) in DATABASE_METHODS {
            let file = sources.join("DatabaseMethods").join(format!("{stem}.4dm"));
            if file.is_file() {
                run.files.insert(String::from(key), (String::from(stem), file));
            }
        }
        run
    }

    /// Whether the project has a method with this name (any case).
    pub fn has_method(&self, name: &str) -> bool {
        self.files.contains_key(&normalize(name))
    }

    /// Whether the project has an `onStartup` database method.
    pub fn has_startup(&self) -> bool {
        self.files.contains_key(STARTUP_KEY)
    }

    /// Whether the project has the database method of key `key` (`EXIT_KEY`...).
    pub fn has_database_method(&self, key: &str) -> bool {
        self.files.contains_key(key)
    }

    /// The project's folder (the one holding `Project/`, or the folder of loose methods).
    pub fn folder(&self) -> &Path {
        &self.project_folder
    }

    /// Where the project's roles.json is: `Project/Sources/roles.json` of a 4D
    /// project, `roles.json` beside the methods of a folder of loose methods
    /// (which stands for `Project/Sources`, as its `Classes/` does).
    pub fn roles_path(&self) -> &Path {
        &self.roles_path
    }

    /// Reads the project's roles.json, the first time only (4D reads it when
    /// the project starts): its roles, `None` when the project has none, or
    /// the diagnostic of a file that cannot be used (malformed JSON, an
    /// undeclared privilege...), which points into the file. `fourd run` and
    /// the REPL call it before running anything; a server may too.
    pub fn load_roles(&mut self) -> Result<Option<Arc<Roles>>, Box<Diagnostic>> {
        if let Some(loaded) = &self.roles {
            return loaded.clone();
        }
        let path = self.roles_path.clone();
        let loaded = Roles::load_file(&path).map(|roles| roles.map(Arc::new)).map_err(|error| {
            let shown = self.shown_path(&path).display().to_string();
            let text = error.text.clone().unwrap_or_else(|| Arc::from(""));
            let source = self.sources.add(shown.clone(), text);
            let (start, end) = error.at.unwrap_or((0, 0));
            let diag = Diagnostic::error("roles.json", error.message, crate::diag::Span::new(source, start, end))
                .with_help("roles.json declares the project's privileges and roles; it is read when the run starts");
            Box::new(match error.at {
                Some(_) => diag.with_label("here"),
                None => diag,
            })
        });
        self.roles = Some(loaded.clone());
        loaded
    }

    /// The roles the run read (see [`Run::load_roles`]); `None` before they
    /// are read, or when the project has none or they cannot be used.
    pub fn roles(&self) -> Option<Arc<Roles>> {
        self.roles.as_ref().and_then(|loaded| loaded.as_ref().ok().cloned().flatten())
    }

    /// The privileges a call of the project method `name` is promoted to by
    /// roles.json; `None` for most methods.
    fn promotions_of(&self, name: &str) -> Option<Arc<[Box<str>]>> {
        let roles = self.roles()?;
        let privileges = roles.promotions_for_method(name);
        (!privileges.is_empty()).then(|| privileges.into_iter().map(Box::from).collect())
    }

    /// Runs `file` as a method with Text arguments; output goes to `out`.
    pub fn run_main(&mut self, file: &Path, args: &[String], out: &mut (dyn Output + Send)) -> Outcome {
        let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        self.run_methods(&[normalize(&stem)], args, out)
    }

    /// Runs methods one after the other in the main process (the project's
    /// `onStartup` is named `STARTUP_KEY`); the first gets `args`. Returns
    /// when every process the methods started has ended.
    pub fn run_methods(&mut self, keys: &[String], args: &[String], out: &mut (dyn Output + Send)) -> Outcome {
        // A roles.json that cannot be used stops the run before it starts.
        if let Err(diag) = self.load_roles() {
            self.diagnostics.push(*diag);
            return Outcome { failed: true };
        }
        let mut indexes = Vec::new();
        for key in keys {
            let Some(index) = resolve::Names::method(self, key) else {
                self.diagnostics.push(Diagnostic::error(
                    "usage",
                    format!("the project has no method named `{key}`"),
                    crate::diag::Span::default(),
                ));
                return Outcome { failed: true };
            };
            indexes.push(index);
        }
        let errors_before = self.diagnostics.iter().filter(|d| d.is_error()).count() + self.shown_errors;
        let failed = processes::run_processes(self, out, |mut main| {
            let mut process_vars = Vec::new();
            let mut failed = false;
            // One process for every method: its process variables, classes
            // and singletons live on from one to the next.
            let mut process = exec::Process::new(&mut main.methods, &mut process_vars, &mut main.out);
            process.attach(&main.control, Arc::clone(&main.entry));
            for (i, &index) in indexes.iter().enumerate() {
                let code = match control::Methods::code(process.methods, index) {
                    Ok(code) => code,
                    Err(_) => {
                        failed = true;
                        break;
                    }
                };
                let args = if i == 0 {
                    match command_line_args(&code, args) {
                        Ok(args) => args,
                        Err(diag) => {
                            main.world.with_run(|run| run.diagnostics.push(*diag));
                            failed = true;
                            break;
                        }
                    }
                } else {
                    Vec::new()
                };
                if let Err(error) = process.call(code.clone(), args, Value::Undefined) {
                    process.out.flush();
                    // A main process that aborted itself (`ABORT`, `ABORT PROCESS BY
                    // ID` on itself) ends without an error, as the others do; an abort
                    // from outside (the time limit, Ctrl-C) is reported.
                    // After `QUIT 4D`, the aborted process ends quietly too.
                    if error.code() == crate::runtime::error::codes::ABORTED
                        && (!main.entry.is_aborted() || control::Control::quitting(&main.control))
                    {
                        break;
                    }
                    main.world.with_run(|run| {
                        let diag = run.runtime_diagnostic(&error, &code.name);
                        run.diagnostics.push(diag);
                    });
                    failed = true;
                    break;
                }
            }
            main.control.finish(&mut process);
            // `QUIT 4D`: once every process has ended, `On Exit` runs in
            // the main process, then the run ends.
            if control::Control::quitting(&main.control) {
                main.entry.clear_abort();
                let exit = main.world.with_run(|run| {
                    run.has_database_method(EXIT_KEY).then(|| resolve::Names::method(run, EXIT_KEY)).flatten()
                });
                if let Some(index) = exit {
                    match control::Methods::code(process.methods, index) {
                        Ok(code) => {
                            if let Err(error) = process.call(code.clone(), Vec::new(), Value::Undefined)
                                && error.code() != crate::runtime::error::codes::ABORTED
                            {
                                main.world.with_run(|run| {
                                    let diag = run.runtime_diagnostic(&error, &code.name);
                                    run.diagnostics.push(diag);
                                });
                                failed = true;
                            }
                        }
                        Err(_) => failed = true,
                    }
                    main.control.finish(&mut process);
                }
            }
            failed
        });
        let errors_after = self.diagnostics.iter().filter(|d| d.is_error()).count() + self.shown_errors;
        Outcome { failed: failed || errors_after > errors_before }
    }

    /// Reads a source file of the project into the source map.
    /// A file that cannot be read, or is not UTF-8 text, also leaves its
    /// diagnostic among the run's, so that `fourd run` says why.
    pub(super) fn read_source(&mut self, path: &Path) -> Result<(crate::diag::SourceId, String), String> {
        let shown = self.shown_path(path);
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                let why = format!("cannot read {}: {e}", shown.display());
                let id = self.sources.add(shown.display().to_string(), "");
                self.diagnostics.push(Diagnostic::error("io", why.clone(), crate::diag::Span::new(id, 0, 0)));
                return Err(why);
            }
        };
        let (text, not_utf8) = crate::syntax::decode(bytes);
        let source = self.sources.add(shown.display().to_string(), text.as_str());
        if let Some(diag) = not_utf8 {
            self.diagnostics.push(diag(source));
            return Err(String::from("its file is not UTF-8 text"));
        }
        Ok((source, text))
    }

    /// A file of the project as messages name it (under `display_base`).
    fn shown_path(&self, path: &Path) -> PathBuf {
        match path.strip_prefix(&self.base) {
            Ok(rel) if !self.base.as_os_str().is_empty() => self.display_base.join(rel),
            _ => path.to_path_buf(),
        }
    }

    /// The error diagnostics gathered since the last call (a method that
    /// could not be loaded...), rendered with [`Run::show_at_once`]'s options
    /// for a caller that shows them as they come (`fourd serve`); they leave
    /// the run's list. `None` when there are none or nothing is shown at once.
    pub fn take_unshown(&mut self) -> Option<String> {
        let options = self.show_at_once?;
        if !self.diagnostics.iter().any(Diagnostic::is_error) {
            return None;
        }
        let diagnostics = std::mem::take(&mut self.diagnostics);
        let errors: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.is_error()).collect();
        self.shown_errors += errors.len();
        Some(errors.iter().map(|d| crate::diag::render(d, &self.sources, options)).collect())
    }

    /// Reports the uncaught error that stopped a process other than the main one.
    /// With [`Run::show_at_once`] set, the error is rendered and given back
    /// to be written now (4D shows it when it happens: the main process may
    /// be waiting for that process, or be stopped by Ctrl-C before the end);
    /// else it joins the run's diagnostics.
    pub(super) fn report_process_error(&mut self, error: &RuntimeError, method: &str, process: &str) -> Option<String> {
        let mut diag = self.runtime_diagnostic(error, method);
        let shown = if process.is_empty() { String::from("a process with no name") } else { format!("`{process}`") };
        diag.help = Some(match diag.help.take() {
            Some(help) => format!("{help}\nin the process {shown}"),
            None => format!("in the process {shown}"),
        });
        match self.show_at_once {
            Some(options) => {
                self.shown_errors += 1;
                Some(crate::diag::render(&diag, &self.sources, options))
            }
            None => {
                self.diagnostics.push(diag);
                None
            }
        }
    }

    /// A runtime error as a diagnostic: code, message, where, and the chain of calls.
    pub(super) fn runtime_diagnostic(&self, error: &RuntimeError, main: &str) -> Diagnostic {
        let info = &error.0;
        let span = info.span.unwrap_or_default();
        let mut chain = Vec::new();
        let mut methods: Vec<String> = info.frames.iter().map(|f| f.method.clone()).collect();
        methods.push(main.to_string());
        let innermost = methods.first().cloned().unwrap_or_default();
        chain.push(format!("in `{innermost}`, line {}", self.sources.line_col(span.source, span.start).0));
        // Repeated calls from the same place (recursion) fold into one line.
        let mut previous: Option<(String, usize)> = None;
        let mut repeats = 0usize;
        let flush = |chain: &mut Vec<String>, previous: &Option<(String, usize)>, repeats: usize| {
            if let Some((caller, line)) = previous {
                let times = if repeats > 1 { format!(" ({repeats} times)") } else { String::new() };
                chain.push(format!("called from `{caller}`, line {line}{times}"));
            }
        };
        for (frame, caller) in info.frames.iter().zip(methods.iter().skip(1)) {
            let line = self.sources.line_col(frame.span.source, frame.span.start).0;
            let here = Some((caller.clone(), line));
            if here == previous {
                repeats += 1;
            } else {
                flush(&mut chain, &previous, repeats);
                previous = here;
                repeats = 1;
            }
        }
        flush(&mut chain, &previous, repeats);
        Diagnostic::error(&info.code.to_string(), info.message.clone(), span).with_help(chain.join("\n"))
    }
}

impl Run {
    /// Reads every method file of the project once for the process variables
    /// it assigns, so that a method may read one that another method sets.
    /// Done when a name is not known otherwise: a method that names only its
    /// locals, methods, commands and constants never pays for it.
    pub(super) fn prepass(&mut self) {
        if self.prepassed {
            return;
        }
        let names = self.project_process_vars();
        self.adopt_process_vars(&names);
    }

    /// The process variables the project's methods assign, declare or loop
    /// over, in the order of their files (for [`Run::adopt_process_vars`]).
    pub fn project_process_vars(&self) -> Vec<String> {
        self.process_var_names(|_| true)
    }

    /// [`Run::project_process_vars`] of the project's files but those whose
    /// [`sources_key`] is in `skip` (files whose names are found otherwise:
    /// `fourd check` takes them from the files it has parsed whole).
    pub fn project_process_vars_except(&self, skip: &rustc_hash::FxHashSet<PathBuf>) -> Vec<String> {
        self.process_var_names(|path| !skip.contains(&sources_key(path)))
    }

    /// Takes the process variables found by [`Run::project_process_vars`]
    /// (by this run or another of the same project) in place of its prepass.
    pub fn adopt_process_vars(&mut self, names: &[String]) {
        self.prepassed = true;
        for name in names {
            resolve::Names::process_var(self, name, true);
        }
    }

    /// The names of [`Run::project_process_vars`] in the files `wanted` keeps.
    fn process_var_names(&self, wanted: impl Fn(&Path) -> bool) -> Vec<String> {
        // Every method of a project counts, as for 4D's compiler: project
        // methods, and form, object, database and trigger methods and classes.
        let mut paths: Vec<PathBuf> = self.files.values().map(|(_, path)| path.clone()).collect();
        if let Some(sources) = &self.project_sources {
            method_files_under(sources, &mut paths);
        }
        // In the order of their bytes (much cheaper than by components).
        paths.sort_unstable_by(|a, b| a.as_os_str().as_encoded_bytes().cmp(b.as_os_str().as_encoded_bytes()));
        paths.dedup();
        paths.retain(|path| wanted(path));
        // The files are read and parsed on every core; their names are
        // declared in the order of the paths, as one after the other would.
        let names_of = |path: &PathBuf| -> Vec<String> {
            let Ok(text) = std::fs::read_to_string(path) else { return Vec::new() };
            // Only the statements that may name variables are read.
            names_in_text(&text)
        };
        let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).min(paths.len() / 64 + 1);
        let per_worker = paths.len().div_ceil(workers.max(1)).max(1);
        let found: Vec<Vec<String>> = std::thread::scope(|scope| {
            let handles: Vec<_> = paths
                .chunks(per_worker)
                .map(|chunk| {
                    let names_of = &names_of;
                    std::thread::Builder::new()
                        .stack_size(crate::syntax::DEEP_STACK_BYTES)
                        .spawn_scoped(scope, move || chunk.iter().map(names_of).collect::<Vec<_>>())
                })
                .collect();
            let mut found = Vec::with_capacity(paths.len());
            for (handle, chunk) in handles.into_iter().zip(paths.chunks(per_worker)) {
                // A thread that could not start or did not finish: its files
                // are read here.
                match handle.ok().and_then(|h| h.join().ok()) {
                    Some(names) => found.extend(names),
                    None => found.extend(chunk.iter().map(names_of)),
                }
            }
            found
        });
        found.into_iter().flatten().collect()
    }

    /// What `fourd check` finds in one file of this run's project, named
    /// `name` in messages: its syntax errors, then (for a method) the names it
    /// uses that are unknown, and the commands fourd does not support
    /// (warnings); a class file's members are resolved the same way.
    pub fn check_source(&mut self, path: &Path, name: &str, text: String) -> Vec<Diagnostic> {
        let parsed = self.parse_for_check(path, name, text);
        self.resolve_parsed(parsed)
    }

    /// The first half of [`Run::check_source`]: the file's text joins the
    /// run's sources and is parsed; names are resolved by [`Run::resolve_parsed`].
    pub fn parse_for_check(&mut self, path: &Path, name: &str, text: String) -> ParsedFile {
        // The source map keeps the one copy of the text.
        let id = self.sources.add(name, text);
        let text = self.sources.get(id).map(|source| Arc::clone(&source.text)).unwrap_or_default();
        let (ast, diags) = crate::syntax::parse(id, &text);
        let ast = (!diags.iter().any(Diagnostic::is_error)).then_some(ast);
        ParsedFile { path: path.to_path_buf(), text, ast, diags }
    }

    /// The second half of [`Run::check_source`]: the names of a file that
    /// [`Run::parse_for_check`] parsed without syntax errors are resolved.
    pub fn resolve_parsed(&mut self, parsed: ParsedFile) -> Vec<Diagnostic> {
        let names = self.resolve_names(&parsed);
        parsed.with(names)
    }

    /// [`Run::resolve_parsed`] before the project's process variables are all
    /// known: the diagnostics if they cannot change (no name was looked for
    /// among the process variables in vain), else the file back, to be
    /// resolved again once they are.
    pub fn resolve_if_settled(&mut self, parsed: ParsedFile) -> Result<Vec<Diagnostic>, Box<ParsedFile>> {
        let misses = self.process_var_misses;
        let names = self.resolve_names(&parsed);
        if self.process_var_misses != misses {
            return Err(Box::new(parsed));
        }
        Ok(parsed.with(names))
    }

    /// The diagnostics of resolving the names of a file parsed without errors.
    fn resolve_names(&mut self, parsed: &ParsedFile) -> Vec<Diagnostic> {
        let Some(ast) = &parsed.ast else { return Vec::new() };
        let path = &parsed.path;
        let is_class = path.parent().and_then(Path::file_name).is_some_and(|folder| folder == "Classes");
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        if is_class {
            self.class_files.entry(stem.clone()).or_insert_with(|| path.clone());
            let index = resolve::Names::class(self, &stem).unwrap_or_default();
            return resolve::resolve_class(&stem, index, ast, self).1;
        }
        resolve::check_method(&stem, ast, self)
    }
}

impl Run {
    /// Parses code given as text at run time (`Formula from string`,
    /// `EXECUTE FORMULA`) as a source named `name`; a syntax error is
    /// `heading` with the first error's message (-10503).
    pub(super) fn parse_text(
        &mut self,
        name: &str,
        source: &str,
        heading: &str,
    ) -> Result<(crate::syntax::ast::Method, Vec<Diagnostic>), RuntimeError> {
        let id = self.sources.add(name, source);
        let (ast, diags) = crate::syntax::parse(id, source);
        if diags.iter().any(Diagnostic::is_error) {
            return Err(cannot_run(heading, &diags, codes::BAD_ARGUMENTS));
        }
        Ok((ast, diags))
    }
}

/// Code given as text that cannot run: `heading`, then the first error's message.
pub(super) fn cannot_run(heading: &str, diags: &[Diagnostic], code: i32) -> RuntimeError {
    let message = diags.iter().find(|d| d.is_error()).map(|d| d.message.as_str()).unwrap_or_default();
    RuntimeError::new(code, format!("{heading}: {message}"))
}

/// A file parsed by [`Run::parse_for_check`], waiting for its names to be
/// resolved (after the project's process variables are known).
pub struct ParsedFile {
    path: PathBuf,
    text: Arc<str>,
    /// The method, when it has no syntax error.
    ast: Option<crate::syntax::ast::Method>,
    diags: Vec<Diagnostic>,
}

impl ParsedFile {
    /// The file's syntax diagnostics, then `names` (those of its names).
    fn with(self, mut names: Vec<Diagnostic>) -> Vec<Diagnostic> {
        let mut all = self.diags;
        all.append(&mut names);
        all
    }

    /// The process variables the file assigns, declares or loops over, as
    /// [`Run::project_process_vars`] finds them in it.
    pub fn process_var_names(&self) -> Vec<String> {
        match &self.ast {
            Some(ast) => resolve::assigned_names(ast),
            None => names_in_text(&self.text),
        }
    }
}

/// The process variables named by the statements of `text` that may name
/// them (none when they cannot be read).
pub(super) fn names_in_text(text: &str) -> Vec<String> {
    match crate::syntax::statements_naming_variables(crate::diag::SourceId(0), text) {
        Some(stmts) => resolve::assigned_in(&stmts),
        None => Vec::new(),
    }
}

/// What tells the files of one project apart whatever the path they are
/// reached by: the part of `path` after `Project/Sources` (for a folder of
/// methods outside a project, the file's name).
pub fn sources_key(path: &Path) -> PathBuf {
    let mut components = path.components();
    let mut key = None;
    let mut previous = None;
    while let Some(component) = components.next() {
        let name = component.as_os_str();
        if name == "Sources" && previous == Some("Project".as_ref()) {
            key = Some(components.clone());
        }
        previous = Some(name);
    }
    match key {
        Some(rest) => rest.as_path().to_path_buf(),
        None => path.file_name().map(PathBuf::from).unwrap_or_default(),
    }
}

/// Every `.4dm` file at or under `dir` (folders that cannot be read, and
/// links to folders, are passed over).
pub fn method_files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            method_files_under(&path, out);
        } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("4dm")) {
            out.push(path);
        }
    }
}

/// Why a source file of the project could not be loaded.
enum LoadFailure {
    /// It cannot be read, or is not UTF-8 text.
    Read(String),
    Syntax,
    /// Resolution reported errors.
    Resolve,
}

impl LoadFailure {
    /// The reason, in a message; `resolve` words a resolution failure.
    fn reason(self, resolve: &str) -> String {
        match self {
            LoadFailure::Read(why) => why,
            LoadFailure::Syntax => String::from("it has syntax errors"),
            LoadFailure::Resolve => resolve.to_string(),
        }
    }
}

impl Run {
    /// Loads a method or class file: reads it into the sources, parses it
    /// and resolves it with `resolve`; its diagnostics join the run's. The
    /// one routine behind `Methods::code` and `Methods::class_code`, which
    /// keep what it gives.
    fn load<T>(
        &mut self,
        path: &Path,
        resolve: impl FnOnce(&mut Run, &crate::syntax::ast::Method) -> (T, Vec<Diagnostic>),
    ) -> Result<Arc<T>, LoadFailure> {
        let (source, text) = self.read_source(path).map_err(LoadFailure::Read)?;
        let (ast, mut diags) = crate::syntax::parse(source, &text);
        if diags.iter().any(Diagnostic::is_error) {
            self.diagnostics.append(&mut diags);
            return Err(LoadFailure::Syntax);
        }
        let (code, mut resolve_diags) = resolve(self, &ast);
        diags.append(&mut resolve_diags);
        let has_errors = diags.iter().any(Diagnostic::is_error);
        self.diagnostics.append(&mut diags);
        if has_errors {
            return Err(LoadFailure::Resolve);
        }
        Ok(Arc::new(code))
    }
}

/// The folder whose `.4dm` files are the methods of `file`'s project.
pub fn project_methods_folder(file: &Path) -> PathBuf {
    methods_folder(file)
}

/// Where the classes of a project are, from the folder of its methods:
/// `Project/Sources/Classes` beside `Project/Sources/Methods`, else `Classes/`
/// in the folder of loose method files.
fn classes_folder(methods: &Path) -> PathBuf {
    match methods.parent() {
        Some(sources) if methods.file_name().is_some_and(|n| n == "Methods") && sources.ends_with("Sources") => {
            sources.join("Classes")
        }
        _ => methods.join("Classes"),
    }
}

/// The method-table key of the `onStartup` database method (not a valid method name).
pub const STARTUP_KEY: &str = "<onstartup>";
/// The keys of the other database methods fourd runs.
pub const EXIT_KEY: &str = "<onexit>";
pub const WEB_AUTHENTICATION_KEY: &str = "<onwebauthentication>";
pub const WEB_CONNECTION_KEY: &str = "<onwebconnection>";

/// The database methods of a project fourd runs: file name (without
/// `.4dm`, in `Project/Sources/DatabaseMethods`) and method-table key.
const DATABASE_METHODS: [(&str, &str); 4] = [
    ("onStartup", STARTUP_KEY),
    ("onExit", EXIT_KEY),
    ("onWebAuthentication", WEB_AUTHENTICATION_KEY),
    ("onWebConnection", WEB_CONNECTION_KEY),
];

/// Whether a method-table key is a database method's (not a project method's).
pub fn is_database_key(key: &str) -> bool {
    key.starts_with('<')
}

/// Where the methods of `file`'s project are: `Project/Sources/Methods` of the
/// nearest ancestor holding `Project/Sources`, else the file's own folder.
fn methods_folder(file: &Path) -> PathBuf {
    let mut folder = match file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    // A class file of loose files: the methods are beside its `Classes` folder.
    if folder.file_name().is_some_and(|name| name == "Classes") {
        folder = match folder.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
    }
    for ancestor in folder.ancestors() {
        let sources = ancestor.join("Project").join("Sources");
        if sources.is_dir() {
            return sources.join("Methods");
        }
    }
    folder
}

impl resolve::Names for Run {
    fn method(&mut self, normalized: &str) -> Option<usize> {
        let context = self.context;
        if context != HOST {
            return self.component_method(context, normalized);
        }
        if let Some(&index) = self.method_index.get(normalized) {
            return Some(index);
        }
        match self.files.get(normalized) {
            Some((name, path)) => {
                let (name, path) = (name.clone(), path.clone());
                let index = self.methods.len();
                self.methods.push(MethodSlot { name, path, code: None, context: HOST });
                self.method_index.insert(normalized.to_string(), index);
                Some(index)
            }
            // The host calls the methods its components share.
            None => (0..self.components.len()).find_map(|k| {
                let context = k as u16 + 1;
                let component = &mut self.components[k];
                (component.files.contains_key(normalized) && component.is_shared(normalized))
                    .then(|| self.component_method(context, normalized))
                    .flatten()
            }),
        }
    }

    fn process_var(&mut self, normalized: &str, create: bool) -> Option<usize> {
        if self.context != HOST && !is_system_variable(normalized) {
            return self.component_process_var(self.context, normalized, create);
        }
        if let Some(&slot) = self.process_var_index.get(normalized) {
            return Some(slot);
        }
        if !create {
            if self.prepassed {
                self.process_var_misses += 1;
                return None;
            }
            // Perhaps a method not loaded yet assigns it.
            self.prepass();
            return self.process_var_index.get(normalized).copied();
        }
        let slot = self.process_var_index.len();
        self.process_var_index.insert(normalized.to_string(), slot);
        self.process_var_names.push(normalized.to_string());
        Some(slot)
    }

    fn each_known_name(&self, f: &mut dyn FnMut(&str, &str)) {
        for (key, (name, _)) in &self.files {
            f(name, key);
        }
        for key in self.process_var_index.keys().filter(|k| !k.starts_with("<>") && !k.contains('\u{1f}')) {
            f(key, key);
        }
    }

    fn nearest_known(&mut self, key: &str) -> Option<(usize, String)> {
        // Kept while the known names stay the same (they only grow).
        let known = self.files.len() + self.process_var_index.len();
        if self.suggestions.0 != known {
            self.suggestions = (known, HashMap::default());
        }
        if let Some(found) = self.suggestions.1.get(key) {
            return found.clone();
        }
        let found = resolve::nearest_known(key, self);
        self.suggestions.1.insert(key.to_string(), found.clone());
        found
    }

    fn snippet(&self, span: crate::diag::Span) -> String {
        self.sources.snippet(span).to_string()
    }

    fn xliff_constant(&mut self, normalized: &str) -> Option<crate::commands::constants::ConstValue> {
        self.xliff_constant_of(normalized)
    }

    fn class(&mut self, name: &str) -> Option<usize> {
        if self.context != HOST {
            return self.class_in(self.context, name);
        }
        if let Some(&index) = self.class_index.get(name) {
            return Some(index);
        }
        let path = self.class_files.get(name)?.clone();
        let index = self.classes.len();
        self.classes.push(ClassSlot { name: name.to_string(), path, code: None, context: HOST });
        self.class_index.insert(name.to_string(), index);
        Some(index)
    }

    fn context(&self) -> u16 {
        self.context
    }

    fn namespace(&self, name: &str) -> Option<u16> {
        // A class of the code's own project of that name comes first (documented).
        if self.context == HOST && self.class_files.contains_key(name) {
            return None;
        }
        if self.context != HOST
            && self.components.get(usize::from(self.context) - 1).is_some_and(|c| c.class_files.contains_key(name))
        {
            return None;
        }
        self.components.iter().position(|c| c.namespace.as_deref() == Some(name)).map(|k| k as u16 + 1)
    }

    fn namespace_class(&mut self, context: u16, name: &str) -> Option<usize> {
        self.class_in(context, name)
    }
}

impl Run {
    fn xliff_constant_of(&self, normalized: &str) -> Option<crate::commands::constants::ConstValue> {
        self.localization.constant(normalized)
    }
}

impl control::Methods for Run {
    fn method_index(&mut self, name: &str, context: u16) -> Option<usize> {
        let key = normalize(name);
        let found = self.in_context(context, |run| resolve::Names::method(run, &key));
        // A component reaches the host's methods by name (`EXECUTE METHOD`...),
        // those the host shares only (documented).
        match found {
            None if context != HOST => {
                let shared = self.files.get(&key).is_some_and(|(_, path)| super::components::method_is_shared(path));
                if shared { self.in_context(HOST, |run| resolve::Names::method(run, &key)) } else { None }
            }
            found => found,
        }
    }

    fn process_var_slot(&mut self, name: &str, context: u16) -> Option<usize> {
        let key = normalize(name);
        self.in_context(context, |run| resolve::Names::process_var(run, &key, false))
    }

    fn system_numbers(&self) -> Vec<(usize, f64)> {
        self.system_numbers.clone()
    }

    fn process_var_name(&self, slot: usize) -> String {
        self.process_var_names.get(slot).cloned().unwrap_or_default()
    }

    fn compile_formula(&mut self, source: &str, context: u16) -> Result<Arc<MethodCode>, RuntimeError> {
        self.in_context(context, |run| run.compile_formula_here(source))
    }

    fn compile_method(&mut self, name: &str, source: &str, context: u16) -> Result<Arc<MethodCode>, RuntimeError> {
        self.in_context(context, |run| run.compile_method_here(name, source))
    }

    fn compile_statement(
        &mut self,
        source: &str,
        method: &str,
        locals: &[program::LocalInfo],
        context: u16,
    ) -> Result<Vec<program::Stmt>, RuntimeError> {
        self.in_context(context, |run| run.compile_statement_here(source, method, locals))
    }

    fn snippet(&self, span: crate::diag::Span) -> String {
        self.sources.snippet(span).trim().to_string()
    }

    fn line(&self, span: crate::diag::Span) -> usize {
        self.sources.line_col(span.source, span.start).0
    }

    fn line_text(&self, span: crate::diag::Span) -> Option<String> {
        let source = self.sources.get(span.source)?;
        let text = &*source.text;
        let at = (span.start as usize).min(text.len());
        let start = text[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1);
        let end = text[at..].find(['\n', '\r']).map_or(text.len(), |i| at + i);
        text.get(start..end).map(|line| line.trim().to_string())
    }

    fn user_param(&self) -> String {
        self.user_param.clone()
    }

    fn project_folder(&self) -> Option<(PathBuf, bool)> {
        self.files_allowed.then(|| (self.project_folder.clone(), self.project_sources.is_some()))
    }

    fn web_options(&self) -> Arc<crate::commands::web_options::WebOptions> {
        Arc::clone(&self.web_options)
    }

    fn localization(&self) -> Arc<crate::commands::localization::Localization> {
        Arc::clone(&self.localization)
    }

    fn class_index(&mut self, name: &str, context: u16) -> Option<usize> {
        self.in_context(context, |run| resolve::Names::class(run, name))
    }

    fn component_names(&mut self) -> Vec<String> {
        self.components.iter().map(|c| c.name.clone()).collect()
    }

    fn namespaces(&mut self) -> Vec<(String, u16)> {
        let named = self.components.iter().enumerate();
        named.filter_map(|(k, c)| Some((c.namespace.clone()?, k as u16 + 1))).collect()
    }

    fn method_names(&mut self) -> Vec<String> {
        let mut names: Vec<String> =
            self.files.iter().filter(|(key, _)| !is_database_key(key)).map(|(_, (name, _))| name.clone()).collect();
        names.sort();
        names
    }

    fn design_objects(&mut self) -> Vec<crate::commands::DesignObject> {
        use crate::commands::{DesignKind, DesignObject};
        let mut objects: Vec<DesignObject> = self
            .files
            .iter()
            .filter(|(key, _)| !is_database_key(key))
            .map(|(_, (name, file))| DesignObject {
                kind: DesignKind::ProjectMethod,
                name: name.clone(),
                file: file.clone(),
            })
            .collect();
        // Every database method of the project's folder, also those fourd does not run.
        if let Some(sources) = &self.project_sources
            && let Ok(entries) = std::fs::read_dir(sources.join("DatabaseMethods"))
        {
            for entry in entries.flatten() {
                let file = entry.path();
                if file.extension().is_some_and(|e| e == "4dm")
                    && let Some(stem) = file.file_stem().and_then(|s| s.to_str())
                {
                    let name = stem.to_string();
                    objects.push(DesignObject { kind: DesignKind::DatabaseMethod, name, file });
                }
            }
        }
        objects.extend(self.class_files.iter().map(|(name, file)| DesignObject {
            kind: DesignKind::Class,
            name: name.clone(),
            file: file.clone(),
        }));
        objects.sort_by(|a, b| a.name.cmp(&b.name));
        objects
    }

    fn class_names(&mut self, context: u16) -> Vec<String> {
        let files = match usize::from(context).checked_sub(1) {
            None => &self.class_files,
            Some(k) => match self.components.get(k) {
                Some(component) => &component.class_files,
                None => return Vec::new(),
            },
        };
        let mut names: Vec<String> = files.keys().cloned().collect();
        names.sort();
        names
    }

    fn class_code(&mut self, index: usize) -> Result<Arc<program::ClassCode>, RuntimeError> {
        let Some(slot) = self.classes.get(index) else {
            return Err(RuntimeError::new(codes::UNKNOWN_NAME, "unknown class"));
        };
        if let Some(code) = &slot.code {
            return Ok(code.clone());
        }
        let (name, path, context) = (slot.name.clone(), slot.path.clone(), slot.context);
        let loaded =
            self.in_context(context, |run| run.load(&path, |run, ast| resolve::resolve_class(&name, index, ast, run)));
        let code = loaded.map_err(|failure| {
            let why = failure.reason("it has errors");
            RuntimeError::new(codes::NOT_SUPPORTED, format!("the class `{name}` cannot be used: {why}"))
        })?;
        if let Some(slot) = self.classes.get_mut(index) {
            slot.code = Some(code.clone());
        }
        Ok(code)
    }

    fn code(&mut self, index: usize) -> Result<Arc<MethodCode>, RuntimeError> {
        let Some(slot) = self.methods.get(index) else {
            return Err(RuntimeError::new(codes::UNKNOWN_NAME, "unknown method"));
        };
        if let Some(code) = &slot.code {
            return Ok(code.clone());
        }
        let (name, path, context) = (slot.name.clone(), slot.path.clone(), slot.context);
        let code = self
            .in_context(context, |run| {
                run.load(&path, |run, ast| {
                    let (mut code, diags) = resolve::resolve_method(&name, ast, run);
                    if context == HOST {
                        code.promotes = run.promotions_of(&name);
                    }
                    code.pure = super::pure::lower(&code);
                    super::pure::lower_loops(&mut code);
                    (code, diags)
                })
            })
            .map_err(|failure| {
                let why = failure.reason("some of its names are not known");
                RuntimeError::new(codes::NOT_SUPPORTED, format!("the method `{name}` cannot run: {why}"))
            })?;
        if let Some(slot) = self.methods.get_mut(index) {
            slot.code = Some(code.clone());
        }
        Ok(code)
    }
}
