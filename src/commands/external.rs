//! External programs: `SET ENVIRONMENT VARIABLE`, `LAUNCH EXTERNAL PROCESS`
//! and `OPEN URL`.
//!
//! What `SET ENVIRONMENT VARIABLE` sets belongs to the running 4D process and
//! reaches only the programs it launches (fourd never changes its own
//! environment, which is not safe in a program of many threads). The three
//! `_4D_OPTION_...` variables are options of the next launch only, as
//! documented. A command line is cut into the program and its arguments at
//! spaces, double quotes grouping (`"C:\My Docs\a.txt"` is one argument);
//! no shell reads it. Each output stream keeps at most [`MAX_OUTPUT`] bytes.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::process::{Command, Stdio};

use super::blob::put_blob;
use super::{Args, Ctx};
use crate::runtime::blob::scalar_of;
use crate::runtime::error::RuntimeError;
use crate::runtime::types::code;
use crate::runtime::value::{Pointer, Value};

/// The most bytes of standard output (and of standard error) kept from one
/// launched program: what it writes beyond is read and dropped.
pub const MAX_OUTPUT: usize = 256 << 20;

const OPTION_CURRENT_DIRECTORY: &str = "_4D_OPTION_CURRENT_DIRECTORY";
const OPTION_HIDE_CONSOLE: &str = "_4D_OPTION_HIDE_CONSOLE";
const OPTION_BLOCKING: &str = "_4D_OPTION_BLOCKING_EXTERNAL_PROCESS";

/// What `SET ENVIRONMENT VARIABLE` left for the programs a process launches.
#[derive(Default, Debug)]
pub struct Environment {
    /// Variables set for the launched programs, beyond those fourd has.
    pub vars: BTreeMap<String, String>,
    /// The options of the next `LAUNCH EXTERNAL PROCESS`.
    current_directory: Option<String>,
    blocking: Option<bool>,
    /// Windows only (4D hides the console window); kept, and used by no launch here.
    hide_console: Option<bool>,
}

/// `SET ENVIRONMENT VARIABLE(varName; varValue)` (812).
pub(crate) fn set_environment_variable(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let name = args.text(0)?.to_string();
    let value = args.text(1)?.to_string();
    if name.is_empty() || name.contains(['=', '\0']) || value.contains('\0') {
        return Err(super::bad_argument("SET ENVIRONMENT VARIABLE: a name without \"=\", and texts without NUL"));
    }
    let env = ctx.host.environment();
    let flag = |value: &str| match value.to_ascii_lowercase().as_str() {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    };
    match name.as_str() {
        OPTION_CURRENT_DIRECTORY => env.current_directory = (!value.is_empty()).then_some(value),
        OPTION_HIDE_CONSOLE => env.hide_console = flag(&value),
        // "" does nothing (documented).
        OPTION_BLOCKING if value.is_empty() => {}
        OPTION_BLOCKING => env.blocking = flag(&value),
        _ if value.is_empty() => {
            env.vars.remove(&name);
        }
        _ => {
            env.vars.insert(name, value);
        }
    }
    Ok(Value::Undefined)
}

/// A command line cut into words: spaces separate, double quotes group.
pub fn split_command_line(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let (mut quoted, mut started) = (false, false);
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                started = true;
            }
            c if c.is_whitespace() && !quoted => {
                if started {
                    words.push(std::mem::take(&mut word));
                    started = false;
                }
            }
            c => {
                word.push(c);
                started = true;
            }
        }
    }
    if started {
        words.push(word);
    }
    words
}

/// Reads a stream to its end, keeping at most [`MAX_OUTPUT`] bytes.
pub fn read_bounded(mut stream: impl Read) -> Vec<u8> {
    let mut kept = Vec::new();
    let mut buffer = [0u8; 8192];
    loop {
        match stream.read(&mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                let room = MAX_OUTPUT.saturating_sub(kept.len());
                kept.extend_from_slice(&buffer[..n.min(room)]);
            }
        }
    }
    kept
}

/// Whether the variable a pointer designates holds numbers (the `pid` argument).
fn is_number_variable(ctx: &mut Ctx<'_>, pointer: &Pointer) -> Result<bool, RuntimeError> {
    Ok(matches!(ctx.host.variable_type(pointer)?, code::IS_LONGINT | code::IS_INTEGER | code::IS_REAL))
}

/// The bytes of a text or a BLOB (the input stream); a variable is read.
fn input_bytes(ctx: &mut Ctx<'_>, value: &Value, i: usize) -> Result<Vec<u8>, RuntimeError> {
    let value = match value {
        Value::Pointer(p) => ctx.host.deref(p)?,
        other => other.clone(),
    };
    match &value {
        Value::Text(t) => Ok(t.as_str().as_bytes().to_vec()),
        Value::Undefined | Value::Null => Ok(Vec::new()),
        other => scalar_of(other).map(|b| b.to_vec()).ok_or_else(|| super::wrong_type(i, "a text or a BLOB", other)),
    }
}

/// Puts an output stream into its variable: a BLOB variable gets the bytes,
/// any other the text (UTF-8, bad sequences replaced).
fn put_output(ctx: &mut Ctx<'_>, pointer: &Pointer, bytes: Vec<u8>) -> Result<(), RuntimeError> {
    let blob = match ctx.host.variable_type(pointer)? {
        code::IS_BLOB => true,
        code::IS_TEXT => false,
        _ => scalar_of(&ctx.host.deref(pointer)?).is_some(),
    };
    if blob {
        put_blob(ctx, pointer, bytes)
    } else {
        ctx.host.assign(pointer, Value::text(String::from_utf8_lossy(&bytes).into_owned()))
    }
}

/// `LAUNCH EXTERNAL PROCESS(fileName {; inputStream {; outputStream {; errorStream}}}{; pid})` (811).
pub(crate) fn launch_external_process(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let line = args.text(0)?.to_string();
    // The last argument is the pid when it is a variable of numbers.
    let mut streams = args.len();
    let mut pid = None;
    if args.len() > 1
        && let Value::Pointer(p) = args.get(args.len() - 1)
        && (args.len() == 5 || is_number_variable(ctx, p)?)
    {
        pid = Some(p.clone());
        streams -= 1;
    }
    let input = if streams > 1 { Some(input_bytes(ctx, args.get(1), 1)?) } else { None };
    let output = if streams > 2 { Some(args.pointer(2)?) } else { None };
    let errors = if streams > 3 { Some(args.pointer(3)?) } else { None };
    let env = ctx.host.environment();
    let directory = env.current_directory.take();
    let blocking = env.blocking.take().unwrap_or(true);
    env.hide_console = None;
    let vars = env.vars.clone();
    let words = split_command_line(&line);
    let Some((program, rest)) = words.split_first() else {
        ctx.set_ok(false)?;
        return Ok(Value::Undefined);
    };
    let mut command = Command::new(program);
    command.args(rest).envs(&vars);
    if let Some(directory) = &directory {
        command.current_dir(directory);
    }
    command.stdin(if input.is_some() { Stdio::piped() } else { Stdio::null() });
    let capture = |wanted: bool| if wanted && blocking { Stdio::piped() } else { Stdio::null() };
    command.stdout(capture(output.is_some())).stderr(capture(errors.is_some()));
    let mut child = match command.spawn() {
        Ok(child) => child,
        Err(_) => {
            ctx.set_ok(false)?;
            return Ok(Value::Undefined);
        }
    };
    if let Some(pointer) = &pid {
        ctx.host.assign(pointer, Value::Real(f64::from(child.id())))?;
    }
    let writer = child.stdin.take().map(|mut stdin| {
        let bytes = input.unwrap_or_default();
        std::thread::spawn(move || {
            // A program that ends without reading its input is no error.
            let _ = stdin.write_all(&bytes);
        })
    });
    if !blocking {
        // Reaped on a thread of its own, so that it leaves no zombie.
        std::thread::spawn(move || {
            let _ = child.wait();
            if let Some(writer) = writer {
                let _ = writer.join();
            }
        });
        ctx.set_ok(true)?;
        return Ok(Value::Undefined);
    }
    let out_reader = child.stdout.take().map(|s| std::thread::spawn(move || read_bounded(s)));
    let err_reader = child.stderr.take().map(|s| std::thread::spawn(move || read_bounded(s)));
    let out_bytes = out_reader.map(|r| r.join().unwrap_or_default()).unwrap_or_default();
    let err_bytes = err_reader.map(|r| r.join().unwrap_or_default()).unwrap_or_default();
    let waited = child.wait();
    if let Some(writer) = writer {
        let _ = writer.join();
    }
    if let Some(pointer) = &output {
        put_output(ctx, pointer, out_bytes)?;
    }
    if let Some(pointer) = &errors {
        put_output(ctx, pointer, err_bytes)?;
    }
    ctx.set_ok(waited.is_ok())?;
    Ok(Value::Undefined)
}

/// The environment variable that names the program `OPEN URL` hands its
/// path or URL to, instead of the system's opener (a command line; the path
/// is its last argument).
pub const OPENER_VARIABLE: &str = "FOURD_OPEN_URL";

/// `OPEN URL(path {; appName}{; *})` (673): fourd has no browser of its own,
/// so it hands the document or the URL to the program named by
/// `FOURD_OPEN_URL` (in the process's environment, then fourd's), else to
/// the system's opener (`open` on macOS, `xdg-open` elsewhere; with
/// `appName`, `open -a appName` on macOS and the program `appName` itself
/// elsewhere, the system's opener when it cannot be started). The opener's
/// output is the process's. When no opener can be started, the URL is
/// written on standard output (`OPEN URL: ...`). Without `*`, a URL's
/// characters that may not appear in one are percent-encoded; a path is
/// passed as it is. Nothing happens in a web process (documented).
pub(crate) fn open_url(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let path = args.text(0)?.to_string();
    let app = if args.len() > 1 { args.text(1)?.trim().to_string() } else { String::new() };
    if ctx.host.web().is_some() || path.trim().is_empty() {
        return Ok(Value::Undefined);
    }
    if ctx.host.project_folder().is_none() {
        return Err(RuntimeError::new(
            crate::runtime::error::codes::NOT_SUPPORTED,
            "this run gives no access to the machine's programs",
        ));
    }
    let is_url = !std::path::Path::new(&path).exists()
        && path.split_once(':').is_some_and(|(scheme, _)| {
            scheme.len() > 1 && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        });
    let target = if is_url && !args.star { super::web::encode_url(&path) } else { path };
    let vars = ctx.host.environment().vars.clone();
    let configured = vars.get(OPENER_VARIABLE).cloned().or_else(|| std::env::var(OPENER_VARIABLE).ok());
    let mut openers: Vec<(Vec<String>, bool)> = Vec::new();
    match configured {
        Some(line) => openers.push((split_command_line(&line), true)),
        None => {
            if cfg!(target_os = "macos") {
                if !app.is_empty() {
                    openers.push((vec![String::from("open"), String::from("-a"), app.clone()], true));
                }
                openers.push((vec![String::from("open")], true));
            } else if cfg!(windows) {
                let title = String::new();
                openers.push((vec![String::from("cmd"), String::from("/C"), String::from("start"), title], true));
            } else {
                if !app.is_empty() {
                    // The application itself, which is not waited for.
                    openers.push((vec![app.clone()], false));
                }
                openers.push((vec![String::from("xdg-open")], true));
            }
        }
    }
    for (mut words, waited) in openers {
        if words.is_empty() {
            continue;
        }
        words.push(target.clone());
        let mut command = Command::new(&words[0]);
        command.args(&words[1..]).envs(&vars).stdin(Stdio::null());
        if !waited {
            command.stdout(Stdio::null()).stderr(Stdio::null());
            if let Ok(mut child) = command.spawn() {
                std::thread::spawn(move || child.wait());
                return Ok(Value::Undefined);
            }
            continue;
        }
        // The openers hand the document over and return: their output is the process's.
        if let Ok(output) = command.output() {
            let out = ctx.out();
            out.stdout(&String::from_utf8_lossy(&output.stdout));
            out.stderr(&String::from_utf8_lossy(&output.stderr));
            return Ok(Value::Undefined);
        }
    }
    ctx.out().stdout(&format!("OPEN URL: {target}\n"));
    Ok(Value::Undefined)
}

#[cfg(test)]
mod tests {
    use super::split_command_line;

    #[test]
    fn quotes_group_words() {
        assert_eq!(split_command_line("  /bin/ls -l  /tmp "), ["/bin/ls", "-l", "/tmp"]);
        assert_eq!(split_command_line(r#"sh -c "echo a  b" """#), ["sh", "-c", "echo a  b", ""]);
        assert_eq!(split_command_line(r#"a"b c"d"#), ["ab cd"]);
        assert!(split_command_line("   ").is_empty());
    }
}
