//! `fourd check`: parse every `.4dm` file under the given paths, resolve the
//! names of every method (unless `--syntax-only`), and report, for people
//! (miette's rendering) or for CI (JSON Lines, GitHub workflow commands, SARIF).

use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::diag::{Diagnostic, Region, RenderOptions, Severity, SourceMap, render};
use crate::syntax;

use super::Progress;

/// What checking one file found.
pub struct FileReport {
    pub errors: usize,
    pub warnings: usize,
    /// The rendered diagnostics.
    pub rendered: String,
    /// The same diagnostics as data, for the machine-readable formats.
    pub diagnostics: Vec<FileDiagnostic>,
}

impl FileReport {
    /// One error about the whole file (it could not be read or checked).
    fn failure(file: &str, code: &str, message: String) -> FileReport {
        FileReport {
            errors: 1,
            warnings: 0,
            rendered: format!("error: {message}\n"),
            diagnostics: vec![FileDiagnostic {
                file: file.to_string(),
                region: None,
                severity: Severity::Error,
                code: code.to_string(),
                title: format!("{code} error"),
                message,
                help: None,
                label: None,
            }],
        }
    }
}

/// One diagnostic with its place in lines and columns instead of a span.
#[derive(Clone, Debug, PartialEq)]
pub struct FileDiagnostic {
    /// The file's path as `fourd check` found it.
    pub file: String,
    /// Where in the file (`None` for a problem with the whole file).
    pub region: Option<Region>,
    pub severity: Severity,
    pub code: String,
    /// The heading miette shows (`syntax error`).
    pub title: String,
    pub message: String,
    pub help: Option<String>,
    pub label: Option<String>,
}

impl FileDiagnostic {
    fn new(diag: &Diagnostic, sources: &SourceMap) -> FileDiagnostic {
        FileDiagnostic {
            file: sources.get(diag.span.source).map_or_else(|| String::from("<unknown>"), |s| s.name.clone()),
            region: sources.region(diag.span),
            severity: diag.severity,
            code: diag.code.clone(),
            title: diag.title(),
            message: diag.message.clone(),
            help: diag.help.clone(),
            label: diag.label.clone(),
        }
    }

    fn severity_name(&self) -> &'static str {
        match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }

    /// The message, then the label and the help on lines of their own.
    fn full_text(&self) -> String {
        let mut text = self.message.clone();
        if let Some(label) = &self.label {
            text.push('\n');
            text.push_str(label);
        }
        if let Some(help) = &self.help {
            text.push_str("\nhelp: ");
            text.push_str(help);
        }
        text
    }
}

/// How `fourd check` reports what it finds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Each diagnostic drawn with its source on standard error.
    #[default]
    Human,
    /// JSON Lines on standard output: one object per diagnostic.
    Json,
    /// GitHub Actions workflow commands (`::error file=...`) on standard output.
    Github,
    /// One SARIF 2.1.0 log on standard output.
    Sarif,
}

/// Runs `fourd check PATH...`.
pub fn run(paths: &[PathBuf], syntax_only: bool, format: Format) -> ExitCode {
    let roots: Vec<PathBuf> = if paths.is_empty() { vec![PathBuf::from(".")] } else { paths.to_vec() };
    let mut files = Vec::new();
    for root in &roots {
        if !root.exists() {
            return super::usage_error(&format!("no such file or folder: {}", root.display()));
        }
        if let Err(why) = collect_4dm_or_error(root, &mut files) {
            return super::usage_error(&why);
        }
    }
    let options = if format == Format::Human { super::stderr_render() } else { RenderOptions::plain() };
    let progress = Progress::on_terminal(files.len(), PROGRESS_FILES, "checking", "files", "errors");
    let reports = if syntax_only {
        check_files(&files, options, progress.as_ref())
    } else {
        resolve_files(&files, options, progress.as_ref())
    };
    if let Some(progress) = &progress {
        progress.finish();
    }
    let (mut with_errors, mut errors, mut warnings) = (0, 0, 0);
    for report in &reports {
        if report.errors > 0 {
            with_errors += 1;
        }
        errors += report.errors;
        warnings += report.warnings;
    }
    let summary = format!("{} files, {with_errors} with errors, {errors} errors, {warnings} warnings\n", files.len());
    let diagnostics = reports.iter().flat_map(|report| &report.diagnostics);
    // Standard output holds only the machine-readable text; the summary goes to standard error.
    let (out, err) = match format {
        Format::Human => (summary, reports.iter().map(|report| report.rendered.as_str()).collect()),
        Format::Json => (diagnostics.map(json_line).collect(), summary),
        Format::Github => (diagnostics.map(github_line).collect(), summary),
        Format::Sarif => (sarif(diagnostics), summary),
    };
    // The diagnostics first, the summary last; a closed pipe (`| head`) is not an error of the check.
    if format == Format::Human {
        let _ = std::io::stderr().lock().write_all(err.as_bytes());
        let _ = std::io::stdout().lock().write_all(out.as_bytes());
    } else {
        let _ = std::io::stdout().lock().write_all(out.as_bytes());
        let _ = std::io::stderr().lock().write_all(err.as_bytes());
    }
    if with_errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

/// A diagnostic's file as a relative path with `/` between folders (relative
/// to the current folder when it lies under it), or the absolute path.
pub fn portable_path(file: &str) -> String {
    let path = Path::new(file);
    let cwd = std::env::current_dir().ok();
    let path = cwd.as_deref().and_then(|cwd| path.strip_prefix(cwd).ok()).unwrap_or(path);
    let mut out = String::new();
    for component in path.components() {
        match component {
            Component::CurDir => continue,
            Component::Prefix(prefix) => out.push_str(&prefix.as_os_str().to_string_lossy()),
            Component::RootDir => out.push('/'),
            Component::ParentDir => push_part(&mut out, ".."),
            Component::Normal(part) => push_part(&mut out, &part.to_string_lossy()),
        }
    }
    if out.is_empty() { String::from(".") } else { out }
}

fn push_part(out: &mut String, part: &str) {
    if !out.is_empty() && !out.ends_with('/') {
        out.push('/');
    }
    out.push_str(part);
}

/// One JSON Lines record.
fn json_line(diag: &FileDiagnostic) -> String {
    let region = diag.region;
    let value = serde_json::json!({
        "file": portable_path(&diag.file),
        "line": region.map(|r| r.line),
        "column": region.map(|r| r.column),
        "end_line": region.map(|r| r.end_line),
        "end_column": region.map(|r| r.end_column),
        "severity": diag.severity_name(),
        "code": diag.code,
        "message": diag.message,
        "help": diag.help,
        "label": diag.label,
    });
    format!("{value}\n")
}

/// One GitHub Actions workflow command. GitHub takes columns only for a
/// region within one line.
fn github_line(diag: &FileDiagnostic) -> String {
    let mut properties = vec![format!("file={}", github_property(&portable_path(&diag.file)))];
    if let Some(r) = diag.region {
        properties.push(format!("line={}", r.line));
        if r.end_line == r.line {
            properties.push(format!("col={}", r.column));
        }
        properties.push(format!("endLine={}", r.end_line));
        if r.end_line == r.line {
            properties.push(format!("endColumn={}", r.end_column));
        }
    }
    properties.push(format!("title={}", github_property(&diag.title)));
    format!("::{} {}::{}\n", diag.severity_name(), properties.join(","), github_data(&diag.full_text()))
}

/// A workflow command's message: `%`, CR and LF escaped.
fn github_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// A workflow command's property value: as a message, and `:` and `,`.
fn github_property(text: &str) -> String {
    github_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// The SARIF log's `$schema`.
pub const SARIF_SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// What each code of `fourd check` means, for the rules of a SARIF log.
fn rule_description(code: &str) -> String {
    match code {
        "syntax" => String::from("The method does not parse as 4D code."),
        "resolve" => String::from("A name is no variable, project method, command or constant."),
        "not supported" => String::from("A 4D command, constant or plug-in command that fourd does not implement."),
        "io" => String::from("The file cannot be read."),
        "internal" => String::from("fourd failed while checking the file."),
        _ => format!("fourd diagnostic `{code}`."),
    }
}

/// The SARIF 2.1.0 log of all diagnostics: one run, one rule per code used.
fn sarif<'a>(diagnostics: impl Iterator<Item = &'a FileDiagnostic>) -> String {
    let mut rules: Vec<String> = Vec::new();
    let mut results = Vec::new();
    for diag in diagnostics {
        let index = match rules.iter().position(|code| *code == diag.code) {
            Some(index) => index,
            None => {
                rules.push(diag.code.clone());
                rules.len() - 1
            }
        };
        let mut location = serde_json::json!({
            "physicalLocation": {"artifactLocation": {"uri": uri(&portable_path(&diag.file))}}
        });
        if let Some(r) = diag.region {
            location["physicalLocation"]["region"] = serde_json::json!({
                "startLine": r.line,
                "startColumn": r.column,
                "endLine": r.end_line,
                "endColumn": r.end_column,
            });
        }
        results.push(serde_json::json!({
            "ruleId": diag.code,
            "ruleIndex": index,
            "level": diag.severity_name(),
            "message": {"text": diag.full_text()},
            "locations": [location],
        }));
    }
    let rules: Vec<serde_json::Value> = rules
        .iter()
        .map(|code| serde_json::json!({"id": code, "shortDescription": {"text": rule_description(code)}}))
        .collect();
    let mut driver = serde_json::json!({"name": "fourd", "version": env!("CARGO_PKG_VERSION")});
    // Cargo's `homepage`, else `repository` (empty when Cargo.toml has none).
    let information = [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")].into_iter().find(|u| !u.is_empty());
    if let Some(information) = information {
        driver["informationUri"] = serde_json::Value::from(information);
    }
    driver["rules"] = serde_json::Value::from(rules);
    let log = serde_json::json!({
        "version": "2.1.0",
        "$schema": SARIF_SCHEMA,
        "runs": [{
            "tool": {"driver": driver},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_else(|_| log.to_string());
    text.push('\n');
    text
}

/// A path as a URI reference: relative stays relative, absolute becomes
/// `file://`; every byte but letters, digits, `-._~` and `/` percent-encoded.
fn uri(path: &str) -> String {
    let (head, rest) = match path.as_bytes() {
        [b'/', ..] => ("file://", path),
        [letter, b':', b'/', ..] if cfg!(windows) && letter.is_ascii_alphabetic() => ("file:///", path),
        _ => ("", path),
    };
    let mut out = String::from(head);
    for (i, byte) in rest.bytes().enumerate() {
        let keep = byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) || (i == 1 && head == "file:///");
        if keep {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Every `.4dm` file at or under `path`, sorted by path within each folder;
/// folders that cannot be read are passed over (see [`collect_4dm_or_error`]).
pub fn collect_4dm(path: &Path, out: &mut Vec<PathBuf>) {
    let _ = collect_4dm_or_error(path, out);
}

/// [`collect_4dm`], failing on the first folder that cannot be read (with
/// the system's reason), so that `fourd check` and `fourd test` never call a
/// tree they could not read clean.
pub fn collect_4dm_or_error(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    if path.is_file() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let entries = std::fs::read_dir(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    // The entry's type comes with the folder's listing; only a link (or a
    // system that does not give types) costs a look at what it points to.
    let mut entries: Vec<(PathBuf, bool)> = entries
        .filter_map(|e| e.ok())
        .map(|e| {
            let path = e.path();
            let is_dir = match e.file_type() {
                Ok(kind) if !kind.is_symlink() => kind.is_dir(),
                _ => path.is_dir(),
            };
            (path, is_dir)
        })
        .collect();
    entries.sort_unstable_by(|a, b| a.0.as_os_str().as_encoded_bytes().cmp(b.0.as_os_str().as_encoded_bytes()));
    for (entry, is_dir) in entries {
        if is_dir {
            collect_4dm_or_error(&entry, out)?;
        } else if entry.extension().is_some_and(|ext| ext.eq_ignore_ascii_case("4dm")) {
            out.push(entry);
        }
    }
    Ok(())
}

/// Checks files on as many threads as there are cores, each with a large stack;
/// the reports come back in the order of `files`.
pub fn check_files(files: &[PathBuf], options: RenderOptions, progress: Option<&Progress>) -> Vec<FileReport> {
    completed(
        files,
        in_parallel(files, files.len(), |index| vec![(index, note(progress, check_file(&files[index], options)))]),
    )
}

/// From how many files `fourd check` shows its progress.
const PROGRESS_FILES: usize = 200;

/// Counts one file's report on the progress bar, if there is one, and gives it back.
fn note(progress: Option<&Progress>, report: FileReport) -> FileReport {
    if let Some(progress) = progress {
        progress.advance(report.errors);
    }
    report
}

/// Checks files with name resolution: the files of one project are checked
/// together on one thread (they share its methods and process variables),
/// projects in parallel; the reports come back in the order of `files`.
pub fn resolve_files(files: &[PathBuf], options: RenderOptions, progress: Option<&Progress>) -> Vec<FileReport> {
    // The project of a file depends only on its folder: found once for each
    // run of files of one folder (the files come folder by folder).
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of: rustc_hash::FxHashMap<PathBuf, usize> = rustc_hash::FxHashMap::default();
    let mut last: Option<(&[u8], usize)> = None;
    for (index, file) in files.iter().enumerate() {
        let folder = folder_bytes(file);
        let group = match last {
            Some((known, group)) if known == folder => group,
            _ => {
                let project = crate::eval::project_methods_folder(file);
                let next = groups.len();
                let group = *group_of.entry(project).or_insert(next);
                if group == next {
                    groups.push(Vec::new());
                }
                last = Some((folder, group));
                group
            }
        };
        if let Some(members) = groups.get_mut(group) {
            members.push(index);
        }
    }
    // A project of many files is cut into one share per core: its process
    // variables are found once (on every core), and each share is checked
    // by a run of its own that takes them.
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let (large, small): (Vec<Vec<usize>>, Vec<Vec<usize>>) =
        groups.into_iter().partition(|group| cores >= 2 && group.len() >= SHARED_PROJECT_FILES);
    let mut reports = in_parallel(files, small.len(), |task| {
        let group = &small[task];
        let Some(&first) = group.first() else { return Vec::new() };
        let mut run = crate::eval::Run::for_file(&files[first], &files[first]);
        group.iter().map(|&index| (index, note(progress, resolve_file(&mut run, &files[index], options)))).collect()
    });
    for group in &large {
        for (index, report) in resolve_in_shares(files, group, cores, options, progress) {
            if let Some(slot) = reports.get_mut(index) {
                *slot = Some(report);
            }
        }
    }
    completed(files, reports)
}

/// The bytes of `file`'s path up to its last separator (none for a file of
/// the current folder): files with the same are in one folder (compared
/// without parsing the path into components).
fn folder_bytes(file: &Path) -> &[u8] {
    let bytes = file.as_os_str().as_encoded_bytes();
    bytes.iter().rposition(|&b| std::path::is_separator(char::from(b))).map_or(&[][..], |end| &bytes[..end])
}

/// From how many files a project's check is shared between cores.
const SHARED_PROJECT_FILES: usize = 256;

/// Checks the files `group` of one large project, cut into one share per
/// core, each on a thread with a run of its own. Every file is read and
/// parsed once: the shares parse their files and send the process variables
/// they assign; this thread adds those of the project's other files, and
/// hands the whole list back to every share, which then resolves its files.
fn resolve_in_shares(
    files: &[PathBuf],
    group: &[usize],
    cores: usize,
    options: RenderOptions,
    progress: Option<&Progress>,
) -> Vec<(usize, FileReport)> {
    use std::sync::{Arc, mpsc};
    let Some(&first) = group.first() else { return Vec::new() };
    // When every file of the project's sources is checked (`fourd check .`),
    // no other file has process variables to read.
    let sources = crate::eval::project_methods_folder(&files[first]).parent().map(Path::to_path_buf);
    let every_file = sources.as_deref().is_some_and(|sources| {
        sources.ends_with("Project/Sources") && {
            let mut all = Vec::new();
            crate::eval::run::method_files_under(sources, &mut all);
            let prefix = sources.as_os_str().as_encoded_bytes();
            all.len() == group.len()
                && group.iter().all(|&index| {
                    files[index].as_os_str().as_encoded_bytes().starts_with(prefix) || files[index].starts_with(sources)
                })
        }
    });
    let checked: rustc_hash::FxHashSet<PathBuf> = if every_file {
        rustc_hash::FxHashSet::default()
    } else {
        group.iter().map(|&index| crate::eval::run::sources_key(&files[index])).collect()
    };
    std::thread::scope(|scope| {
        let mut shares = Vec::new();
        let mut reports = Vec::new();
        for share in group.chunks(group.len().div_ceil(cores)) {
            let (names_out, names_in) = mpsc::channel::<Vec<String>>();
            let (all_out, all_in) = mpsc::channel::<Arc<Vec<String>>>();
            let spawned =
                std::thread::Builder::new().stack_size(syntax::DEEP_STACK_BYTES).spawn_scoped(scope, move || {
                    let Some(&first) = share.first() else { return Vec::new() };
                    let mut run = crate::eval::Run::for_file(&files[first], &files[first]);
                    // No prepass: each file is resolved with the names found so
                    // far, and again at the end if a name was missing then.
                    run.adopt_process_vars(&[]);
                    let (mut names, mut done, mut pending) = (Vec::new(), Vec::new(), Vec::new());
                    for &index in share {
                        let settled = parse_file(&mut run, &files[index], options).and_then(|file| {
                            names.extend(file.process_var_names());
                            match run.resolve_if_settled(file) {
                                Ok(diags) => Err(report(&diags, &run.sources, options)),
                                Err(file) => Ok(file),
                            }
                        });
                        match settled {
                            Ok(file) => pending.push((index, file)),
                            Err(report) => done.push((index, note(progress, report))),
                        }
                    }
                    let _ = names_out.send(names);
                    let all = all_in.recv().unwrap_or_default();
                    run.adopt_process_vars(&all);
                    for (index, file) in pending {
                        let diags = run.resolve_parsed(*file);
                        done.push((index, note(progress, report(&diags, &run.sources, options))));
                    }
                    done
                });
            match spawned {
                Ok(handle) => shares.push((handle, names_in, all_out)),
                // A share whose thread could not start is reported, never waited for.
                Err(_) => reports.extend(share.iter().map(|&index| {
                    let name = files[index].display().to_string();
                    (index, FileReport::failure(&name, "internal", format!("internal error while checking {name}")))
                })),
            }
        }
        // The project's files that are not checked are read meanwhile.
        let mut names = if every_file {
            Vec::new()
        } else {
            crate::eval::Run::for_file(&files[first], &files[first]).project_process_vars_except(&checked)
        };
        for (_, names_in, _) in &shares {
            names.extend(names_in.recv().unwrap_or_default());
        }
        let names = Arc::new(names);
        for (_, _, all_out) in &shares {
            let _ = all_out.send(Arc::clone(&names));
        }
        for (handle, ..) in shares {
            if let Ok(done) = handle.join() {
                reports.extend(done);
            }
        }
        reports
    })
}

/// Reads and parses one file of a run's project for [`resolve_in_shares`];
/// a file that cannot be read, or is not UTF-8, is reported at once.
fn parse_file(
    run: &mut crate::eval::Run,
    path: &Path,
    options: RenderOptions,
) -> Result<crate::eval::run::ParsedFile, FileReport> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path)
        .map_err(|error| FileReport::failure(&name, "io", format!("cannot read {name}: {error}")))?;
    let text = String::from_utf8(bytes).map_err(|error| check_bytes(&name, error.into_bytes(), options))?;
    Ok(run.parse_for_check(path, &name, text))
}

/// Runs `work` for tasks `0..tasks` on as many threads as there are cores,
/// each with a large stack; `work` returns reports by index in `files`, and
/// the reports come back in the order of `files` (none for a file no task
/// reported).
fn in_parallel(
    files: &[PathBuf],
    tasks: usize,
    work: impl Fn(usize) -> Vec<(usize, FileReport)> + Sync,
) -> Vec<Option<FileReport>> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).min(tasks.max(1));
    let next = AtomicUsize::new(0);
    let mut slots: Vec<Option<FileReport>> = (0..files.len()).map(|_| None).collect();
    std::thread::scope(|scope| {
        let mut handles = Vec::new();
        for _ in 0..workers {
            let (next, work) = (&next, &work);
            let spawned =
                std::thread::Builder::new().stack_size(syntax::DEEP_STACK_BYTES).spawn_scoped(scope, move || {
                    let mut done = Vec::new();
                    loop {
                        let task = next.fetch_add(1, Ordering::Relaxed);
                        if task >= tasks {
                            break;
                        }
                        done.extend(work(task));
                    }
                    done
                });
            if let Ok(handle) = spawned {
                handles.push(handle);
            }
        }
        for handle in handles {
            if let Ok(done) = handle.join() {
                for (index, report) in done {
                    slots[index] = Some(report);
                }
            }
        }
    });
    slots
}

/// The reports of `files`, a file without one reported as an internal error.
fn completed(files: &[PathBuf], slots: Vec<Option<FileReport>>) -> Vec<FileReport> {
    slots
        .into_iter()
        .zip(files)
        .map(|(slot, path)| {
            slot.unwrap_or_else(|| {
                let name = path.display().to_string();
                FileReport::failure(&name, "internal", format!("internal error while checking {name}"))
            })
        })
        .collect()
}

/// Checks one file of `run`'s project: syntax, then names.
pub fn resolve_file(run: &mut crate::eval::Run, path: &Path, options: RenderOptions) -> FileReport {
    match parse_file(run, path, options) {
        Ok(file) => {
            let diags = run.resolve_parsed(file);
            report(&diags, &run.sources, options)
        }
        Err(report) => report,
    }
}

/// Reads and parses one file.
pub fn check_file(path: &Path, options: RenderOptions) -> FileReport {
    let name = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => check_bytes(&name, bytes, options),
        Err(error) => FileReport::failure(&name, "io", format!("cannot read {name}: {error}")),
    }
}

/// Parses the bytes of one file named `name` and renders what it finds.
pub fn check_bytes(name: &str, bytes: Vec<u8>, options: RenderOptions) -> FileReport {
    let mut sources = SourceMap::new();
    let (text, not_utf8) = syntax::decode(bytes);
    // The source map keeps the one copy of the text.
    let id = sources.add(name, text);
    let text = sources.get(id).map(|source| std::sync::Arc::clone(&source.text)).unwrap_or_default();
    let diags = match not_utf8 {
        None => syntax::parse(id, &text).1,
        Some(diag) => vec![diag(id)],
    };
    report(&diags, &sources, options)
}

/// Counts, renders and locates the diagnostics of one file.
fn report(diags: &[Diagnostic], sources: &SourceMap, options: RenderOptions) -> FileReport {
    let mut report = FileReport { errors: 0, warnings: 0, rendered: String::new(), diagnostics: Vec::new() };
    for diag in diags {
        if diag.is_error() {
            report.errors += 1;
        } else {
            report.warnings += 1;
        }
        report.rendered.push_str(&render(diag, sources, options));
        report.diagnostics.push(FileDiagnostic::new(diag, sources));
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_escapes_messages_and_properties() {
        assert_eq!(github_data("100% a,b: c\r\nd"), "100%25 a,b: c%0D%0Ad");
        assert_eq!(github_property("100% a,b: c\r\nd"), "100%25 a%2Cb%3A c%0D%0Ad");
    }

    #[test]
    fn uris_are_encoded_and_absolute_paths_are_file_uris() {
        assert_eq!(uri("Project/Sources/Methods/my method,2.4dm"), "Project/Sources/Methods/my%20method%2C2.4dm");
        assert_eq!(uri("a:b/é.4dm"), "a%3Ab/%C3%A9.4dm");
        assert_eq!(uri("/srv/x.4dm"), "file:///srv/x.4dm");
        if cfg!(windows) {
            assert_eq!(uri("C:/x y.4dm"), "file:///C:/x%20y.4dm");
        }
    }

    #[test]
    fn portable_paths_are_relative_with_slashes() {
        assert_eq!(portable_path("./a/./b.4dm"), "a/b.4dm");
        assert_eq!(portable_path("../a/b.4dm"), "../a/b.4dm");
        assert_eq!(portable_path("/nowhere-fourd/b.4dm"), "/nowhere-fourd/b.4dm");
        if let Ok(cwd) = std::env::current_dir() {
            assert_eq!(portable_path(&cwd.join("x").join("y.4dm").display().to_string()), "x/y.4dm");
        }
    }
}
