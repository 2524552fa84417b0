//! `fourd check --format human|json|github|sarif` on the real binary: a folder
//! with a syntax error (after two-byte characters, so that columns count
//! characters), a warning (in a file whose name has a comma) and an unknown
//! name; each format's output is compared with what it must be, exactly.

use std::path::{Path, PathBuf};
use std::process::Command;

use libtest_mimic::{Failed, Trial};
use serde_json::{Value, json};

pub fn trials() -> Vec<Trial> {
    vec![
        Trial::test("cli/check_format_json", check_format_json),
        Trial::test("cli/check_format_github", check_format_github),
        Trial::test("cli/check_format_sarif", check_format_sarif),
        Trial::test("cli/check_format_sarif_valid_against_schema", check_format_sarif_valid_against_schema),
        // Needs xmllint (CI installs it): said, not passed, when it is missing.
        if has_xmllint() {
            Trial::test("cli/test_junit_valid_against_xsd", test_junit_valid_against_xsd)
        } else {
            Trial::test("cli/test_junit_valid_against_xsd (skipped: no xmllint)", test_junit_valid_against_xsd)
                .with_ignored_flag(true)
        },
        Trial::test("cli/check_format_human_unchanged", check_format_human_unchanged),
        Trial::test("cli/ci_recipes_run_their_fourd_commands", ci_recipes_run_their_fourd_commands),
    ]
}

/// The CI recipes in `examples/ci/` work as written: each `fourd` command
/// they run is run on a small project with one golden test (it passes, and
/// the JUnit report is written), then the GitHub check on a faulty file
/// fails with an annotation.
fn ci_recipes_run_their_fourd_commands() -> Result<(), Failed> {
    let recipes = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/ci");
    let mut commands = Vec::new();
    for file in ["github-actions.yml", "gitlab-ci.yml"] {
        let text = std::fs::read_to_string(recipes.join(file)).map_err(|e| format!("{file}: {e}"))?;
        let found: Vec<String> = text
            .lines()
            .filter_map(|line| {
                let line = line.trim();
                line.strip_prefix("run: fourd ").or_else(|| line.strip_prefix("- fourd ")).map(str::to_string)
            })
            .collect();
        if found.len() != 2 {
            return Err(format!("{file}: expected two fourd commands, found {found:?}").into());
        }
        commands.extend(found);
    }
    let dir = std::env::temp_dir().join(format!("fourd-ci-recipes-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let io = |e: std::io::Error| Failed::from(e.to_string());
    std::fs::create_dir_all(&dir).map_err(io)?;
    let folder = Folder(dir.clone());
    std::fs::write(dir.join("hello.4dm"), "ALERT(\"hello\")\n").map_err(io)?;
    std::fs::write(dir.join("hello.out"), "hello\n").map_err(io)?;
    let fourd = |args: &str| {
        Command::new(env!("CARGO_BIN_EXE_fourd"))
            .args(args.split_whitespace())
            .current_dir(&folder.0)
            .output()
            .map_err(|e| Failed::from(e.to_string()))
    };
    for command in &commands {
        let _ = std::fs::remove_file(dir.join("fourd-tests.xml"));
        let output = fourd(command)?;
        if !output.status.success() {
            return Err(format!("`fourd {command}` failed: {}", String::from_utf8_lossy(&output.stderr)).into());
        }
        if command.contains("--junit") {
            let report = std::fs::read_to_string(dir.join("fourd-tests.xml")).unwrap_or_default();
            if !report.contains("tests=\"1\" failures=\"0\"") {
                return Err(format!("`fourd {command}` wrote {report:?}").into());
            }
        }
    }
    std::fs::write(dir.join("broken.4dm"), "If (True)\n").map_err(io)?;
    let github = commands.iter().find(|c| c.contains("--format github")).ok_or("no GitHub check")?;
    let output = fourd(github)?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    if output.status.code() != Some(1) || !stdout.starts_with("::error file=broken.4dm,line=1") {
        return Err(format!("`fourd {github}` on a faulty file: exit {:?}, {stdout}", output.status.code()).into());
    }
    Ok(())
}

/// The summary of the sample folder: on standard error for the
/// machine-readable formats, on standard output for `human`.
const SUMMARY: &str = "3 files, 2 with errors, 2 errors, 1 warnings\n";

/// A temporary folder, removed when dropped.
struct Folder(PathBuf);

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The three files, in a folder of their own.
fn sample(name: &str) -> Result<Folder, Failed> {
    let dir = std::env::temp_dir().join(format!("fourd-formats-{}-{name}", std::process::id()));
    let io = |e: std::io::Error| Failed::from(format!("{}: {e}", dir.display()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(io)?;
    let folder = Folder(dir.clone());
    // The statement ends inside the parenthesis: line 2, column 13 (the tab and `日本` count one each).
    std::fs::write(dir.join("bad.4dm"), "If (True)\n\t$t:=\"日本\"+(1\nEnd if\n").map_err(io)?;
    std::fs::write(dir.join("odd,name.4dm"), "//%attributes = {oops\nvar $y : Integer\n$y:=1\n").map_err(io)?;
    std::fs::write(dir.join("typo.4dm"), "var $n : Integer\n$n:=Lenght(\"abc\")\n").map_err(io)?;
    Ok(folder)
}

/// Runs `fourd check ARGS .` in `dir`: exit status, standard output, standard error.
fn check(dir: &Path, args: &[&str]) -> Result<(Option<i32>, String, String), Failed> {
    let output = Command::new(env!("CARGO_BIN_EXE_fourd"))
        .arg("check")
        .args(args)
        .arg(".")
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .map_err(|e| e.to_string())?;
    let text = |bytes: &[u8]| String::from_utf8(bytes.to_vec()).map_err(|e| Failed::from(e.to_string()));
    Ok((output.status.code(), text(&output.stdout)?, text(&output.stderr)?))
}

/// Exit 1 (files have errors) and nothing but the summary on standard error.
fn expect_status_and_summary(code: Option<i32>, stdout: &str, stderr: &str) -> Result<(), Failed> {
    if code != Some(1) || stderr != SUMMARY {
        return Err(format!("exit {code:?}, stderr {stderr:?}, stdout:\n{stdout}").into());
    }
    Ok(())
}

fn check_format_json() -> Result<(), Failed> {
    let folder = sample("json")?;
    let (code, stdout, stderr) = check(&folder.0, &["--format", "json"])?;
    expect_status_and_summary(code, &stdout, &stderr)?;
    let want = [
        json!({"file": "bad.4dm", "line": 2, "column": 13, "end_line": 2, "end_column": 13,
            "severity": "error", "code": "syntax", "message": "unexpected end of the statement",
            "help": null, "label": "expected an operator, `(` or `)`"}),
        json!({"file": "odd,name.4dm", "line": 1, "column": 1, "end_line": 1, "end_column": 22,
            "severity": "warning", "code": "syntax",
            "message": "the `//%attributes` line does not hold a JSON object",
            "help": "4D writes it as `//%attributes = {\"invisible\":true}`", "label": null}),
        json!({"file": "typo.4dm", "line": 2, "column": 5, "end_line": 2, "end_column": 18,
            "severity": "error", "code": "resolve", "message": "unknown name `Lenght`",
            "help": "did you mean `Length`?",
            "label": "not a variable, a project method or a command fourd supports"}),
    ];
    let lines: Vec<&str> = stdout.lines().collect();
    if lines.len() != want.len() || !stdout.ends_with('\n') {
        return Err(format!("expected {} lines, got:\n{stdout}", want.len()).into());
    }
    for (line, want) in lines.iter().zip(&want) {
        let got: Value = serde_json::from_str(line).map_err(|e| format!("not JSON ({e}): {line}"))?;
        if got != *want {
            return Err(format!("got  {got}\nwant {want}").into());
        }
    }
    Ok(())
}

fn check_format_github() -> Result<(), Failed> {
    let folder = sample("github")?;
    let (code, stdout, stderr) = check(&folder.0, &["--format", "github"])?;
    expect_status_and_summary(code, &stdout, &stderr)?;
    let want = concat!(
        "::error file=bad.4dm,line=2,col=13,endLine=2,endColumn=13,title=syntax error",
        "::unexpected end of the statement%0Aexpected an operator, `(` or `)`\n",
        "::warning file=odd%2Cname.4dm,line=1,col=1,endLine=1,endColumn=22,title=syntax warning",
        "::the `//%25attributes` line does not hold a JSON object",
        "%0Ahelp: 4D writes it as `//%25attributes = {\"invisible\":true}`\n",
        "::error file=typo.4dm,line=2,col=5,endLine=2,endColumn=18,title=resolve error",
        "::unknown name `Lenght`%0Anot a variable, a project method or a command fourd supports",
        "%0Ahelp: did you mean `Length`?\n",
    );
    if stdout != want {
        return Err(format!("got:\n{stdout}\nwant:\n{want}").into());
    }
    Ok(())
}

fn check_format_sarif() -> Result<(), Failed> {
    let folder = sample("sarif")?;
    let (code, stdout, stderr) = check(&folder.0, &["--format", "sarif"])?;
    expect_status_and_summary(code, &stdout, &stderr)?;
    let log: Value = serde_json::from_str(&stdout).map_err(|e| format!("not one JSON document ({e}):\n{stdout}"))?;
    let mut problems = Vec::new();
    let mut expect = |pointer: &str, want: Value| {
        let got = log.pointer(pointer);
        if got != Some(&want) {
            problems.push(format!("{pointer}: got {got:?}, want {want}"));
        }
    };
    expect("/version", json!("2.1.0"));
    expect(
        "/$schema",
        json!("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"),
    );
    expect("/runs/0/tool/driver/name", json!("fourd"));
    expect("/runs/0/tool/driver/version", json!(env!("CARGO_PKG_VERSION")));
    expect("/runs/0/columnKind", json!("unicodeCodePoints"));
    // The package's homepage or repository, when Cargo.toml names one.
    let information = [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")].into_iter().find(|u| !u.is_empty());
    if log.pointer("/runs/0/tool/driver/informationUri").and_then(Value::as_str) != information {
        problems.push(format!("informationUri should be {information:?}"));
    }
    let rule_ids: Vec<&str> = log
        .pointer("/runs/0/tool/driver/rules")
        .and_then(Value::as_array)
        .map(|rules| rules.iter().filter_map(|rule| rule.get("id").and_then(Value::as_str)).collect())
        .unwrap_or_default();
    if rule_ids != ["syntax", "resolve"] {
        problems.push(format!("rules {rule_ids:?}, want the codes used, in order: syntax, resolve"));
    }
    let results = [
        (
            "syntax",
            0,
            "error",
            "bad.4dm",
            [2, 13, 2, 13],
            "unexpected end of the statement\nexpected an operator, `(` or `)`",
        ),
        (
            "syntax",
            0,
            "warning",
            "odd%2Cname.4dm",
            [1, 1, 1, 22],
            "the `//%attributes` line does not hold a JSON object\nhelp: 4D writes it as `//%attributes = {\"invisible\":true}`",
        ),
        (
            "resolve",
            1,
            "error",
            "typo.4dm",
            [2, 5, 2, 18],
            "unknown name `Lenght`\nnot a variable, a project method or a command fourd supports\nhelp: did you mean `Length`?",
        ),
    ];
    let count = log.pointer("/runs/0/results").and_then(Value::as_array).map(Vec::len);
    if count != Some(results.len()) {
        problems.push(format!("{count:?} results, want {}", results.len()));
    }
    for (i, (rule, index, level, uri, [line, column, end_line, end_column], text)) in results.into_iter().enumerate() {
        let at = format!("/runs/0/results/{i}");
        let place = format!("{at}/locations/0/physicalLocation");
        let mut expect = |pointer: String, want: Value| {
            let got = log.pointer(&pointer);
            if got != Some(&want) {
                problems.push(format!("{pointer}: got {got:?}, want {want}"));
            }
        };
        expect(format!("{at}/ruleId"), json!(rule));
        expect(format!("{at}/ruleIndex"), json!(index));
        expect(format!("{at}/level"), json!(level));
        expect(format!("{at}/message/text"), json!(text));
        expect(format!("{place}/artifactLocation/uri"), json!(uri));
        expect(
            format!("{place}/region"),
            json!({"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}),
        );
    }
    if problems.is_empty() { Ok(()) } else { Err(format!("{}\nthe log:\n{stdout}", problems.join("\n")).into()) }
}

/// The SARIF log is valid against the SARIF 2.1.0 JSON schema: for the
/// sample's files (errors, a warning, a name to encode), a command fourd
/// lacks (a warning of another rule), and an absolute path (a `file:` URI).
fn check_format_sarif_valid_against_schema() -> Result<(), Failed> {
    let schema = sarif_schema()?;
    let validator =
        jsonschema::options().should_validate_formats(false).build(&schema).map_err(|e| format!("the schema: {e}"))?;
    let folder = sample("sarif-schema")?;
    std::fs::write(folder.0.join("lacks.4dm"), "SET PRINT OPTION(1; 2)\nALERT(\"é\")\n").map_err(|e| e.to_string())?;
    let absolute = Command::new(env!("CARGO_BIN_EXE_fourd"))
        .args(["check", "--format", "sarif"])
        .arg(folder.0.join("typo.4dm"))
        .output()
        .map_err(|e| e.to_string())?;
    let (_, relative, _) = check(&folder.0, &["--format", "sarif"])?;
    for stdout in [relative, String::from_utf8_lossy(&absolute.stdout).into_owned()] {
        let log: Value =
            serde_json::from_str(&stdout).map_err(|e| format!("not one JSON document ({e}):\n{stdout}"))?;
        let errors: Vec<String> = validator.iter_errors(&log).map(|e| format!("{}: {e}", e.instance_path())).collect();
        if !errors.is_empty() {
            return Err(format!("not valid SARIF 2.1.0:\n{}\nthe log:\n{stdout}", errors.join("\n")).into());
        }
        if !stdout.contains("\"level\": \"") {
            return Err(format!("no result in the log:\n{stdout}").into());
        }
        // A level SARIF does not have is refused: the validation can fail.
        let mut wrong = log.clone();
        if let Some(level) = wrong.pointer_mut("/runs/0/results/0/level") {
            *level = json!("fatal");
        }
        if validator.is_valid(&wrong) {
            return Err("the schema takes a result of level `fatal`".into());
        }
    }
    Ok(())
}

/// The SARIF 2.1.0 JSON schema, from the serde-sarif package (a dev-dependency).
fn sarif_schema() -> Result<Value, Failed> {
    let path = package_file("serde-sarif", "src/schema.json")?;
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    // The published schema's pattern for `language` has a `]` that nothing
    // opens: ECMAScript reads it as the character, strict engines refuse
    // it. Escaped, it means what ECMAScript reads (fourd writes no `language`).
    let text = text.replace("{2}]?$", "{2}\\\\]?$");
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()).into())
}

/// A file of a package fourd depends on (for tests), found with `cargo
/// metadata` (for this machine's platform: the packages of others may not
/// have been downloaded).
fn package_file(package: &str, file: &str) -> Result<PathBuf, Failed> {
    let rustc = Command::new(std::env::var("RUSTC").unwrap_or_else(|_| String::from("rustc")))
        .arg("-vV")
        .output()
        .map_err(|e| format!("rustc -vV: {e}"))?;
    let rustc = String::from_utf8_lossy(&rustc.stdout);
    let host = rustc.lines().find_map(|line| line.strip_prefix("host: ")).ok_or("rustc -vV names no host")?;
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| String::from("cargo"));
    let metadata = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--offline", "--filter-platform", host, "--manifest-path"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
        .output()
        .map_err(|e| format!("cargo metadata: {e}"))?;
    let metadata: Value = serde_json::from_slice(&metadata.stdout).map_err(|e| format!("cargo metadata: {e}"))?;
    let manifest = metadata
        .get("packages")
        .and_then(Value::as_array)
        .and_then(|packages| packages.iter().find(|p| p.get("name") == Some(&json!(package))))
        .and_then(|found| found.get("manifest_path"))
        .and_then(Value::as_str)
        .ok_or_else(|| format!("cargo metadata does not list {package}"))?;
    Ok(Path::new(manifest).with_file_name(file))
}

/// Whether `xmllint` (Debian's libxml2-utils) can be run.
fn has_xmllint() -> bool {
    Command::new("xmllint").arg("--version").output().is_ok_and(|o| o.status.success())
}

/// `fourd test --junit` writes a report valid against the JUnit XSDs CI
/// servers follow (the Ant format's, in the junit-report package's tests),
/// checked with xmllint; a report with an element they do not have is not.
fn test_junit_valid_against_xsd() -> Result<(), Failed> {
    let folder = sample("junit")?;
    let io = |e: std::io::Error| Failed::from(e.to_string());
    std::fs::create_dir_all(folder.0.join("sub")).map_err(io)?;
    std::fs::write(folder.0.join("ok.4dm"), "ALERT(\"été\")\n").map_err(io)?;
    std::fs::write(folder.0.join("ok.out"), "été\n").map_err(io)?;
    std::fs::write(folder.0.join("sub/bad.4dm"), "ALERT(\"b & <c> \\\"d\\\"\")\n").map_err(io)?;
    std::fs::write(folder.0.join("sub/bad.out"), "x\n").map_err(io)?;
    std::fs::write(folder.0.join("sub/fails.4dm"), "var $c : Collection\n$c.push(1)\n").map_err(io)?;
    std::fs::write(folder.0.join("sub/fails.out"), "").map_err(io)?;
    let run = Command::new(env!("CARGO_BIN_EXE_fourd"))
        .args(["test", "ok.4dm", "sub", "--junit", "report.xml"])
        .current_dir(&folder.0)
        .output()
        .map_err(|e| e.to_string())?;
    if run.status.code() != Some(1) {
        return Err(format!("exit {:?}: {}", run.status.code(), String::from_utf8_lossy(&run.stderr)).into());
    }
    let report = folder.0.join("report.xml");
    let xml = std::fs::read_to_string(&report).map_err(io)?;
    let wrong = folder.0.join("wrong.xml");
    std::fs::write(&wrong, xml.replace("</properties>", "</properties><bogus/>")).map_err(io)?;
    for xsd in ["tests/JUnit.xsd", "tests/JUnit-alternative.xsd"] {
        let xsd = package_file("junit-report", xsd)?;
        let lint = |file: &Path| {
            Command::new("xmllint")
                .arg("--noout")
                .arg("--schema")
                .arg(&xsd)
                .arg(file)
                .output()
                .map_err(|e| e.to_string())
        };
        let valid = lint(&report)?;
        if !valid.status.success() {
            return Err(
                format!("{}:\n{}\nthe report:\n{xml}", xsd.display(), String::from_utf8_lossy(&valid.stderr)).into()
            );
        }
        if lint(&wrong)?.status.success() {
            return Err(format!("{} takes an element it does not define", xsd.display()).into());
        }
    }
    Ok(())
}

/// The default format and `--format human` print the same: miette's drawing
/// on standard error, the summary on standard output. An unknown format is a
/// usage error.
fn check_format_human_unchanged() -> Result<(), Failed> {
    let folder = sample("human")?;
    let default = check(&folder.0, &[])?;
    let human = check(&folder.0, &["--format", "human"])?;
    if default != human {
        return Err(format!("the default gave {default:?}\n--format human gave {human:?}").into());
    }
    let (code, stdout, stderr) = human;
    let headings = [
        "  × ./bad.4dm:2:13: unexpected end of the statement\n",
        "  ⚠ ./odd,name.4dm:1:1: the `//%attributes` line does not hold a JSON object\n",
        "  help: 4D writes it as `//%attributes = {\"invisible\":true}`\n",
        "  × ./typo.4dm:2:5: unknown name `Lenght`\n",
        "  help: did you mean `Length`?\n",
    ];
    let mut from = 0;
    for heading in headings {
        match stderr[from..].find(heading) {
            Some(at) => from += at + heading.len(),
            None => return Err(format!("no {heading:?} (in this order) in:\n{stderr}").into()),
        }
    }
    if code != Some(1) || stdout != SUMMARY || stderr.contains(SUMMARY) {
        return Err(format!("exit {code:?}, stdout {stdout:?}, stderr:\n{stderr}").into());
    }
    let (code, stdout, stderr) = check(&folder.0, &["--format", "xml"])?;
    if code != Some(2) || !stdout.is_empty() || !stderr.contains("invalid value 'xml'") {
        return Err(format!("--format xml: exit {code:?}, stdout {stdout:?}, stderr:\n{stderr}").into());
    }
    Ok(())
}
