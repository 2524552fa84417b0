//! Golden files under `tests/golden/`: one trial per `.4dm` file.
//!
//! In `syntax/`, a case compares the AST dump with `NAME.ast` and the rendered
//! diagnostics with `NAME.err` (no `.err` means no diagnostic is expected). A
//! missing expectation is written and the trial fails; `UPDATE_GOLDEN=1`
//! rewrites every expectation of the selected trials.
//!
//! Every other folder but `check/` and `repl/` is an area of evaluation cases
//! (`core/`, `text/`, `processes/`...): a case is run by `fourd run`, as
//! `fourd test` runs it, and named `AREA/CASE`.

use std::path::{Path, PathBuf};

use fourd::diag::{RenderOptions, SourceMap, render};
use libtest_mimic::{Failed, Trial};

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("golden")
}

pub fn trials() -> Vec<Trial> {
    let mut files = Vec::new();
    fourd::cli::check::collect_4dm(&root().join("syntax"), &mut files);
    let mut trials: Vec<Trial> = files
        .into_iter()
        .map(|path| {
            let name = path.strip_prefix(root()).unwrap_or(&path).with_extension("").display().to_string();
            Trial::test(name, move || on_big_stack(move || syntax_case(&path)))
        })
        .collect();
    for path in eval_files() {
        // A helper method is named like a method, with a capital letter, and
        // is never a case (tidy checks it has no expectations); every other
        // `.4dm` is a case, whose missing expectations are written and fail it.
        if path.file_stem().and_then(|s| s.to_str()).is_some_and(|s| s.starts_with(char::is_uppercase)) {
            continue;
        }
        let name = path.strip_prefix(root()).unwrap_or(&path).with_extension("").display().to_string();
        trials.push(Trial::test(name, move || run_case(&path)));
    }
    let mut files = Vec::new();
    fourd::cli::check::collect_4dm(&root().join("check"), &mut files);
    trials.extend(files.into_iter().map(|path| {
        let name = path.strip_prefix(root()).unwrap_or(&path).with_extension("").display().to_string();
        Trial::test(name, move || on_big_stack(move || check_case(&path)))
    }));
    trials.extend(repl_files().into_iter().map(|path| {
        let name = path.strip_prefix(root()).unwrap_or(&path).with_extension("").display().to_string();
        Trial::test(name, move || on_big_stack(move || repl_case(&path)))
    }));
    let scripts = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts");
    let mut files = Vec::new();
    fourd::cli::check::collect_4dm(&scripts, &mut files);
    trials.extend(files.into_iter().map(|path| {
        let name = format!("scripts/{}", path.file_stem().map(|s| s.to_string_lossy()).unwrap_or_default());
        Trial::test(name, move || script_parses(&path))
    }));
    trials
}

/// The folders of `tests/golden/` that are not areas of evaluation cases.
const NOT_EVAL: [&str; 4] = ["syntax", "check", "repl", "web"];

/// The areas of evaluation cases: every folder of `tests/golden/` but
/// `syntax/`, `check/`, `repl/` and `web/` (`fourd serve`, in `web.rs`), in name order.
pub fn eval_areas() -> Vec<PathBuf> {
    let mut areas: Vec<PathBuf> = std::fs::read_dir(root())
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_dir() && p.file_name().is_some_and(|n| !NOT_EVAL.iter().any(|x| n == *x)))
                .collect()
        })
        .unwrap_or_default();
    areas.sort();
    areas
}

/// The method files of the evaluation areas, cases and helpers, at any depth;
/// the class files (in `Classes/` folders) are not among them.
pub fn eval_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for area in eval_areas() {
        fourd::cli::check::collect_4dm(&area, &mut files);
    }
    files.retain(|f| f.parent().and_then(Path::file_name).is_none_or(|n| n != "Classes"));
    files
}

/// Runs a test case exactly as `fourd test` does (the `fourd` binary in a
/// child process, then the same comparison); `UPDATE_GOLDEN=1` blesses it.
fn run_case(path: &Path) -> Result<(), Failed> {
    use fourd::cli::test;
    let timeout = std::time::Duration::from_secs(60);
    let run = run_binary(path, timeout)?;
    if blessing() {
        return test::bless(path, &run).map_err(|e| e.to_string().into());
    }
    if !path.with_extension("out").exists() && !path.with_extension("err").exists() {
        test::bless(path, &run).map_err(|e| e.to_string())?;
        return Err(format!("{} had no expectations; written, check them", path.display()).into());
    }
    match test::judge(path, &run, timeout) {
        None => Ok(()),
        Some(report) => Err(report.into()),
    }
}

/// `fourd check` with name resolution: every file of `check/` is checked in
/// the project of its folder; this case's diagnostics are compared with
/// `NAME.err` (no `.err` means none are expected).
fn check_case(path: &Path) -> Result<(), Failed> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut run = fourd::eval::Run::for_file(path, path);
    // The sibling methods are checked first, as `fourd check FOLDER` does.
    let mut files = Vec::new();
    fourd::cli::check::collect_4dm(dir, &mut files);
    let mut rendered = String::new();
    for file in &files {
        // Files are named without their folder, so that messages wrap the same in any clone.
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let text = std::fs::read_to_string(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let diags = run.check_source(file, &name, text);
        if file == path {
            rendered = diags.iter().map(|d| render(d, &run.sources, RenderOptions::plain())).collect();
        }
    }
    let expected = path.with_extension("err");
    if rendered.is_empty() && !expected.exists() {
        return Ok(());
    }
    expect_file(&expected, &rendered)
}

/// The REPL transcripts: `repl/NAME.repl`, the lines typed.
fn repl_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("repl"))
        .map(|entries| {
            entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "repl")).collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// Feeds `NAME.repl` to the REPL core, line by line, with the `.4dm` files
/// of its folder as the project's methods; the transcript (prompts, lines,
/// output and plain diagnostics) is compared with `NAME.out`.
fn repl_case(path: &Path) -> Result<(), Failed> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let input = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    // Files are named without their folder, so that messages are the same in any clone.
    let mut run = fourd::eval::Run::for_folder(dir, Path::new(""));
    let transcript = fourd::eval::repl::transcript(&mut run, &input);
    expect_file(&path.with_extension("out"), &transcript)
}

/// Runs a method file with the `fourd` binary, from its own folder.
fn run_binary(path: &Path, timeout: std::time::Duration) -> Result<fourd::cli::test::RunResult, Failed> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = PathBuf::from(path.file_name().unwrap_or_default());
    fourd::cli::test::run_case(Path::new(env!("CARGO_BIN_EXE_fourd")), dir, &name, timeout)
        .map_err(|e| format!("cannot run fourd: {e}").into())
}

/// Every example program in `scripts/` is clean under `fourd check` and runs
/// to its end, printing something.
fn script_parses(path: &Path) -> Result<(), Failed> {
    let report = fourd::cli::check::check_file(path, RenderOptions::plain());
    if report.errors + report.warnings > 0 {
        return Err(report.rendered.into());
    }
    // Class files and helper methods (capitalised, as methods are named) are
    // checked; the scripts themselves also run.
    let in_classes = path.parent().and_then(Path::file_name).is_some_and(|f| f == "Classes");
    let helper = path.file_stem().and_then(|s| s.to_str()).is_some_and(|s| s.starts_with(char::is_uppercase));
    if in_classes || helper {
        return Ok(());
    }
    let run = run_binary(path, std::time::Duration::from_secs(60))?;
    if run.status == Some(0) && !run.stdout.is_empty() {
        Ok(())
    } else {
        Err(format!("the script failed:\n{}", run.stderr).into())
    }
}

/// Runs a case on a thread with the stack fourd gives its own work, so that
/// deeply nested cases behave as they do in the `fourd` binary.
pub fn on_big_stack(case: impl FnOnce() -> Result<(), Failed> + Send + 'static) -> Result<(), Failed> {
    fourd::syntax::on_deep_stack(case).unwrap_or_else(|| Err("the case panicked".into()))
}

fn blessing() -> bool {
    std::env::var_os("UPDATE_GOLDEN").is_some()
}

/// Compares `actual` with the file at `path`, or writes it when missing or blessing.
pub fn expect_file(path: &Path, actual: &str) -> Result<(), Failed> {
    match std::fs::read_to_string(path) {
        Ok(expected) if !blessing() => {
            if expected == actual {
                Ok(())
            } else {
                Err(format!("{} differs:\n{}", path.display(), fourd::cli::test::diff(&expected, actual)).into())
            }
        }
        Ok(_) => write(path, actual),
        Err(_) => {
            write(path, actual)?;
            if blessing() { Ok(()) } else { Err(format!("{} was missing; written, check it", path.display()).into()) }
        }
    }
}

fn write(path: &Path, text: &str) -> Result<(), Failed> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()).into())
}

fn syntax_case(path: &Path) -> Result<(), Failed> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let mut sources = SourceMap::new();
    let id = sources.add(file_name, text.as_str());
    let (method, diags) = fourd::syntax::parse(id, &text);
    let rendered: String = diags.iter().map(|d| render(d, &sources, RenderOptions::plain())).collect();
    let ast_path = path.with_extension("ast");
    let err_path = path.with_extension("err");
    let dump = fourd::syntax::dump::dump(&method, &text);
    let mut result = Ok(());
    if ast_path.exists() || diags.is_empty() {
        result = expect_file(&ast_path, &dump);
    }
    if err_path.exists() || !rendered.is_empty() {
        let checked = expect_file(&err_path, &rendered);
        result = result.and(checked);
    }
    result
}
