//! `fourd test [PATH...]`: golden-file tests. A test is `NAME.4dm` with
//! `NAME.out` (expected standard output) and/or `NAME.err` (expected standard
//! error; the run must then fail). Each test runs as `fourd run` in a child
//! process, so that a per-test timeout can stop it and a crash stays contained.
//! Results print for people (`--format human`) or as JSON lines (`--format
//! json`), and `--junit FILE` writes them as a JUnit XML report for CI servers.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The options of `fourd test`.
pub struct TestOptions {
    pub bless: bool,
    pub filter: Option<String>,
    pub jobs: usize,
    pub timeout: Duration,
    /// Finding no test is a success (it is an error otherwise).
    pub allow_no_tests: bool,
    /// Only list the tests found, without running them.
    pub list: bool,
    pub format: TestFormat,
    /// Where to write a JUnit XML report.
    pub junit: Option<PathBuf>,
}

/// How `fourd test` prints its results.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum TestFormat {
    /// A `FAIL` report for each failing test, then `N passed, F failed`.
    #[default]
    Human,
    /// One JSON object a line for each test, then one for the totals.
    Json,
}

/// The outcome of one test: `None` when it passed, else what went wrong;
/// and how long it took.
struct Verdict {
    failure: Option<String>,
    time: Duration,
}

/// What one test run gave.
pub struct RunResult {
    pub stdout: String,
    pub stderr: String,
    /// The exit status; `None` when the run was stopped by the timeout.
    pub status: Option<i32>,
}

/// The tests at or under `path`: `.4dm` files with a `.out` or `.err` beside
/// them; an error for a folder that cannot be read.
pub fn discover(path: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    super::check::collect_4dm_or_error(path, &mut files)?;
    files.retain(|f| f.with_extension("out").exists() || f.with_extension("err").exists());
    Ok(files)
}

/// Runs `file` with the `fourd` binary `exe` in `dir`, stopping it after `timeout`.
pub fn run_case(exe: &Path, dir: &Path, file_name: &Path, timeout: Duration) -> std::io::Result<RunResult> {
    let mut child = Command::new(exe)
        .arg("run")
        .arg(file_name)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    // Read both pipes on their own threads so that a chatty test cannot block on a full pipe.
    let mut stdout_pipe = child.stdout.take();
    let mut stderr_pipe = child.stderr.take();
    let stdout_reader = std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(pipe) = stdout_pipe.as_mut() {
            let _ = pipe.read_to_string(&mut text);
        }
        text
    });
    let stderr_reader = std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(pipe) = stderr_pipe.as_mut() {
            let _ = pipe.read_to_string(&mut text);
        }
        text
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status.code();
        }
        if started.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        // A safety net only: the wait ends as soon as the child does.
        std::thread::sleep(Duration::from_millis(2));
    };
    Ok(RunResult {
        stdout: stdout_reader.join().unwrap_or_default(),
        stderr: stderr_reader.join().unwrap_or_default(),
        status,
    })
}

/// Compares a run with the expectations of `file`; `None` when it passes,
/// else the report of what differs.
pub fn judge(file: &Path, run: &RunResult, timeout: Duration) -> Option<String> {
    let Some(status) = run.status else {
        return Some(format!("timed out after {} s", timeout.as_secs_f64()));
    };
    let mut report = String::new();
    let expected_out = std::fs::read_to_string(file.with_extension("out")).unwrap_or_default();
    let err_path = file.with_extension("err");
    let expected_err = std::fs::read_to_string(&err_path).unwrap_or_default();
    if expected_out != run.stdout {
        report.push_str(&format!("standard output differs:\n{}", diff(&expected_out, &run.stdout)));
    }
    if expected_err != run.stderr {
        report.push_str(&format!("standard error differs:\n{}", diff(&expected_err, &run.stderr)));
    }
    let expected_status = if err_path.exists() { 1 } else { 0 };
    if status != expected_status {
        report.push_str(&format!("exit status {status}, expected {expected_status}\n"));
    }
    (!report.is_empty()).then_some(report)
}

/// Writes a run's output into the expectation files of `file`.
pub fn bless(file: &Path, run: &RunResult) -> std::io::Result<()> {
    let (out, err) = (file.with_extension("out"), file.with_extension("err"));
    if run.stdout.is_empty() && !out.exists() {
        // Nothing expected on standard output and nothing printed: no file needed.
    } else {
        std::fs::write(&out, &run.stdout)?;
    }
    if run.stderr.is_empty() {
        if err.exists() {
            std::fs::remove_file(&err)?;
        }
    } else {
        std::fs::write(&err, &run.stderr)?;
    }
    Ok(())
}

/// A line diff of expected against actual: `-` expected lines, `+` actual ones.
pub fn diff(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    let prefix = e.iter().zip(&a).take_while(|(x, y)| x == y).count();
    let suffix = e[prefix..].iter().rev().zip(a[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    let mut out = String::new();
    for line in &e[prefix..e.len() - suffix] {
        out.push_str(&format!("-{line}\n"));
    }
    for line in &a[prefix..a.len() - suffix] {
        out.push_str(&format!("+{line}\n"));
    }
    if out.is_empty() {
        out.push_str("(the texts differ in line ends or a final newline)\n");
    }
    out
}

/// From how many tests `fourd test` shows its progress on a terminal.
const PROGRESS_TESTS: usize = 2;

/// Runs `fourd test PATH... [--bless] [--filter TEXT] [--jobs N] [--timeout SECONDS]`.
pub fn run(paths: &[PathBuf], options: &TestOptions) -> ExitCode {
    let roots: Vec<PathBuf> = if paths.is_empty() { vec![PathBuf::from(".")] } else { paths.to_vec() };
    let mut tests = Vec::new();
    for root in &roots {
        if !root.exists() {
            return super::usage_error(&format!("no such file or folder: {}", root.display()));
        }
        match discover(root) {
            Ok(found) => tests.extend(found),
            Err(why) => return super::usage_error(&why),
        }
    }
    if let Some(filter) = &options.filter {
        tests.retain(|t| t.display().to_string().contains(filter.as_str()));
    }
    if tests.is_empty() && !options.allow_no_tests {
        eprintln!(
            "error: no tests found (a test is a .4dm file with a .out or .err file beside it); --allow-no-tests accepts that"
        );
        return ExitCode::from(1);
    }
    if options.list {
        for test in &tests {
            println!("{}", test.display());
        }
        return ExitCode::SUCCESS;
    }
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(e) => {
            eprintln!("error: cannot find the fourd binary: {e}");
            return ExitCode::from(2);
        }
    };
    let next = AtomicUsize::new(0);
    let mut verdicts: Vec<Option<Verdict>> = (0..tests.len()).map(|_| None).collect();
    let progress = super::Progress::on_terminal(tests.len(), PROGRESS_TESTS, "testing", "tests", "failed");
    let progress = progress.as_ref();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..options.jobs.max(1).min(tests.len().max(1)))
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(test) = tests.get(index) else { break };
                        let started = Instant::now();
                        let failure = one_test(&exe, test, options);
                        if let Some(progress) = progress {
                            progress.advance(usize::from(failure.is_some()));
                        }
                        done.push((index, Verdict { failure, time: started.elapsed() }));
                    }
                    done
                })
            })
            .collect();
        for worker in workers {
            if let Ok(done) = worker.join() {
                for (index, verdict) in done {
                    verdicts[index] = Some(verdict);
                }
            }
        }
    });
    if let Some(progress) = progress {
        progress.finish();
    }
    let verdicts: Vec<Verdict> = verdicts
        .into_iter()
        .map(|v| {
            v.unwrap_or_else(|| Verdict { failure: Some(String::from("the test did not run")), time: Duration::ZERO })
        })
        .collect();
    let failed = verdicts.iter().filter(|v| v.failure.is_some()).count();
    let passed = verdicts.len() - failed;
    for (test, verdict) in tests.iter().zip(&verdicts) {
        match options.format {
            TestFormat::Human => {
                if let Some(report) = &verdict.failure {
                    println!("FAIL {}\n{report}", test.display());
                }
            }
            TestFormat::Json => {
                let line = serde_json::json!({
                    "test": test.display().to_string(),
                    "outcome": if verdict.failure.is_some() { "failed" } else { "passed" },
                    "seconds": verdict.time.as_secs_f64(),
                    "report": verdict.failure,
                });
                println!("{line}");
            }
        }
    }
    match options.format {
        TestFormat::Human => {
            println!("{passed} passed, {failed} failed");
            if let Some(slowest) = slowest(&tests, &verdicts) {
                eprintln!("{slowest}");
            }
        }
        TestFormat::Json => println!("{}", serde_json::json!({ "passed": passed, "failed": failed })),
    }
    if let Some(path) = &options.junit
        && let Err(e) = std::fs::write(path, junit(&tests, &verdicts))
    {
        eprintln!("error: cannot write the JUnit report {}: {e}", path.display());
        return ExitCode::from(2);
    }
    if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

/// The three slowest tests, when there are several: `slowest: a.4dm 1.20 s, ...`.
fn slowest(tests: &[PathBuf], verdicts: &[Verdict]) -> Option<String> {
    if tests.len() < 2 {
        return None;
    }
    let mut order: Vec<usize> = (0..tests.len()).collect();
    order.sort_by(|&a, &b| verdicts[b].time.cmp(&verdicts[a].time));
    let list: Vec<String> = order
        .iter()
        .take(3)
        .map(|&i| format!("{} {:.2} s", tests[i].display(), verdicts[i].time.as_secs_f64()))
        .collect();
    Some(format!("slowest: {}", list.join(", ")))
}

/// The results as a JUnit XML report, in the Ant format CI servers read
/// (valid against the common `JUnit.xsd` of that format and Jenkins's
/// `junit-4.xsd`): one `testsuite`, whose one property is fourd's version,
/// one `testcase` per test, named by its file and classed by its folder.
fn junit(tests: &[PathBuf], verdicts: &[Verdict]) -> String {
    let failed = verdicts.iter().filter(|v| v.failure.is_some()).count();
    let total: f64 = verdicts.iter().map(|v| v.time.as_secs_f64()).sum();
    // The schema wants a local time with no zone; UTC is written.
    let now = jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%S").to_string();
    let host = ["HOSTNAME", "COMPUTERNAME"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|h| !h.trim().is_empty()))
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok().map(|h| h.trim().to_string()))
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| String::from("localhost"));
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.push_str(&format!(
        "<testsuite name=\"fourd test\" timestamp=\"{now}\" hostname=\"{}\" tests=\"{}\" failures=\"{failed}\" \
         errors=\"0\" time=\"{total:.3}\">\n  <properties>\n    \
         <property name=\"fourd.version\" value=\"{}\"/>\n  </properties>\n",
        xml_escape(&host),
        tests.len(),
        xml_escape(crate::VERSION)
    ));
    for (test, verdict) in tests.iter().zip(verdicts) {
        let name = test.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let folder = test.parent().map(|p| p.to_string_lossy().replace(['/', '\\'], ".")).unwrap_or_default();
        let classname = folder.trim_matches('.');
        xml.push_str(&format!(
            "  <testcase name=\"{}\" classname=\"{}\" time=\"{:.3}\"",
            xml_escape(&name),
            xml_escape(if classname.is_empty() { "fourd" } else { classname }),
            verdict.time.as_secs_f64()
        ));
        match &verdict.failure {
            None => xml.push_str("/>\n"),
            Some(report) => {
                let first = report.lines().next().unwrap_or("failed").trim_end_matches(':');
                xml.push_str(&format!(
                    ">\n    <failure message=\"{}\" type=\"failure\">{}</failure>\n  </testcase>\n",
                    xml_escape(first),
                    xml_escape(report)
                ));
            }
        }
    }
    xml.push_str("  <system-out/>\n  <system-err/>\n</testsuite>\n");
    xml
}

/// `text` escaped for XML text and attribute values; characters XML 1.0
/// cannot hold (most control characters) become U+FFFD.
fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Runs one test: `None` when it passes (or was blessed), else what went wrong.
fn one_test(exe: &Path, test: &Path, options: &TestOptions) -> Option<String> {
    let dir = test.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = PathBuf::from(test.file_name().unwrap_or_default());
    let run = match run_case(exe, dir, &name, options.timeout) {
        Ok(run) => run,
        Err(e) => return Some(format!("cannot run: {e}")),
    };
    if options.bless && run.status.is_some() {
        return bless(test, &run).err().map(|e| format!("cannot write the expectations: {e}"));
    }
    judge(test, &run, options.timeout)
}
