//! Inputs that must give diagnostics, never a panic, a stack overflow or a hang.
//!
//! Each case goes through `check_bytes`, the path `fourd check` takes for every
//! file, on a thread with the stack the `fourd check` workers have; two also
//! run the real binary.

use std::process::Command;
use std::time::{Duration, Instant};

use fourd::cli::check::{FileReport, check_bytes};
use fourd::diag::RenderOptions;
use libtest_mimic::{Failed, Trial};

use crate::golden::on_big_stack;

pub fn trials() -> Vec<Trial> {
    vec![
        case("invalid_utf8", invalid_utf8),
        case("nested_parentheses_100k", nested_parentheses),
        case("nested_if_blocks_100k", nested_if_blocks),
        case("nested_block_comments_100k", nested_comments),
        case("nested_ternaries_100k", nested_ternaries),
        case("prefix_operators_100k", prefix_operators),
        case("long_operator_chain_100k", long_chain),
        case("file_50mb", file_50mb),
        case("binary_garbage", binary_garbage),
        case("nested_brackets_after_a_name", nested_brackets_after_a_name),
        case("nested_try_calls", nested_try_calls),
        case("error_past_column_65535", error_past_column_65535),
        case("pointer_chain_100k", pointer_chain),
        Trial::test("robustness/binary_reports_invalid_utf8", binary_reports_invalid_utf8),
        Trial::test("cli/fourd_test_runs_the_eval_goldens", fourd_test_runs_the_eval_goldens),
        Trial::test("cli/fourd_run_project", fourd_run_project),
        Trial::test("cli/quit_4d_aborts_the_processes_then_runs_on_exit", quit_4d_runs_on_exit),
        Trial::test("cli/fourd_run_project_roles", fourd_run_project_roles),
        Trial::test("cli/version_names_the_commit", version_names_the_commit),
        Trial::test("cli/every_help_has_an_example", every_help_has_an_example),
        Trial::test("cli/commands_json_gives_the_table_rows", commands_json_gives_the_table_rows),
        Trial::test("cli/commands_constants_json_gives_the_values", commands_constants_json_gives_the_values),
        Trial::test("cli/run_arguments_follow_declare", run_arguments_follow_declare),
        Trial::test("cli/check_knows_process_variables_project_wide", check_knows_process_variables_project_wide),
        Trial::test("cli/test_progress_only_on_a_terminal", test_progress_only_on_a_terminal),
        Trial::test("cli/check_progress_only_on_a_terminal", check_progress_only_on_a_terminal),
        Trial::test("cli/test_reports_junit_json_and_list", test_reports_junit_json_and_list),
        Trial::test("cli/unreadable_paths_and_no_tests_are_errors", unreadable_paths_and_no_tests_are_errors),
        Trial::test("cli/process_error_is_shown_when_it_happens", process_error_is_shown_when_it_happens),
        Trial::test("robustness/time_limit_stops_every_process", time_limit_stops_every_process),
    ]
}

fn case(name: &str, run: fn() -> Result<(), Failed>) -> Trial {
    Trial::test(format!("robustness/{name}"), move || on_big_stack(run))
}

fn check(bytes: Vec<u8>) -> FileReport {
    check_bytes("input.4dm", bytes, RenderOptions::plain())
}

fn expect_error(report: &FileReport, words: &str) -> Result<(), Failed> {
    if report.errors >= 1 && report.rendered.contains(words) {
        Ok(())
    } else {
        Err(format!("expected an error saying {words:?}, got {} errors:\n{}", report.errors, report.rendered).into())
    }
}

fn invalid_utf8() -> Result<(), Failed> {
    let report = check(b"$a:=1\n$b:=\"\xff\xfe\"\n".to_vec());
    expect_error(&report, "not UTF-8")?;
    expect_error(&report, "input.4dm:2:")
}

fn nested_parentheses() -> Result<(), Failed> {
    let text = format!("$a:={}1{}\n", "(".repeat(100_000), ")".repeat(100_000));
    expect_error(&check(text.into_bytes()), "too complex to parse")
}

fn nested_if_blocks() -> Result<(), Failed> {
    let text = "If (True)\n".repeat(100_000) + &"End if\n".repeat(100_000);
    expect_error(&check(text.into_bytes()), "nest more than 512 levels")
}

fn nested_comments() -> Result<(), Failed> {
    let text = "/*".repeat(100_000) + "\n$a:=1\n";
    expect_error(&check(text.into_bytes()), "unterminated comment")
}

fn nested_ternaries() -> Result<(), Failed> {
    let text = format!("$a:={}0\n", "$b ? 1 : ".repeat(100_000));
    expect_error(&check(text.into_bytes()), "too complex to parse")
}

fn prefix_operators() -> Result<(), Failed> {
    let text = format!("$a:={}1\n$b:={}$x\n", "-".repeat(100_000), "->".repeat(100_000));
    let report = check(text.into_bytes());
    if report.errors == 0 { Ok(()) } else { Err(report.rendered.into()) }
}

fn long_chain() -> Result<(), Failed> {
    let text = format!("$a:=1{}\n", "+1".repeat(100_000));
    let report = check(text.into_bytes());
    if report.errors == 0 { Ok(()) } else { Err(report.rendered.into()) }
}

/// 50 MB of ordinary code with a syntax error at the very end: the whole file is
/// read, in bounded time, and the error is found.
fn file_50mb() -> Result<(), Failed> {
    let chunk = "var $i; $total : Integer\nFor ($i; 1; 10)\n\tIf ($i%2=0)  // even\n\t\t$total+=$i\n\tElse \n\t\t$o:={a: $i; b: [1; 2; \"x\"]}\n\tEnd if \nEnd for \n";
    let mut text = chunk.repeat(50 * 1024 * 1024 / chunk.len() + 1);
    text.push_str("$last:=(1\n");
    let started = Instant::now();
    let report = check(text.into_bytes());
    let elapsed = started.elapsed();
    expect_error(&report, "unexpected end of the statement")?;
    if report.errors != 1 {
        return Err(format!("expected exactly one error, got {}", report.errors).into());
    }
    if elapsed > Duration::from_secs(120) {
        return Err(format!("50 MB took {elapsed:?}").into());
    }
    Ok(())
}

/// Pseudo-random bytes, the same on every run.
fn binary_garbage() -> Result<(), Failed> {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    for round in 0..20 {
        let bytes: Vec<u8> = (0..64 * 1024)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state >> 24) as u8
            })
            .collect();
        // Every other round stays within ASCII so that the parser, not only the UTF-8 check, sees it.
        let bytes = if round % 2 == 0 { bytes } else { bytes.into_iter().map(|b| b & 0x7f).collect() };
        let report = check(bytes);
        if report.errors == 0 {
            return Err(format!("round {round}: garbage gave no error").into());
        }
    }
    Ok(())
}

fn binary_reports_invalid_utf8() -> Result<(), Failed> {
    let dir = std::env::temp_dir().join(format!("fourd-robustness-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let file = dir.join("bad.4dm");
    std::fs::write(&file, b"ALERT(\"\xc3\x28\")\n").map_err(|e| e.to_string())?;
    let output = Command::new(env!("CARGO_BIN_EXE_fourd"))
        .args(["check", "--syntax-only"])
        .arg(&file)
        .env("NO_COLOR", "1")
        .output()
        .map_err(|e| e.to_string())?;
    let _ = std::fs::remove_dir_all(&dir);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    if output.status.code() != Some(1) {
        return Err(format!("exit status {:?}, expected 1", output.status.code()).into());
    }
    if !stderr.contains("not UTF-8") || stdout.trim() != "1 files, 1 with errors, 1 errors, 0 warnings" {
        return Err(format!("stdout: {stdout}\nstderr: {stderr}").into());
    }
    Ok(())
}

/// Found by fuzzing: `name[[[[...` once made pest parse each `[` two ways, an
/// exponential cost. Both shapes must fail fast.
fn nested_brackets_after_a_name() -> Result<(), Failed> {
    let text = format!("s+Rep{}zI\n$a:=$b{}\n", "[".repeat(200), "[[".repeat(100));
    let started = Instant::now();
    let report = check(text.into_bytes());
    expect_error(&report, "input.4dm:1:")?;
    within(started, Duration::from_secs(2))
}

/// `Try(Try(...` with a missing parenthesis must not be parsed twice per level.
fn nested_try_calls() -> Result<(), Failed> {
    let text = format!("$a:={}1{}\n", "Try(".repeat(200), ")".repeat(199));
    let started = Instant::now();
    expect_error(&check(text.into_bytes()), "unexpected end of the statement")?;
    within(started, Duration::from_secs(2))
}

fn within(started: Instant, limit: Duration) -> Result<(), Failed> {
    let elapsed = started.elapsed();
    if elapsed <= limit { Ok(()) } else { Err(format!("took {elapsed:?}, more than {limit:?}").into()) }
}

/// `fourd test` over the evaluation goldens (every area folder of
/// `tests/golden/`): every case passes and the closing line counts them; a
/// hanging test is stopped by `--timeout` and fails.
fn fourd_test_runs_the_eval_goldens() -> Result<(), Failed> {
    let output = Command::new(env!("CARGO_BIN_EXE_fourd"))
        .args(["test", "--jobs", "2"])
        .args(crate::golden::eval_areas())
        .output()
        .map_err(|e| e.to_string())?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let last = stdout.lines().last().unwrap_or("");
    if output.status.code() != Some(0) || !last.ends_with(" passed, 0 failed") || last.starts_with("0 ") {
        return Err(format!("exit {:?}, output:\n{stdout}", output.status.code()).into());
    }
    let dir = std::env::temp_dir().join(format!("fourd-test-timeout-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    std::fs::write(dir.join("hang.4dm"), "While (True)\nEnd while\n").map_err(|e| e.to_string())?;
    std::fs::write(dir.join("hang.out"), "").map_err(|e| e.to_string())?;
    let output = Command::new(env!("CARGO_BIN_EXE_fourd"))
        .args(["test", "--timeout", "0.5"])
        .arg(&dir)
        .output()
        .map_err(|e| e.to_string())?;
    let _ = std::fs::remove_dir_all(&dir);
    let stdout = String::from_utf8_lossy(&output.stdout);
    if output.status.code() != Some(1) || !stdout.contains("timed out") || !stdout.ends_with("0 passed, 1 failed\n") {
        return Err(format!("exit {:?}, output:\n{stdout}", output.status.code()).into());
    }
    Ok(())
}

/// `fourd test --junit FILE` writes a JUnit XML report in the Ant format
/// (one suite; the elements the format's schema requires, in its order;
/// text escaped), `--format json` prints a JSON line per test and one for
/// the totals, and `--list` lists the tests without running them.
fn test_reports_junit_json_and_list() -> Result<(), Failed> {
    let dir = std::env::temp_dir().join(format!("fourd-junit-{}", std::process::id()));
    let io = |e: std::io::Error| Failed::from(e.to_string());
    std::fs::create_dir_all(dir.join("sub")).map_err(io)?;
    std::fs::write(dir.join("ok.4dm"), "ALERT(\"a\")\n").map_err(io)?;
    std::fs::write(dir.join("ok.out"), "a\n").map_err(io)?;
    std::fs::write(dir.join("sub/bad.4dm"), "ALERT(\"b & <c>\")\n").map_err(io)?;
    std::fs::write(dir.join("sub/bad.out"), "x\n").map_err(io)?;
    let report = dir.join("report.xml");
    let fourd = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_fourd")).args(args).current_dir(&dir).output().map_err(|e| e.to_string())
    };
    let junit = fourd(&["test", ".", "--junit", "report.xml"])?;
    let xml = std::fs::read_to_string(&report).unwrap_or_default();
    let json = fourd(&["test", ".", "--format", "json"])?;
    let list = fourd(&["test", ".", "--list"])?;
    let _ = std::fs::remove_dir_all(&dir);
    let in_order = |text: &str, parts: &[&str]| {
        let mut at = 0;
        parts.iter().all(|part| match text[at..].find(part) {
            Some(found) => {
                at += found + part.len();
                true
            }
            None => false,
        })
    };
    if junit.status.code() != Some(1)
        || !in_order(
            &xml,
            &[
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"fourd test\" timestamp=\"",
                "\" tests=\"2\" failures=\"1\" errors=\"0\"",
                "<properties>\n    <property name=\"fourd.version\" value=\"",
                "<testcase name=\"ok.4dm\" classname=\"fourd\" time=\"",
                "\"/>",
                "<testcase name=\"bad.4dm\" classname=\"sub\"",
                "<failure message=\"standard output differs\" type=\"failure\">",
                "+b &amp; &lt;c&gt;\n</failure>\n  </testcase>",
                "<system-out/>",
                "<system-err/>\n</testsuite>\n",
            ],
        )
    {
        return Err(format!("exit {:?}, report:\n{xml}", junit.status.code()).into());
    }
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&json.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).map_err(|e| format!("{e}: {line}")))
        .collect::<Result<_, _>>()?;
    let outcomes: Vec<_> = lines.iter().map(|l| (l["test"].as_str(), l["outcome"].as_str())).collect();
    if outcomes[..] != [(Some("./ok.4dm"), Some("passed")), (Some("./sub/bad.4dm"), Some("failed")), (None, None)]
        || lines.last().map(|l| (l["passed"].as_u64(), l["failed"].as_u64())) != Some((Some(1), Some(1)))
        || !lines[1]["report"].as_str().is_some_and(|r| r.contains("+b & <c>"))
    {
        return Err(format!("json output: {lines:?}").into());
    }
    let listed = String::from_utf8_lossy(&list.stdout).into_owned();
    if list.status.code() != Some(0) || listed != "./ok.4dm\n./sub/bad.4dm\n" {
        return Err(format!("--list said {listed:?}").into());
    }
    Ok(())
}

/// `fourd check` knows the process variables every method of a project
/// declares or assigns (a form method's directive, an object method's
/// assignment), whether it checks one file or the whole project, whatever the
/// order of the files and however the project is shared between cores.
fn check_knows_process_variables_project_wide() -> Result<(), Failed> {
    let root = std::env::temp_dir().join(format!("fourd-process-vars-{}", std::process::id()));
    let io = |e: std::io::Error| Failed::from(e.to_string());
    let sources = root.join("Project/Sources");
    std::fs::create_dir_all(sources.join("Methods")).map_err(io)?;
    std::fs::create_dir_all(sources.join("Forms/Entry/ObjectMethods")).map_err(io)?;
    std::fs::write(sources.join("Forms/Entry/method.4dm"), "C_LONGINT:C283(vCount; vTotal)\n").map_err(io)?;
    std::fs::write(sources.join("Forms/Entry/ObjectMethods/OK.4dm"), "vLabel:=\"ok\"\n").map_err(io)?;
    // Many methods, so that the project is shared between cores.
    for i in 0..300 {
        std::fs::write(sources.join(format!("Methods/m{i}.4dm")), "ALERT(String(vCount+vTotal)+vLabel)\n")
            .map_err(io)?;
    }
    let check = |path: &std::path::Path| {
        Command::new(env!("CARGO_BIN_EXE_fourd"))
            .arg("check")
            .arg(path)
            .env("NO_COLOR", "1")
            .output()
            .map_err(|e| Failed::from(e.to_string()))
    };
    let one = check(&sources.join("Methods/m7.4dm"))?;
    let all = check(&root)?;
    // The project methods alone: the form's methods are read for their names only.
    let methods = check(&sources.join("Methods"))?;
    let _ = std::fs::remove_dir_all(&root);
    for (output, files) in [(one, 1), (all, 302), (methods, 300)] {
        let stdout = String::from_utf8_lossy(&output.stdout);
        if output.status.code() != Some(0) || stdout != format!("{files} files, 0 with errors, 0 errors, 0 warnings\n")
        {
            return Err(format!("{stdout}{}", String::from_utf8_lossy(&output.stderr)).into());
        }
    }
    Ok(())
}

/// `fourd check` of many files shows a progress bar on a terminal (here a
/// pseudo-terminal), and nothing of it in a pipe.
fn check_progress_only_on_a_terminal() -> Result<(), Failed> {
    let dir = std::env::temp_dir().join(format!("fourd-progress-{}", std::process::id()));
    let io = |e: std::io::Error| Failed::from(e.to_string());
    std::fs::create_dir_all(&dir).map_err(io)?;
    for i in 0..300 {
        std::fs::write(
            dir.join(format!("m{i}.4dm")),
            "var $i : Integer\nFor ($i; 1; 3)\n\tALERT(String($i))\nEnd for\n",
        )
        .map_err(io)?;
    }
    let piped = on_a_terminal_then_piped("check", &dir, &["/300 files", "300 files, 0 with errors"])?;
    let stderr = String::from_utf8_lossy(&piped.stderr);
    if !piped.status.success()
        || stderr.contains("files")
        || String::from_utf8_lossy(&piped.stdout) != "300 files, 0 with errors, 0 errors, 0 warnings\n"
    {
        return Err(format!("in a pipe, stderr: {stderr:?}").into());
    }
    Ok(())
}

/// Runs `fourd SUBCOMMAND DIR` on a pseudo-terminal, where each of `shown`
/// must appear in turn, then in a pipe; removes `dir`, and gives what the
/// piped run wrote.
fn on_a_terminal_then_piped(
    subcommand: &str,
    dir: &std::path::Path,
    shown: &[&str],
) -> Result<std::process::Output, Failed> {
    let mut command = Command::new(env!("CARGO_BIN_EXE_fourd"));
    command.arg(subcommand).arg(dir).env("NO_COLOR", "1").env("TERM", "xterm");
    let on_terminal = rexpect::session::spawn_command(command, Some(30_000))
        .and_then(|mut session| shown.iter().try_for_each(|text| session.exp_string(text).map(drop)))
        .map_err(|e| e.to_string());
    let piped = Command::new(env!("CARGO_BIN_EXE_fourd")).arg(subcommand).arg(dir).output().map_err(|e| e.to_string());
    let _ = std::fs::remove_dir_all(dir);
    on_terminal.map_err(|e| format!("on a terminal: {e}"))?;
    Ok(piped?)
}

/// `fourd test` shows a progress bar with the failures so far on a terminal
/// (here a pseudo-terminal), and nothing of it in a pipe.
fn test_progress_only_on_a_terminal() -> Result<(), Failed> {
    let dir = std::env::temp_dir().join(format!("fourd-test-progress-{}", std::process::id()));
    let io = |e: std::io::Error| Failed::from(e.to_string());
    std::fs::create_dir_all(&dir).map_err(io)?;
    for i in 0..30 {
        std::fs::write(dir.join(format!("t{i}.4dm")), format!("ALERT(\"{i}\")\n")).map_err(io)?;
        // One expectation is wrong, so that the bar counts a failure.
        let expected = if i == 7 { String::from("seven\n") } else { format!("{i}\n") };
        std::fs::write(dir.join(format!("t{i}.out")), expected).map_err(io)?;
    }
    let piped = on_a_terminal_then_piped("test", &dir, &["/30 tests, ", "29 passed, 1 failed"])?;
    let stderr = String::from_utf8_lossy(&piped.stderr);
    let stdout = String::from_utf8_lossy(&piped.stdout);
    if piped.status.code() != Some(1) || stderr.contains("tests,") || !stdout.ends_with("29 passed, 1 failed\n") {
        return Err(format!("in a pipe, stdout: {stdout:?}, stderr: {stderr:?}").into());
    }
    Ok(())
}

/// The arguments of `fourd run` are Text, or converted to the type of their
/// `#DECLARE` parameter; one that cannot be is reported at the parameter.
fn run_arguments_follow_declare() -> Result<(), Failed> {
    let dir = std::env::temp_dir().join(format!("fourd-run-args-{}", std::process::id()));
    let io = |e: std::io::Error| Failed::from(e.to_string());
    std::fs::create_dir_all(&dir).map_err(io)?;
    std::fs::write(
        dir.join("args.4dm"),
        "#DECLARE($n : Integer; $ok : Boolean; $t : Text; $r : Real)\nALERT(String($n+1)+\" \"+String($ok)+\" \"+$t+\" \"+String($r*2))\n",
    )
    .map_err(io)?;
    let fourd = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_fourd"))
            .arg("run")
            .arg("args.4dm")
            .args(args)
            .current_dir(&dir)
            .env("NO_COLOR", "1")
            .output()
            .map_err(|e| e.to_string())
    };
    let good = fourd(&["41", "TRUE", "hi", "-1.25"])?;
    let bad = fourd(&["4x", "true", "hi", "1"])?;
    let _ = std::fs::remove_dir_all(&dir);
    let (out, err) = (String::from_utf8_lossy(&good.stdout), String::from_utf8_lossy(&bad.stderr));
    if good.status.code() != Some(0) || out != "42 True hi -2.5\n" {
        return Err(format!("exit {:?}: {out}", good.status.code()).into());
    }
    if bad.status.code() != Some(1)
        || !err.contains("args.4dm:1:10: the argument `4x` cannot be passed to $n, declared Integer")
    {
        return Err(format!("exit {:?}: {err}", bad.status.code()).into());
    }
    Ok(())
}

/// `fourd --help` and the help of each subcommand end with examples, and
/// their first line is a whole sentence.
fn every_help_has_an_example() -> Result<(), Failed> {
    for sub in ["", "run", "check", "test", "repl", "commands"] {
        let mut command = Command::new(env!("CARGO_BIN_EXE_fourd"));
        if !sub.is_empty() {
            command.arg(sub);
        }
        let output = command.arg("--help").output().map_err(|e| e.to_string())?;
        let text = String::from_utf8_lossy(&output.stdout);
        let first = text.lines().next().unwrap_or("");
        let example = text.lines().skip_while(|l| !l.starts_with("Example")).nth(1).unwrap_or("");
        if !output.status.success()
            || !(first.starts_with(char::is_uppercase) || first.starts_with("fourd "))
            || !example.trim_start().starts_with("fourd")
        {
            return Err(format!("`fourd {sub} --help` said:\n{text}").into());
        }
    }
    Ok(())
}

/// `fourd --version` gives the package's version and, built from a
/// checkout, the commit.
fn version_names_the_commit() -> Result<(), Failed> {
    let output = Command::new(env!("CARGO_BIN_EXE_fourd")).arg("--version").output().map_err(|e| e.to_string())?;
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    if !output.status.success() || !text.starts_with(&format!("fourd {}", env!("CARGO_PKG_VERSION"))) {
        return Err(format!("fourd --version said {text:?}").into());
    }
    let head = Command::new("git")
        .args(["rev-parse", "--short=10", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()
        .filter(|out| out.status.success())
        .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_string());
    match head {
        Some(commit) if !text.contains(&format!("({commit})")) => {
            Err(format!("fourd --version said {text:?}, the checkout is at {commit}").into())
        }
        _ => Ok(()),
    }
}

/// `fourd run PROJECT --method NAME` and tool4d's spellings: onStartup runs
/// A new, empty 4D project in the temporary folder: its folder and its
/// `Project/Sources` (with `Methods/` and `DatabaseMethods/`).
fn temp_project(tag: &str) -> Result<(std::path::PathBuf, std::path::PathBuf), Failed> {
    let root = std::env::temp_dir().join(format!("fourd-{tag}-{}", std::process::id()));
    let sources = root.join("Project").join("Sources");
    for folder in ["Methods", "DatabaseMethods"] {
        std::fs::create_dir_all(sources.join(folder)).map_err(|e| e.to_string())?;
    }
    Ok((root, sources))
}

/// `fourd` with these arguments: its exit status and standard output.
fn run_fourd(args: &[&str]) -> Result<(Option<i32>, String), Failed> {
    let output = Command::new(env!("CARGO_BIN_EXE_fourd")).args(args).output().map_err(|e| e.to_string())?;
    Ok((output.status.code(), String::from_utf8_lossy(&output.stdout).into_owned()))
}

/// first (unless skipped), `--user-param` reaches `Get database parameter`.
fn fourd_run_project() -> Result<(), Failed> {
    let (root, sources) = temp_project("project")?;
    let io = |e: std::io::Error| Failed::from(e.to_string());
    std::fs::write(sources.join("DatabaseMethods").join("onStartup.4dm"), "ALERT(\"startup\")\ngReady:=\"yes\"\n")
        .map_err(io)?;
    std::fs::write(
        sources.join("Methods").join("Main.4dm"),
        "var $t : Text\nGet database parameter(User param value; $t)\nALERT(\"main \"+$t+\" \"+String(gReady))\n",
    )
    .map_err(io)?;
    let run = run_fourd;
    let dir = root.display().to_string();
    let project_file = root.join("Project").join("x.4DProject").display().to_string();
    let results = [
        (run(&["run", &dir, "--method", "main", "--user-param", "hi"])?, (Some(0), "startup\nmain hi yes\n")),
        (
            run(&["run", "--project", &project_file, "--startup-method", "Main", "--dataless", "--user-param", "x"])?,
            (Some(0), "startup\nmain x yes\n"),
        ),
        (run(&["run", "--project", &dir, "--startup-method", "nope"])?, (Some(2), "")),
        // A method of the project run alone: onStartup does not run, but the
        // process variables it assigns are known, as `fourd check` knows them.
        (run(&["run", &sources.join("Methods").join("Main.4dm").display().to_string()])?, (Some(0), "main  \n")),
        (run(&["check", &dir])?, (Some(0), "2 files, 0 with errors, 0 errors, 0 warnings\n")),
    ];
    let _ = std::fs::remove_dir_all(&root);
    for ((code, stdout), (want_code, want)) in results {
        if code != want_code || stdout != want {
            return Err(format!("exit {code:?}, output {stdout:?}; wanted {want_code:?}, {want:?}").into());
        }
    }
    Ok(())
}

/// `QUIT 4D` in a project: the calling process stops at once, a process
/// still waiting is aborted, then `On Exit` runs, and the run ends with
/// status 0 (also when the method is run alone, as a file of the project).
fn quit_4d_runs_on_exit() -> Result<(), Failed> {
    let (root, sources) = temp_project("quit")?;
    let io = |e: std::io::Error| Failed::from(e.to_string());
    std::fs::write(sources.join("DatabaseMethods").join("onExit.4dm"), "ALERT(\"exit\")\n").map_err(io)?;
    std::fs::write(
        sources.join("Methods").join("Main.4dm"),
        "var $p : Integer\n$p:=New process(\"Waiter\"; 0; \"waiter\")\nALERT(\"main\")\nQUIT 4D\nALERT(\"never\")\n",
    )
    .map_err(io)?;
    // Bounded: were it not aborted, it would say so after 60 seconds.
    std::fs::write(
        sources.join("Methods").join("Waiter.4dm"),
        "var $i : Integer\nFor ($i; 1; 600)\n\tDELAY PROCESS(Current process; 6)\nEnd for\nALERT(\"waiter done\")\n",
    )
    .map_err(io)?;
    let run = run_fourd;
    let dir = root.display().to_string();
    let results = [
        run(&["run", &dir, "--method", "Main"])?,
        run(&["run", &sources.join("Methods").join("Main.4dm").display().to_string()])?,
    ];
    let _ = std::fs::remove_dir_all(&root);
    for (code, stdout) in results {
        if code != Some(0) || stdout != "main\nexit\n" {
            return Err(format!("exit {code:?}, output {stdout:?}; wanted Some(0), \"main\\nexit\\n\"").into());
        }
    }
    Ok(())
}

/// A 4D project's roles.json is `Project/Sources/roles.json`: its roles
/// expand, its `promote` permission promotes a method's calls; a malformed
/// one stops the run (exit 1) with a diagnostic naming it, before onStartup.
fn fourd_run_project_roles() -> Result<(), Failed> {
    let root = std::env::temp_dir().join(format!("fourd-roles-{}", std::process::id()));
    let sources = root.join("Project").join("Sources");
    let io = |e: std::io::Error| Failed::from(e.to_string());
    std::fs::create_dir_all(sources.join("Methods")).map_err(io)?;
    std::fs::create_dir_all(sources.join("DatabaseMethods")).map_err(io)?;
    std::fs::write(sources.join("DatabaseMethods").join("onStartup.4dm"), "ALERT(\"startup\")\n").map_err(io)?;
    let roles = r#"{"privileges": [{"privilege": "Reports", "includes": ["Lookup"]}, {"privilege": "Lookup"}],
        "roles": [{"role": "Accountant", "privileges": ["reports"]}],
        "permissions": {"allowed": [{"applyTo": "Monthly", "type": "method", "promote": ["Reports"]}]}}"#;
    std::fs::write(sources.join("roles.json"), roles).map_err(io)?;
    std::fs::write(
        sources.join("Methods").join("Monthly.4dm"),
        "ALERT(\"monthly \"+String(Session.hasPrivilege(\"lookup\")))\n",
    )
    .map_err(io)?;
    std::fs::write(
        sources.join("Methods").join("Main.4dm"),
        "ALERT(String(Session.setPrivileges({roles: \"accountant\"}))+JSON Stringify(Session.getPrivileges()))\n\
         Session.clearPrivileges()\nMonthly\nALERT(String(Session.hasPrivilege(\"lookup\")))\n",
    )
    .map_err(io)?;
    let run = |args: &[&str]| -> Result<(Option<i32>, String, String), Failed> {
        let output = Command::new(env!("CARGO_BIN_EXE_fourd")).args(args).output().map_err(|e| e.to_string())?;
        let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
        Ok((output.status.code(), text(&output.stdout), text(&output.stderr)))
    };
    let dir = root.display().to_string();
    let good = run(&["run", &dir, "--method", "main"])?;
    std::fs::write(sources.join("roles.json"), r#"{"privileges": [{"privilege": "a", "includes": ["b"]}]}"#)
        .map_err(io)?;
    let bad = run(&["run", &dir, "--method", "main"])?;
    let _ = std::fs::remove_dir_all(&root);
    if good != (Some(0), String::from("startup\nTrue[\"Reports\",\"Lookup\"]\nmonthly True\nFalse\n"), String::new()) {
        return Err(format!("with a roles.json: {good:?}").into());
    }
    let (code, stdout, stderr) = bad;
    let wanted = "Project/Sources/roles.json:1:49: privileges[0] (`a`): `includes` names the privilege `b`";
    if code != Some(1) || !stdout.is_empty() || !stderr.contains(wanted) {
        return Err(format!("with a malformed roles.json: exit {code:?}, {stdout:?}, {stderr}").into());
    }
    Ok(())
}

/// A diagnostic far along a long line (column 80,005) is rendered with the
/// part of the line around it; miette panicked laying out such a column.
fn error_past_column_65535() -> Result<(), Failed> {
    let text = format!("$x:={})\n", "1+".repeat(40_000));
    let report = check(text.into_bytes());
    expect_error(&report, "input.4dm:1:80005")?;
    expect_error(&report, "1+1+1+)")
}

/// `$b:=` followed by 100,000 `->`: a syntax error at column 200,005.
fn pointer_chain() -> Result<(), Failed> {
    let text = format!("$b:={}\n", "->".repeat(100_000));
    expect_error(&check(text.into_bytes()), "input.4dm:1:200005")
}

/// `fourd check` and `fourd test` on a path they cannot read as a folder (a
/// socket here: as root, permissions would not stop the read) say why and exit
/// 2, as `fourd run` does with the system's words (a symbolic link to itself)
/// or on a path that is not a file; `fourd test` that finds no test fails
/// unless `--allow-no-tests`.
fn unreadable_paths_and_no_tests_are_errors() -> Result<(), Failed> {
    let root = std::env::temp_dir().join(format!("fourd-paths-{}", std::process::id()));
    let io = |e: std::io::Error| Failed::from(e.to_string());
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("empty")).map_err(io)?;
    let socket = root.join("socket");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).map_err(io)?;
    let run = |args: &[&str]| -> Result<(Option<i32>, String, String), Failed> {
        let output = Command::new(env!("CARGO_BIN_EXE_fourd")).args(args).output().map_err(|e| e.to_string())?;
        let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        Ok((output.status.code(), text(&output.stdout), text(&output.stderr)))
    };
    let looping = root.join("loop.4dm");
    std::os::unix::fs::symlink(&looping, &looping).map_err(io)?;
    let looping = looping.display().to_string();
    let (socket, empty) = (socket.display().to_string(), root.join("empty").display().to_string());
    let results = [
        (run(&["run", &looping])?, Some(2), "symbolic links"),
        (run(&["run", &socket])?, Some(2), "not a method file"),
        (run(&["check", &socket])?, Some(2), "cannot read"),
        (run(&["test", &socket])?, Some(2), "cannot read"),
        (run(&["test", &empty])?, Some(1), "no tests found"),
        (run(&["test", &empty, "--allow-no-tests"])?, Some(0), "0 passed, 0 failed"),
    ];
    let _ = std::fs::remove_dir_all(&root);
    for ((code, stdout, stderr), want_code, want) in results {
        if code != want_code || !(stdout.contains(want) || stderr.contains(want)) {
            return Err(format!("exit {code:?}, output {stdout:?} {stderr:?}; wanted {want_code:?}, {want:?}").into());
        }
    }
    Ok(())
}

/// The uncaught error of another process is written when it happens, while
/// the main process still runs (here it waits for ever; the trial stops it).
fn process_error_is_shown_when_it_happens() -> Result<(), Failed> {
    use std::io::{BufRead, BufReader};
    let root = std::env::temp_dir().join(format!("fourd-process-error-{}", std::process::id()));
    let io = |e: std::io::Error| Failed::from(e.to_string());
    std::fs::create_dir_all(&root).map_err(io)?;
    std::fs::write(root.join("Fails.4dm"), "var $x : Real\n$x:=1/\"a\"\n").map_err(io)?;
    let main = "New process(\"Fails\"; 0; \"failing\")\nRepeat\n\tDELAY PROCESS(Current process; 6)\nUntil (False)\n";
    std::fs::write(root.join("main.4dm"), main).map_err(io)?;
    let mut child = Command::new(env!("CARGO_BIN_EXE_fourd"))
        .arg("run")
        .arg("main.4dm")
        .current_dir(&root)
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .map_err(io)?;
    let stderr = child.stderr.take().ok_or("no standard error")?;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut seen = String::new();
    let outcome = loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(line) if line.contains("in the process `failing`") => {
                break match child.try_wait() {
                    Ok(None) => Ok(()),
                    _ => Err(format!("the run had ended before the error was shown:\n{seen}")),
                };
            }
            Ok(line) => seen.push_str(&format!("{line}\n")),
            Err(_) => break Err(format!("no error shown within 30 s:\n{seen}")),
        }
    };
    let _ = child.kill();
    let _ = child.wait();
    let _ = std::fs::remove_dir_all(&root);
    outcome.map_err(Failed::from)
}

/// A run with a time limit (as the evaluator's fuzz targets use) ends soon
/// after it, whatever its processes do: the main process loops for ever, one
/// process waits in `Use` for an object another holds, one sleeps for ten
/// hours, a worker has messages queued behind an endless one, and another has
/// a hundred thousand behind a sleeping one (they never run once it is aborted).
fn time_limit_stops_every_process() -> Result<(), Failed> {
    let root = std::env::temp_dir().join(format!("fourd-time-limit-{}", std::process::id()));
    let io = |e: std::io::Error| Failed::from(e.to_string());
    std::fs::create_dir_all(&root).map_err(io)?;
    let hold = "#DECLARE($s : Object)\nUse ($s)\n\t$s.held:=True\n\tWhile (True)\n\tEnd while\nEnd use\n";
    std::fs::write(root.join("Hold.4dm"), hold).map_err(io)?;
    std::fs::write(root.join("Take.4dm"), "#DECLARE($s : Object)\nUse ($s)\nEnd use\n").map_err(io)?;
    std::fs::write(root.join("Sleep.4dm"), "DELAY PROCESS(Current process; 60*60*60*10)\n").map_err(io)?;
    let main = "var $s:=New shared object\nNew process(\"Hold\"; 0; \"holder\"; $s)\n\
                Repeat\n\tDELAY PROCESS(Current process; 1)\nUntil ($s.held=True)\n\
                New process(\"Take\"; 0; \"taker\"; $s)\nNew process(\"Sleep\"; 0; \"sleeper\")\n\
                CALL WORKER(\"w\"; Formula(Hold($s)))\nCALL WORKER(\"w\"; Formula(ALERT(\"late\")))\n\
                CALL WORKER(\"q\"; \"Sleep\")\nvar $i : Integer\nFor ($i; 1; 100000)\n\
                \tCALL WORKER(\"q\"; \"No_such_method\")\nEnd for\n\
                While (True)\nEnd while\n";
    let file = root.join("main.4dm");
    std::fs::write(&file, main).map_err(io)?;
    let started = Instant::now();
    // On a thread of its own, so that a run that never ends fails the trial
    // instead of hanging the suite.
    let (tx, rx) = std::sync::mpsc::channel();
    let runner = file.clone();
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || {
            let mut run = fourd::eval::Run::for_file(&runner, &runner);
            run.time_limit = Some(Duration::from_millis(300));
            let mut out = Collected::default();
            let outcome = run.run_main(&runner, &[], &mut out);
            let mut text = out.0;
            for diag in &run.diagnostics {
                text.push_str(&fourd::diag::render(diag, &run.sources, RenderOptions::plain()));
            }
            let _ = tx.send((outcome.failed, text));
        })
        .map_err(io)?;
    let (failed, text) = rx.recv_timeout(Duration::from_secs(30)).map_err(|_| "the run did not end in 30 s")?;
    let elapsed = started.elapsed();
    let _ = std::fs::remove_dir_all(&root);
    // An aborted worker's waiting messages never run.
    if !failed || !text.contains("aborted") || text.contains("No_such_method") || elapsed > Duration::from_secs(5) {
        return Err(format!("failed {failed}, after {elapsed:?}, output:\n{text}").into());
    }
    Ok(())
}

/// What a run writes, kept.
#[derive(Default)]
struct Collected(String);

impl fourd::commands::Output for Collected {
    fn stdout(&mut self, text: &str) {
        self.0.push_str(text);
    }
    fn stderr(&mut self, text: &str) {
        self.0.push_str(text);
    }
}

/// `fourd commands --constants --json`: 4D's constants with their theme,
/// token, type and value (null for a constant fourd has no value for), and
/// the documentation page the value comes from.
fn commands_constants_json_gives_the_values() -> Result<(), Failed> {
    let (status, stdout) = run_fourd(&["commands", "--constants", "--json"])?;
    if status != Some(0) {
        return Err(format!("exit status {status:?}").into());
    }
    let rows: serde_json::Value = serde_json::from_str(&stdout).map_err(|e| e.to_string())?;
    let count = rows.as_array().map_or(0, Vec::len);
    if count < 1000 {
        return Err(format!("{count} constants").into());
    }
    let row = |name: &str| {
        rows.as_array().and_then(|rows| rows.iter().find(|r| r["name"] == name)).cloned().unwrap_or_default()
    };
    let expected = [
        ("Is collection", serde_json::json!({"theme": "Field and Variable Types", "token": [8, 32], "value": 42.0})),
        (
            "On Unload",
            serde_json::json!({"theme": "Form Events", "token": [2, 2], "value": 24.0, "source": "docs:form-event-code"}),
        ),
        ("HTTP GET method", serde_json::json!({"type": "Text", "value": "GET"})),
        ("Object type listbox", serde_json::json!({"value": 7.0, "source": "docs:object-get-type"})),
        ("wk background clip", serde_json::json!({"token": [81, 25], "value": null})),
    ];
    for (name, fields) in expected {
        let got = row(name);
        for (key, value) in fields.as_object().into_iter().flatten() {
            if &got[key] != value {
                return Err(format!("{name}: {key} is {}, not {value}", got[key]).into());
            }
        }
    }
    let (status, text) = run_fourd(&["commands", "--constants"])?;
    let line = text.lines().find(|l| l.starts_with("On Unload ")).unwrap_or_default();
    if status != Some(0) || !line.contains(" 24 ") || !line.contains("Form Events:K2:2") {
        return Err(format!("the table line of On Unload: {line:?}").into());
    }
    Ok(())
}

/// `fourd commands --json`: each command row with its argument counts (no
/// maximum for a variadic command), the arguments passed by reference, and
/// the types and thread safety its documentation gives.
fn commands_json_gives_the_table_rows() -> Result<(), Failed> {
    let (status, stdout) = run_fourd(&["commands", "--json"])?;
    if status != Some(0) {
        return Err(format!("exit status {status:?}").into());
    }
    let rows: serde_json::Value = serde_json::from_str(&stdout).map_err(|e| e.to_string())?;
    let row = |name: &str| {
        rows.as_array().and_then(|rows| rows.iter().find(|r| r["name"] == name)).cloned().unwrap_or_default()
    };
    let expected = [
        (
            "ALERT",
            serde_json::json!({"number": 41, "minArgs": 1, "maxArgs": 2, "byReference": [], "star": false, "signature": "ALERT ( message {; okButtonTitle} )"}),
        ),
        ("ARRAY TEXT", serde_json::json!({"number": 222, "minArgs": 2, "maxArgs": 3, "byReference": [1]})),
        ("New object", serde_json::json!({"number": 1471, "minArgs": 0, "maxArgs": null, "byReference": []})),
        (
            "Position",
            serde_json::json!({"number": 15, "minArgs": 2, "maxArgs": 5, "byReference": [4], "star": true,
                "parameterTypes": ["Text", "Text", "Integer", "Integer", "Operator"], "resultType": "Integer"}),
        ),
        // The docs' facts: parameter and result types, thread safety (null when unknown).
        (
            "OPEN URL",
            serde_json::json!({"parameterTypes": ["Text", "Text", "Operator"], "resultType": null, "threadSafe": true}),
        ),
        (
            "Session storage",
            serde_json::json!({"parameterTypes": ["Text"], "resultType": "Object", "threadSafe": false}),
        ),
        ("4D", serde_json::json!({"parameterTypes": [], "resultType": "Object", "threadSafe": true})),
        ("OB Keys", serde_json::json!({"parameterTypes": ["Object"], "resultType": "Collection", "threadSafe": false})),
        ("Num", serde_json::json!({"threadSafe": null})),
        ("ARRAY STRING", serde_json::json!({"parameterTypes": null, "resultType": null, "threadSafe": null})),
    ];
    for (name, fields) in expected {
        let got = row(name);
        for (key, value) in fields.as_object().into_iter().flatten() {
            if &got[key] != value {
                return Err(format!("{name}: {key} is {}, not {value}", got[key]).into());
            }
        }
    }
    Ok(())
}
