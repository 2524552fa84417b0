//! The REPL on a real terminal: the `fourd` binary in a pseudo-terminal,
//! driven as a person would type (rexpect). What is typed waits for what
//! the REPL printed, so the timeouts are only a safety net.
//!
//! The transcripts of the REPL core are golden files (`golden.rs`, `repl/`).

use std::path::{Path, PathBuf};
use std::process::Command;

use libtest_mimic::{Failed, Trial};
use rexpect::session::PtySession;

pub fn trials() -> Vec<Trial> {
    vec![
        Trial::test("repl/terminal/multi_line_if", multi_line_if),
        Trial::test("repl/terminal/tab_completion", tab_completion),
        Trial::test("repl/terminal/ctrl_c_stops_an_entry", ctrl_c_stops_an_entry),
        Trial::test("repl/terminal/ctrl_c_stops_a_delay", ctrl_c_stops_a_delay),
        Trial::test("repl/terminal/ctrl_c_stops_a_wait_in_use", ctrl_c_stops_a_wait_in_use),
        Trial::test("repl/terminal/history_survives_a_restart", history_survives_a_restart),
        Trial::test("repl/piped", piped),
    ]
}

/// How long the terminal may take to show what is expected.
const TIMEOUT_MS: u64 = 30_000;

/// A folder of its own for a trial (its history file, its current folder).
fn scratch(name: &str) -> Result<PathBuf, Failed> {
    let dir = std::env::temp_dir().join(format!("fourd-repl-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot make {}: {e}", dir.display()))?;
    Ok(dir)
}

/// `fourd repl` in a pseudo-terminal, with its history in `dir`.
fn start(dir: &Path) -> Result<PtySession, Failed> {
    let mut command = Command::new(env!("CARGO_BIN_EXE_fourd"));
    command
        .arg("repl")
        .current_dir(dir)
        .env("FOURD_HISTORY", dir.join("history"))
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env_remove("XDG_DATA_HOME");
    let mut session = rexpect::session::spawn_command(command, Some(TIMEOUT_MS)).map_err(failed)?;
    session.exp_string("4D> ").map_err(failed)?;
    Ok(session)
}

/// Types `keys` (without a newline: `send` alone keeps them in a buffer).
fn typed(session: &mut PtySession, keys: &str) -> Result<(), Failed> {
    session.send(keys).map_err(failed)?;
    session.flush().map_err(failed)
}

fn failed(e: rexpect::error::Error) -> Failed {
    format!("{e}").into()
}

/// Ctrl-D at the prompt: the REPL ends.
fn leave(mut session: PtySession) -> Result<(), Failed> {
    session.send_control('d').map_err(failed)?;
    session.exp_eof().map_err(failed)?;
    Ok(())
}

fn multi_line_if() -> Result<(), Failed> {
    let dir = scratch("if")?;
    let mut s = start(&dir)?;
    s.send_line("If (1<2)").map_err(failed)?;
    s.exp_string("...> ").map_err(failed)?;
    s.send_line("ALERT(\"yes\")").map_err(failed)?;
    s.exp_string("...> ").map_err(failed)?;
    s.send_line("End if").map_err(failed)?;
    s.exp_string("yes").map_err(failed)?;
    s.exp_string("4D> ").map_err(failed)?;
    leave(s)
}

fn tab_completion() -> Result<(), Failed> {
    let dir = scratch("tab")?;
    let mut s = start(&dir)?;
    // Two commands start with `New sha`: Tab completes what they share.
    typed(&mut s, "$s:=New sha")?;
    typed(&mut s, "\t")?;
    s.exp_string("New shared ").map_err(failed)?;
    typed(&mut s, "o\t")?;
    s.exp_string("New shared object").map_err(failed)?;
    typed(&mut s, "(\"a\"; 41)\r")?;
    s.exp_string("4D> ").map_err(failed)?;
    // The completed command ran.
    s.send_line("$s.a+1").map_err(failed)?;
    s.exp_string("42").map_err(failed)?;
    s.exp_string("4D> ").map_err(failed)?;
    // After `$s.`, the properties of the object `$s` holds.
    typed(&mut s, "$s.\t")?;
    s.exp_string("$s.a").map_err(failed)?;
    typed(&mut s, "\r")?;
    s.exp_string("41").map_err(failed)?;
    s.exp_string("4D> ").map_err(failed)?;
    leave(s)
}

fn ctrl_c_stops_an_entry() -> Result<(), Failed> {
    let dir = scratch("ctrl_c")?;
    let mut s = start(&dir)?;
    for line in ["If (True)", "ALERT(\"looping\")", "While (True)", "End while"] {
        s.send_line(line).map_err(failed)?;
        s.exp_string("...> ").map_err(failed)?;
    }
    s.send_line("End if").map_err(failed)?;
    // Once the loop runs, Ctrl-C stops it and the prompt comes back.
    s.exp_string("looping").map_err(failed)?;
    s.send_control('c').map_err(failed)?;
    s.exp_string("interrupted").map_err(failed)?;
    s.exp_string("4D> ").map_err(failed)?;
    s.send_line("20+22").map_err(failed)?;
    s.exp_string("42").map_err(failed)?;
    s.exp_string("4D> ").map_err(failed)?;
    leave(s)
}

/// Ctrl-C also ends `DELAY PROCESS` of the main process (ten minutes here,
/// three times the trial's patience).
fn ctrl_c_stops_a_delay() -> Result<(), Failed> {
    let dir = scratch("ctrl_c_delay")?;
    let mut s = start(&dir)?;
    for line in ["If (True)", "ALERT(\"waiting\")", "DELAY PROCESS(Current process; 36000)"] {
        s.send_line(line).map_err(failed)?;
        s.exp_string("...> ").map_err(failed)?;
    }
    s.send_line("End if").map_err(failed)?;
    s.exp_string("waiting").map_err(failed)?;
    s.send_control('c').map_err(failed)?;
    s.exp_string("4D> ").map_err(failed)?;
    s.send_line("20+22").map_err(failed)?;
    s.exp_string("42").map_err(failed)?;
    s.exp_string("4D> ").map_err(failed)?;
    leave(s)
}

/// Ctrl-C also ends a wait in `Use` for an object that another process
/// holds (for ten minutes here); the REPL then takes entries again, and
/// Ctrl-D ends it although the other process still runs.
fn ctrl_c_stops_a_wait_in_use() -> Result<(), Failed> {
    let dir = scratch("ctrl_c_use")?;
    let holder = "#DECLARE($s : Object)\nUse ($s)\n\t$s.held:=True\n\tDELAY PROCESS(Current process; 36000)\nEnd use\n";
    std::fs::write(dir.join("Hold.4dm"), holder).map_err(|e| e.to_string())?;
    let mut s = start(&dir)?;
    s.send_line("$s:=New shared object").map_err(failed)?;
    s.exp_string("4D> ").map_err(failed)?;
    s.send_line("$p:=New process(\"Hold\"; 0; \"holder\"; $s)").map_err(failed)?;
    s.exp_string("4D> ").map_err(failed)?;
    for line in ["Repeat", "DELAY PROCESS(Current process; 1)"] {
        s.send_line(line).map_err(failed)?;
        s.exp_string("...> ").map_err(failed)?;
    }
    s.send_line("Until ($s.held=True)").map_err(failed)?;
    s.exp_string("4D> ").map_err(failed)?;
    for line in ["If (True)", "ALERT(\"waiting\")", "Use ($s)", "ALERT(\"never\")", "End use"] {
        s.send_line(line).map_err(failed)?;
        s.exp_string("...> ").map_err(failed)?;
    }
    s.send_line("End if").map_err(failed)?;
    s.exp_string("waiting").map_err(failed)?;
    s.send_control('c').map_err(failed)?;
    s.exp_string("4D> ").map_err(failed)?;
    s.send_line("20+22").map_err(failed)?;
    s.exp_string("42").map_err(failed)?;
    s.exp_string("4D> ").map_err(failed)?;
    leave(s)
}

fn history_survives_a_restart() -> Result<(), Failed> {
    let dir = scratch("history")?;
    let mut s = start(&dir)?;
    s.send_line("6*7").map_err(failed)?;
    s.exp_string("42").map_err(failed)?;
    s.exp_string("4D> ").map_err(failed)?;
    leave(s)?;
    let saved = std::fs::read_to_string(dir.join("history")).unwrap_or_default();
    if !saved.lines().any(|l| l == "6*7") {
        return Err(format!("the history file does not hold the entry:\n{saved}").into());
    }
    // Up arrow, then Enter: the entry of the last session runs again.
    let mut s = start(&dir)?;
    typed(&mut s, "\x1b[A")?;
    s.exp_string("6*7").map_err(failed)?;
    typed(&mut s, "\r")?;
    s.exp_string("42").map_err(failed)?;
    s.exp_string("4D> ").map_err(failed)?;
    leave(s)
}

/// Not a terminal: `echo '1+2' | fourd` prints `3`.
fn piped() -> Result<(), Failed> {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_fourd"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .current_dir(scratch("piped")?)
        .spawn()
        .map_err(|e| format!("cannot run fourd: {e}"))?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(b"1+2\n").map_err(|e| e.to_string())?;
    }
    let output = child.wait_with_output().map_err(|e| e.to_string())?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    if stdout == "3\n" && output.status.success() {
        Ok(())
    } else {
        Err(format!("stdout {stdout:?}, stderr {:?}, {}", String::from_utf8_lossy(&output.stderr), output.status)
            .into())
    }
}
