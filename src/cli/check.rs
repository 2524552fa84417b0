//! `fourd check`: parse every `.4dm` file under the given paths, resolve the
//! names of every method (unless `--syntax-only`), and report.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::diag::{Diagnostic, RenderOptions, SourceMap, render};
use crate::syntax;

/// What checking one file found.
pub struct FileReport {
    pub errors: usize,
    pub warnings: usize,
    /// The rendered diagnostics.
    pub rendered: String,
}

/// Runs `fourd check PATH...`.
pub fn run(paths: &[PathBuf], syntax_only: bool) -> ExitCode {
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
    let options = RenderOptions { color: super::stderr_color(), ..RenderOptions::plain() };
    let reports = if syntax_only { check_files(&files, options) } else { resolve_files(&files, options) };
    let (mut with_errors, mut errors, mut warnings) = (0, 0, 0);
    for report in &reports {
        eprint!("{}", report.rendered);
        if report.errors > 0 {
            with_errors += 1;
        }
        errors += report.errors;
        warnings += report.warnings;
    }
    println!("{} files, {with_errors} with errors, {errors} errors, {warnings} warnings", files.len());
    if with_errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS }
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
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            collect_4dm_or_error(&entry, out)?;
        } else if entry.extension().is_some_and(|ext| ext.eq_ignore_ascii_case("4dm")) {
            out.push(entry);
        }
    }
    Ok(())
}

/// Checks files on as many threads as there are cores, each with a large stack;
/// the reports come back in the order of `files`.
pub fn check_files(files: &[PathBuf], options: RenderOptions) -> Vec<FileReport> {
    in_parallel(files, files.len(), |index| vec![(index, check_file(&files[index], options))])
}

/// Checks files with name resolution: the files of one project are checked
/// together on one thread (they share its methods and process variables),
/// projects in parallel; the reports come back in the order of `files`.
pub fn resolve_files(files: &[PathBuf], options: RenderOptions) -> Vec<FileReport> {
    let mut groups: std::collections::BTreeMap<PathBuf, Vec<usize>> = std::collections::BTreeMap::new();
    for (index, file) in files.iter().enumerate() {
        groups.entry(crate::eval::project_methods_folder(file)).or_default().push(index);
    }
    let groups: Vec<Vec<usize>> = groups.into_values().collect();
    in_parallel(files, groups.len(), |task| {
        let group = &groups[task];
        let Some(&first) = group.first() else { return Vec::new() };
        let mut run = crate::eval::Run::for_file(&files[first], &files[first]);
        group.iter().map(|&index| (index, resolve_file(&mut run, &files[index], options))).collect()
    })
}

/// Runs `work` for tasks `0..tasks` on as many threads as there are cores,
/// each with a large stack; `work` returns reports by index in `files`, and
/// the reports come back in the order of `files`.
fn in_parallel(
    files: &[PathBuf],
    tasks: usize,
    work: impl Fn(usize) -> Vec<(usize, FileReport)> + Sync,
) -> Vec<FileReport> {
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
        .into_iter()
        .zip(files)
        .map(|(slot, path)| {
            slot.unwrap_or_else(|| FileReport {
                errors: 1,
                warnings: 0,
                rendered: format!("error: internal error while checking {}\n", path.display()),
            })
        })
        .collect()
}

/// Checks one file of `run`'s project: syntax, then names.
pub fn resolve_file(run: &mut crate::eval::Run, path: &Path, options: RenderOptions) -> FileReport {
    let name = path.display().to_string();
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) => {
            return FileReport { errors: 1, warnings: 0, rendered: format!("error: cannot read {name}: {error}\n") };
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => return check_bytes(&name, error.into_bytes(), options),
    };
    let diags = run.check_source(path, &name, text);
    report(&diags, &run.sources, options)
}

/// Reads and parses one file.
pub fn check_file(path: &Path, options: RenderOptions) -> FileReport {
    let name = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => check_bytes(&name, bytes, options),
        Err(error) => FileReport { errors: 1, warnings: 0, rendered: format!("error: cannot read {name}: {error}\n") },
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

/// Counts and renders the diagnostics of one file.
fn report(diags: &[Diagnostic], sources: &SourceMap, options: RenderOptions) -> FileReport {
    let mut report = FileReport { errors: 0, warnings: 0, rendered: String::new() };
    for diag in diags {
        if diag.is_error() {
            report.errors += 1;
        } else {
            report.warnings += 1;
        }
        report.rendered.push_str(&render(diag, sources, options));
    }
    report
}
