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
    let tests: String = crate::golden::eval_files()
        .iter()
        .map(|path| std::fs::read_to_string(path).unwrap_or_default().to_lowercase())
        .collect();
    for spec in fourd::commands::table::COMMANDS {
        if !tests.contains(&spec.name.to_lowercase()) {
            problems.push(format!("`{}` ({}) has no golden test in tests/golden/", spec.name, spec.number));
        }
    }
    report(problems)
}
