//! The README's commands, run as written. Each ```` ```console ```` block of
//! `README.md` is a terminal transcript: a line `$ COMMAND`, then what the
//! terminal shows (standard output and standard error, as they come). Each
//! command runs in `sh`, in a scratch copy of the repository's `scripts/`
//! and `examples/` folders, with the `fourd` under test first on the PATH,
//! and what it shows must be what the README shows. In the README's text,
//! `[..]` stands for any text within a line, and a line `...` for any
//! number of lines. The `cargo` commands of the README (build, install,
//! test) are run by CI itself, in plain blocks.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use libtest_mimic::{Failed, Trial};

/// One command of a transcript, with where it is in the README.
struct Example {
    line: usize,
    command: String,
    expected: Vec<String>,
}

pub fn trials() -> Vec<Trial> {
    let readme = match std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")) {
        Ok(text) => text,
        Err(e) => return vec![Trial::test("readme/readable", move || Err(format!("README.md: {e}").into()))],
    };
    let examples = examples(&readme);
    let count = examples.len();
    let mut trials: Vec<Trial> = examples
        .into_iter()
        .map(|example| Trial::test(format!("readme/line_{}", example.line), move || run(&example)))
        .collect();
    trials.push(Trial::test("readme/matcher", matcher_can_fail));
    // A README whose transcripts were all lost would pass unnoticed.
    trials.push(Trial::test("readme/has_transcripts", move || {
        if count >= 10 { Ok(()) } else { Err(format!("only {count} commands in console blocks").into()) }
    }));
    trials
}

/// The commands of the README's console blocks.
fn examples(readme: &str) -> Vec<Example> {
    let mut examples: Vec<Example> = Vec::new();
    let mut in_console = false;
    for (index, line) in readme.lines().enumerate() {
        if line.starts_with("```") {
            in_console = !in_console && line.trim() == "```console";
            continue;
        }
        if !in_console {
            continue;
        }
        if let Some(command) = line.strip_prefix("$ ") {
            examples.push(Example { line: index + 1, command: command.to_string(), expected: Vec::new() });
        } else if let Some(example) = examples.last_mut() {
            example.expected.push(line.to_string());
        }
    }
    examples
}

/// A folder holding a `fourd` that is the binary under test.
fn bin_folder() -> Result<&'static Path, String> {
    static FOLDER: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    FOLDER
        .get_or_init(|| {
            let folder = std::env::temp_dir().join(format!("fourd-readme-bin-{}", std::process::id()));
            std::fs::create_dir_all(&folder).map_err(|e| e.to_string())?;
            let link = folder.join("fourd");
            let _ = std::fs::remove_file(&link);
            std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_fourd"), &link).map_err(|e| e.to_string())?;
            Ok(folder)
        })
        .as_ref()
        .map(PathBuf::as_path)
        .map_err(Clone::clone)
}

fn run(example: &Example) -> Result<(), Failed> {
    let bin = bin_folder()?;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let scratch = std::env::temp_dir().join(format!("fourd-readme-{}-{}", std::process::id(), example.line));
    let _ = std::fs::remove_dir_all(&scratch);
    for folder in ["scripts", "examples"] {
        copy_tree(&root.join(folder), &scratch.join(folder)).map_err(|e| format!("copying {folder}: {e}"))?;
    }
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let output = Command::new("sh")
        .arg("-c")
        .arg(format!("exec 2>&1; {}", example.command))
        .current_dir(&scratch)
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .env_remove("FOURD_HISTORY")
        .output();
    let _ = std::fs::remove_dir_all(&scratch);
    let output = output.map_err(|e| format!("cannot run sh: {e}"))?;
    let shown = String::from_utf8_lossy(&output.stdout);
    let shown: Vec<&str> = shown.lines().collect();
    if matches(&example.expected, &shown) {
        Ok(())
    } else {
        Err(format!(
            "README.md:{}: `{}` shows:\n{}\n--- the README says:\n{}",
            example.line,
            example.command,
            shown.join("\n"),
            example.expected.join("\n")
        )
        .into())
    }
}

/// Whether the lines shown are the lines expected (with `[..]` and `...`).
fn matches(expected: &[String], shown: &[&str]) -> bool {
    match expected.split_first() {
        None => shown.is_empty(),
        Some((first, rest)) if first == "..." => (0..=shown.len()).any(|skip| matches(rest, &shown[skip..])),
        Some((first, rest)) => {
            shown.split_first().is_some_and(|(line, others)| line_matches(first, line) && matches(rest, others))
        }
    }
}

/// Whether one line matches its expectation, where `[..]` is any text.
fn line_matches(expected: &str, line: &str) -> bool {
    let mut parts = expected.split("[..]");
    let Some(head) = parts.next() else { return expected == line };
    let Some(mut rest) = line.strip_prefix(head) else { return false };
    let parts: Vec<&str> = parts.collect();
    for (index, part) in parts.iter().enumerate() {
        if index + 1 == parts.len() {
            return rest.ends_with(part);
        }
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.is_empty()
}

fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// The matcher tells lines apart, and its wildcards match what they should.
fn matcher_can_fail() -> Result<(), Failed> {
    let lines = |text: &str| text.lines().map(String::from).collect::<Vec<_>>();
    let cases = [
        ("a\nb", "a\nb", true),
        ("a\nb", "a\nc", false),
        ("a", "a\nb", false),
        ("a\n...", "a\nb\nc", true),
        ("...\nc", "a\nb\nc", true),
        ("...\nd", "a\nb\nc", false),
        ("fourd [..] ([..])", "fourd 0.1.0 (abc)", true),
        ("fourd [..] ([..])", "fourd 0.1.0 abc", false),
        ("x[..]", "x", true),
    ];
    for (expected, shown, want) in cases {
        let shown: Vec<&str> = shown.lines().collect();
        if matches(&lines(expected), &shown) != want {
            return Err(format!("{expected:?} against {shown:?} should be {want}").into());
        }
    }
    Ok(())
}
