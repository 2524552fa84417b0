//! Tidy checks: every module is documented and the layers of ARCHITECTURE.md hold.
//!
//! A layer may use only the layers below it:
//! `cli` > `web` > `eval` > `commands` > `session` > `runtime` | `syntax` > `diag` | `names`
//! (so `session` may use `runtime`, `diag` and `names`, and is used by `commands`,
//! `eval`, `web` and `cli`). Every module under `src/` must have its row in
//! [`FORBIDDEN`], so that a new layer cannot escape the check.

use std::path::{Path, PathBuf};

use libtest_mimic::{Failed, Trial};

pub fn trials() -> Vec<Trial> {
    vec![
        Trial::test("tidy/module_docs", module_docs),
        Trial::test("tidy/layers", layers),
        Trial::test("tidy/every_layer_has_rules", every_layer_has_rules),
        Trial::test("tidy/pest_stays_in_syntax", pest_stays_in_syntax),
        Trial::test("tidy/printing_only_in_cli", printing_only_in_cli),
        Trial::test("tidy/command_table", command_table),
        Trial::test("tidy/walker_does_not_import_processes", walker_does_not_import_processes),
        Trial::test("tidy/member_names_only_in_member_tables", member_names_only_in_member_tables),
        Trial::test("tidy/no_file_over_1200_lines", no_file_over_1200_lines),
        Trial::test("tidy/helpers_are_not_cases", helpers_are_not_cases),
    ]
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`, with its path relative to `src/` and its text.
fn sources(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(src()).unwrap_or(&path).display().to_string();
                out.push((rel, std::fs::read_to_string(&path).unwrap_or_default()));
            }
        }
    }
    out.sort();
    out
}

/// The layer a file belongs to: the first component of its path under `src/`.
fn layer(rel: &str) -> &str {
    let first = rel.split(['/', '\\']).next().unwrap_or(rel);
    first.strip_suffix(".rs").unwrap_or(first)
}

fn report(problems: Vec<String>) -> Result<(), Failed> {
    if problems.is_empty() { Ok(()) } else { Err(problems.join("\n").into()) }
}

fn module_docs() -> Result<(), Failed> {
    let problems = sources(&src())
        .into_iter()
        .filter(|(_, text)| !text.trim_start().starts_with("//!"))
        .map(|(rel, _)| format!("{rel}: does not start with a `//!` module comment"))
        .collect();
    report(problems)
}

/// For each layer, the crate modules it must not use.
const FORBIDDEN: &[(&str, &[&str])] = &[
    ("names", &["diag", "syntax", "runtime", "session", "commands", "eval", "web", "cli"]),
    ("diag", &["syntax", "runtime", "session", "commands", "eval", "web", "cli"]),
    ("syntax", &["runtime", "session", "commands", "eval", "web", "cli"]),
    ("runtime", &["syntax", "session", "commands", "eval", "web", "cli"]),
    ("session", &["syntax", "commands", "eval", "web", "cli"]),
    ("commands", &["syntax", "eval", "web", "cli"]),
    ("eval", &["web", "cli"]),
    ("web", &["cli"]),
];

fn layers() -> Result<(), Failed> {
    let mut problems = Vec::new();
    for (rel, text) in sources(&src()) {
        let own = layer(&rel);
        let Some((_, forbidden)) = FORBIDDEN.iter().find(|(l, _)| *l == own) else { continue };
        for module in *forbidden {
            if text.contains(&format!("crate::{module}")) {
                problems.push(format!("{rel}: layer `{own}` uses `crate::{module}`"));
            }
        }
    }
    report(problems)
}

/// Every top-level module under `src/` (but `cli`, which may use everything,
/// and the crate roots) has its row in [`FORBIDDEN`].
fn every_layer_has_rules() -> Result<(), Failed> {
    let mut layers: Vec<String> = sources(&src()).iter().map(|(rel, _)| layer(rel).to_string()).collect();
    layers.sort();
    layers.dedup();
    let problems = layers
        .into_iter()
        .filter(|own| !["lib", "main", "cli"].contains(&own.as_str()))
        .filter(|own| !FORBIDDEN.iter().any(|(l, _)| l == own))
        .map(|own| format!("src/{own}: a layer with no row in tidy.rs's FORBIDDEN table"))
        .collect();
    report(problems)
}

fn pest_stays_in_syntax() -> Result<(), Failed> {
    let problems = sources(&src())
        .into_iter()
        .filter(|(rel, text)| layer(rel) != "syntax" && (text.contains("pest::") || text.contains("pest_derive")))
        .map(|(rel, _)| format!("{rel}: names pest outside `syntax`"))
        .collect();
    report(problems)
}

fn printing_only_in_cli() -> Result<(), Failed> {
    let problems = sources(&src())
        .into_iter()
        .filter(|(rel, _)| layer(rel) != "cli")
        .filter(|(_, text)| ["println!", "eprintln!", "print!(", "eprint!("].iter().any(|m| text.contains(m)))
        .map(|(rel, _)| format!("{rel}: prints outside `cli`"))
        .collect();
    report(problems)
}

/// The command table: numbers and names unique, and every command used by at
/// least one evaluation golden test under `tests/golden/` (a case or a helper
/// method of an area: `core/`, `text/`...).
fn command_table() -> Result<(), Failed> {
    use std::collections::HashSet;
    let mut problems = Vec::new();
    let (mut numbers, mut names) = (HashSet::new(), HashSet::new());
    for spec in fourd::commands::table::COMMANDS {
        if !numbers.insert(spec.number) {
            problems.push(format!("command number {} appears twice", spec.number));
        }
        if !names.insert(fourd::names::normalize(spec.name)) {
            problems.push(format!("command name {} appears twice", spec.name));
        }
    }
    // The web commands are tested by the projects of `web/`, served by `fourd serve`.
    let mut files = crate::golden::eval_files();
    fourd::cli::check::collect_4dm(&crate::golden::root().join("web"), &mut files);
    let tests: String =
        files.iter().map(|path| code_only(&std::fs::read_to_string(path).unwrap_or_default().to_lowercase())).collect();
    for spec in fourd::commands::table::COMMANDS {
        if !calls(&tests, &spec.name.to_lowercase()) {
            problems.push(format!("`{}` ({}) has no golden test in tests/golden/", spec.name, spec.number));
        }
    }
    report(problems)
}

/// 4D code without its comments and the contents of its text literals, so
/// that a command named only in a comment or a text is not taken for a call.
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let (mut in_text, mut block_depth) = (false, 0usize);
    while let Some(c) = chars.next() {
        match c {
            _ if block_depth > 0 => {
                if c == '*' && chars.peek() == Some(&'/') {
                    chars.next();
                    block_depth -= 1;
                } else if c == '/' && chars.peek() == Some(&'*') {
                    chars.next();
                    block_depth += 1;
                }
            }
            '"' => {
                in_text = !in_text;
                out.push('"');
            }
            '\\' if in_text => {
                chars.next();
            }
            '\n' => {
                in_text = false;
                out.push('\n');
            }
            _ if in_text => {}
            '/' if chars.peek() == Some(&'/') => {
                while chars.peek().is_some_and(|&c| c != '\n') {
                    chars.next();
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                block_depth += 1;
            }
            _ => out.push(c),
        }
    }
    out
}

/// Whether `code` names the command `name` as a whole (not inside a longer word).
fn calls(code: &str, name: &str) -> bool {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    code.match_indices(name)
        .any(|(at, _)| !word(code[..at].chars().next_back()) && !word(code[at + name.len()..].chars().next()))
}

/// Helper methods (named with a capital letter) are never cases: they have
/// no expectations beside them.
fn helpers_are_not_cases() -> Result<(), Failed> {
    let problems = crate::golden::eval_files()
        .into_iter()
        .filter(|f| f.file_stem().and_then(|s| s.to_str()).is_some_and(|s| s.starts_with(char::is_uppercase)))
        .filter(|f| f.with_extension("out").exists() || f.with_extension("err").exists())
        .map(|f| {
            format!(
                "{}: a helper method (capital initial) with expectations; a case's name starts in lower case",
                f.display()
            )
        })
        .collect();
    report(problems)
}

/// The walker (`src/eval/exec/`) reaches other processes only through the
/// process boundary (`eval/control.rs`, `eval/portable.rs`), never through
/// `eval/processes.rs`, which implements that boundary on threads.
fn walker_does_not_import_processes() -> Result<(), Failed> {
    let problems = sources(&src().join("eval").join("exec"))
        .into_iter()
        .filter(|(_, text)| text.contains("processes::"))
        .map(|(rel, _)| format!("{rel}: the walker uses `eval::processes` (use `eval::control`)"))
        .collect();
    report(problems)
}

/// A member function's name is matched only by its row in a member table
/// (`commands::members` and the tables of collections and sessions): no
/// `"name" =>` arm, `== "name"` test or list of names elsewhere.
fn member_names_only_in_member_tables() -> Result<(), Failed> {
    use fourd::commands::members::ReceiverKind;
    let tables = ["commands/members.rs", "commands/collections/mod.rs", "commands/sessions.rs"];
    let mut names: Vec<&str> = ReceiverKind::ALL.iter().flat_map(|k| k.rows()).map(|row| row.0).collect();
    names.sort_unstable();
    names.dedup();
    let mut problems = Vec::new();
    for (rel, text) in sources(&src()) {
        // Where values are dispatched on (the syntax layer has keywords such as `Function query`).
        if tables.contains(&rel.as_str()) || !["eval", "commands", "runtime", "session"].contains(&layer(&rel)) {
            continue;
        }
        for name in &names {
            let quoted = format!("\"{name}\"");
            let matched =
                [format!("{quoted} =>"), format!("{quoted} |"), format!("| {quoted}"), format!("== {quoted}")]
                    .iter()
                    .any(|pattern| text.contains(pattern.as_str()))
                    || text.contains(&format!("&[{quoted},"))
                    || text.contains(&format!("    {quoted},\n"));
            if matched {
                problems.push(format!("{rel}: matches the member name {quoted} outside the member tables"));
            }
        }
    }
    report(problems)
}

/// No file of code over 1,200 lines, but for data tables (the catalogue of
/// every 4D command name and number).
fn no_file_over_1200_lines() -> Result<(), Failed> {
    const DATA: &[&str] = &["commands/catalog.rs"];
    let problems = sources(&src())
        .into_iter()
        .filter(|(rel, text)| !DATA.contains(&rel.as_str()) && text.lines().count() > 1200)
        .map(|(rel, text)| format!("{rel}: {} lines (split it by concern)", text.lines().count()))
        .collect();
    report(problems)
}
