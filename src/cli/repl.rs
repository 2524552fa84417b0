//! `fourd repl [PROJECT]` (and plain `fourd`): the REPL's front end.
//!
//! On a terminal: rustyline, with a helper that completes names (commands,
//! keywords, variables, methods, and after `$obj.` the properties of the
//! object the variable holds), colours 4D code and the bracket matching the
//! one at the cursor, hints from the history, and keeps a multi-line entry
//! (recalled or pasted) open while it is incomplete. The history is kept in
//! the user's data folder. Each further line of an incomplete entry is asked
//! for with `...> `. Ctrl-C stops the running entry (through
//! `eval::repl::Interrupter`), or drops the entry being typed; Ctrl-D leaves. Whatever
//! other processes print goes through rustyline's external printer, above
//! the prompt.
//!
//! Otherwise (standard input or output is not a terminal) lines are read
//! plainly and only the output is written: `echo '1+2' | fourd` prints `3`.
//!
//! The evaluation itself is the REPL core, `eval::repl`.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;

use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::{Hinter, HistoryHinter};
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{ColorMode, CompletionType, Config, Context, Editor, ExternalPrinter, Helper};

use crate::commands::Output;
use crate::diag::RenderOptions;
use crate::eval::Run;
use crate::eval::repl::{self, Fed, Known};

/// The prompt of a new entry, and of each further line of an incomplete one.
pub const PROMPT: &str = "4D> ";
pub const CONTINUATION: &str = "...> ";

/// `fourd repl [PROJECT]`.
pub fn run(project: Option<&Path>) -> ExitCode {
    let (folder, display) = match project {
        Some(path) => {
            // tool4d names the `.4DProject` file inside `Project/`.
            let root = if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("4DProject")) {
                path.parent().and_then(Path::parent).map(Path::to_path_buf).unwrap_or_default()
            } else {
                path.to_path_buf()
            };
            if !root.is_dir() {
                return super::usage_error(&format!("no such project folder: {}", path.display()));
            }
            (root.clone(), root)
        }
        None => (PathBuf::from("."), PathBuf::new()),
    };
    let interactive = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    let ok = crate::syntax::on_deep_stack(|| {
        let mut run = Run::for_folder(&folder, &display);
        if interactive { terminal(&mut run) } else { plain(&mut run) }
    });
    let _ = std::io::stdout().flush();
    if ok == Some(true) { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

/// Lines from a pipe or a file: no prompts, no echo; whether every entry succeeded.
fn plain(run: &mut Run) -> bool {
    let mut out = super::run::Terminal::new();
    let render = super::stderr_render();
    repl::run_repl(run, &mut out, render, false, |repl| {
        let mut stdin = std::io::stdin().lock();
        let mut bytes = Vec::new();
        loop {
            bytes.clear();
            match stdin.read_until(b'\n', &mut bytes) {
                Ok(0) | Err(_) => break,
                Ok(_) => {}
            }
            let line = String::from_utf8_lossy(&bytes);
            let line = line.strip_suffix('\n').unwrap_or(&line);
            let line = line.strip_suffix('\r').unwrap_or(line);
            if repl.line(line) == Fed::Quit {
                return !repl.failed;
            }
        }
        // An entry cut short by the end of the input runs as it is (its errors say what is missing).
        repl.finish_pending();
        !repl.failed
    })
}

/// Where the history is kept: `$FOURD_HISTORY`, else `fourd/history` in
/// the user's data folder (`$XDG_DATA_HOME`, else `~/.local/share`; on
/// Windows `%APPDATA%`).
pub fn history_path() -> Option<PathBuf> {
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    if let Some(path) = var("FOURD_HISTORY") {
        return Some(path);
    }
    let data = var("XDG_DATA_HOME")
        .or_else(|| var("HOME").map(|home| home.join(".local").join("share")))
        .or_else(|| var("APPDATA"))?;
    Some(data.join("fourd").join("history"))
}

/// The output of a terminal session: through rustyline's external printer,
/// which writes above the prompt while a line is being edited, and
/// straight to the terminal while an entry runs.
struct Printer<P: ExternalPrinter + Send>(P);

impl<P: ExternalPrinter + Send> Output for Printer<P> {
    fn stdout(&mut self, text: &str) {
        let _ = self.0.print(text.to_string());
    }

    fn stderr(&mut self, text: &str) {
        let _ = self.0.print(text.to_string());
    }
}

/// The interactive REPL on a terminal; always succeeds.
fn terminal(run: &mut Run) -> bool {
    let color = std::env::var_os("NO_COLOR").is_none();
    let builder = Config::builder()
        .auto_add_history(false)
        .completion_type(CompletionType::List)
        .color_mode(if color { ColorMode::Enabled } else { ColorMode::Disabled });
    let config =
        builder.max_history_size(1000).and_then(|b| b.history_ignore_dups(true)).map(|b| b.build()).unwrap_or_default();
    let known = Rc::new(RefCell::new(Known::default()));
    let mut editor: Editor<ReplHelper, rustyline::history::DefaultHistory> = match Editor::with_config(config) {
        Ok(editor) => editor,
        Err(e) => {
            eprintln!("fourd: the terminal cannot be used ({e}); reading lines plainly");
            return plain(run);
        }
    };
    editor.set_helper(Some(ReplHelper::new(Rc::clone(&known), color)));
    let history = history_path();
    if let Some(path) = &history {
        let _ = editor.load_history(path);
    }
    let printer = match editor.create_external_printer() {
        Ok(printer) => printer,
        Err(e) => {
            eprintln!("fourd: the terminal cannot be used ({e}); reading lines plainly");
            return plain(run);
        }
    };
    let mut out = Printer(printer);
    let render = RenderOptions { color, ..super::stderr_render() };
    println!("fourd {}: 4D code, or :help", env!("CARGO_PKG_VERSION"));
    repl::run_repl(run, &mut out, render, true, |repl| {
        let interrupter = repl.interrupter();
        // Ctrl-C while an entry runs (the terminal is not in raw mode then).
        let _ = ctrlc::set_handler(move || interrupter.interrupt());
        *known.borrow_mut() = repl.known();
        let mut entry: Vec<String> = Vec::new();
        loop {
            let prompt = if repl.pending() { CONTINUATION } else { PROMPT };
            match editor.readline(prompt) {
                Ok(line) => {
                    entry.push(line.clone());
                    let fed = repl.line(&line);
                    if fed == Fed::More {
                        continue;
                    }
                    let _ = editor.add_history_entry(entry.join("\n"));
                    entry.clear();
                    if let Some(path) = &history {
                        save_history(&mut editor, path);
                    }
                    if fed == Fed::Quit {
                        break;
                    }
                    *known.borrow_mut() = repl.known();
                }
                Err(ReadlineError::Interrupted) => {
                    // Ctrl-C at the prompt drops the entry being typed.
                    repl.cancel();
                    entry.clear();
                    repl.messages();
                }
                Err(ReadlineError::Eof) => break,
                Err(e) => {
                    eprintln!("fourd: cannot read the terminal: {e}");
                    break;
                }
            }
        }
    });
    true
}

/// Writes the history file, making its folder if needed.
fn save_history(editor: &mut Editor<ReplHelper, rustyline::history::DefaultHistory>, path: &Path) {
    if let Some(folder) = path.parent() {
        let _ = std::fs::create_dir_all(folder);
    }
    let _ = editor.save_history(path);
}

/// rustyline's helper: completion, colours, hints, multi-line validation.
pub struct ReplHelper {
    known: Rc<RefCell<Known>>,
    color: bool,
    hinter: HistoryHinter,
    /// Whether the refresh is the last one of a line (no bracket shown then).
    final_refresh: Cell<bool>,
    /// Commands and keywords, lower case, longest first, for colouring.
    words: Vec<(String, Class)>,
}

/// What a word of 4D code is, for colouring.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    Keyword,
    Command,
}

impl ReplHelper {
    fn new(known: Rc<RefCell<Known>>, color: bool) -> ReplHelper {
        let mut words: Vec<(String, Class)> =
            repl::KEYWORDS.iter().map(|k| (k.to_lowercase(), Class::Keyword)).collect();
        words.extend(crate::commands::table::COMMANDS.iter().map(|c| (c.name.to_lowercase(), Class::Command)));
        words.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        ReplHelper { known, color, hinter: HistoryHinter::new(), final_refresh: Cell::new(false), words }
    }
}

impl Helper for ReplHelper {}

impl Validator for ReplHelper {
    /// A buffer of several lines (recalled from the history, or pasted)
    /// stays open while it is incomplete; a single line is taken as it is,
    /// and the REPL asks for the next with `...> `.
    fn validate(&self, ctx: &mut ValidationContext<'_>) -> rustyline::Result<ValidationResult> {
        let input = ctx.input();
        if input.contains('\n') && !input.trim_start().starts_with(':') && repl::incomplete(input) {
            Ok(ValidationResult::Incomplete)
        } else {
            Ok(ValidationResult::Valid(None))
        }
    }
}

impl Hinter for ReplHelper {
    type Hint = String;

    fn hint(&self, line: &str, pos: usize, ctx: &Context<'_>) -> Option<String> {
        self.hinter.hint(line, pos, ctx)
    }
}

impl Completer for ReplHelper {
    type Candidate = Pair;

    fn complete(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> rustyline::Result<(usize, Vec<Pair>)> {
        Ok(complete(&self.known.borrow(), line, pos))
    }
}

impl Highlighter for ReplHelper {
    fn highlight<'l>(&self, line: &'l str, pos: usize) -> Cow<'l, str> {
        if !self.color {
            return Cow::Borrowed(line);
        }
        let bracket = if self.final_refresh.get() { None } else { matching_brackets(line, pos) };
        Cow::Owned(colour(line, &self.words, bracket))
    }

    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        if self.color { Cow::Owned(format!("\x1b[2m{hint}\x1b[0m")) } else { Cow::Borrowed(hint) }
    }

    fn highlight_char(&self, _line: &str, _pos: usize, kind: CmdKind) -> bool {
        self.final_refresh.set(kind == CmdKind::ForcedRefresh);
        self.color
    }
}

/// Type names, completed after `var $x : `.
const TYPES: &[&str] = &[
    "Text",
    "Integer",
    "Real",
    "Boolean",
    "Date",
    "Time",
    "Object",
    "Collection",
    "Variant",
    "Pointer",
    "Picture",
    "Blob",
];

/// Whether `c` may be part of a (possibly multi-word) 4D name.
fn name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == ' ' || c == '$'
}

/// The completions of the text before `pos`: the start of what they
/// replace, and the candidates.
fn complete(known: &Known, line: &str, pos: usize) -> (usize, Vec<Pair>) {
    let Some(before) = line.get(..pos) else { return (pos, Vec::new()) };
    // Nothing inside a text literal.
    if before.matches('"').count() % 2 == 1 {
        return (pos, Vec::new());
    }
    // After `path.`: the members of the value at path.
    let partial_start = before.rfind(|c: char| !(c.is_alphanumeric() || c == '_')).map_or(0, |i| i + 1);
    let partial = &before[partial_start..];
    if before[..partial_start].ends_with('.') {
        let path_end = partial_start - 1;
        let path_start = before[..path_end]
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$' || c == '.'))
            .map_or(0, |i| i + 1);
        let path = &before[path_start..path_end];
        let key = match path.split_once('.') {
            Some((head, rest)) => format!("{}.{rest}", crate::names::normalize(head)),
            None => crate::names::normalize(path),
        };
        let lower = partial.to_lowercase();
        let candidates = known
            .members
            .get(&key)
            .map(|names| {
                names
                    .iter()
                    .filter(|n| n.to_lowercase().starts_with(&lower))
                    .map(|n| Pair { display: n.clone(), replacement: n.clone() })
                    .collect()
            })
            .unwrap_or_default();
        return (partial_start, candidates);
    }
    // A name, which may have several words (`New shared object`).
    let start = before.rfind(|c: char| !name_char(c)).map_or(0, |i| i + c_len(before, i));
    let segment_start = start + (before[start..].len() - before[start..].trim_start().len());
    let segment = &before[segment_start..];
    let mut found = names_starting(known, segment);
    let mut at = segment_start;
    if found.is_empty() {
        // Else the last word alone.
        let word_start = before.rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$')).map_or(0, |i| i + 1);
        if word_start > segment_start {
            found = names_starting(known, &before[word_start..]);
            at = word_start;
        }
    }
    (at, found.into_iter().map(|n| Pair { display: n.clone(), replacement: n }).collect())
}

/// The length of the character at byte `i` of `s`.
fn c_len(s: &str, i: usize) -> usize {
    s[i..].chars().next().map_or(1, char::len_utf8)
}

/// The known names that start with `prefix` (any case), sorted, each once.
fn names_starting(known: &Known, prefix: &str) -> Vec<String> {
    if prefix.trim().is_empty() {
        return Vec::new();
    }
    let lower = prefix.to_lowercase();
    let commands = crate::commands::table::COMMANDS.iter().map(|c| c.name);
    let fixed = repl::KEYWORDS.iter().copied().chain(TYPES.iter().copied()).chain(commands);
    let mut names: Vec<String> = fixed
        .map(str::to_string)
        .chain(known.locals.iter().cloned())
        .chain(known.process_vars.iter().cloned())
        .chain(known.methods.iter().cloned())
        .filter(|n| n.to_lowercase().starts_with(&lower))
        .collect();
    names.sort_by_key(|n| n.to_lowercase());
    names.dedup_by_key(|n| n.to_lowercase());
    names
}

/// The bracket at the cursor (or just before it) and the one matching it.
fn matching_brackets(line: &str, pos: usize) -> Option<(usize, usize)> {
    let bytes = line.as_bytes();
    let at = [pos.checked_sub(1), Some(pos)]
        .into_iter()
        .flatten()
        .find(|&i| bytes.get(i).is_some_and(|b| b"()[]{}".contains(b)))?;
    let (open, close, forward) = match bytes[at] {
        b'(' => (b'(', b')', true),
        b'[' => (b'[', b']', true),
        b'{' => (b'{', b'}', true),
        b')' => (b'(', b')', false),
        b']' => (b'[', b']', false),
        _ => (b'{', b'}', false),
    };
    let mut depth = 0usize;
    let mut i = at;
    loop {
        let b = bytes[i];
        if b == open {
            if forward {
                depth += 1;
            } else {
                depth = depth.checked_sub(1)?;
            }
        } else if b == close {
            if forward {
                depth = depth.checked_sub(1)?;
            } else {
                depth += 1;
            }
        }
        if depth == 0 {
            return Some((at, i));
        }
        i = if forward { i + 1 } else { i.checked_sub(1)? };
        if i >= bytes.len() {
            return None;
        }
    }
}

const KEYWORD: &str = "\x1b[1;35m";
const COMMAND: &str = "\x1b[34m";
const STRING: &str = "\x1b[32m";
const NUMBER: &str = "\x1b[33m";
const COMMENT: &str = "\x1b[2;37m";
const LOCAL: &str = "\x1b[36m";
const BRACKET: &str = "\x1b[1;4m";
const RESET: &str = "\x1b[0m";

/// `line` with ANSI colours: keywords, commands, strings, numbers, comments,
/// locals, and the two brackets of `bracket`.
fn colour(line: &str, words: &[(String, Class)], bracket: Option<(usize, usize)>) -> String {
    let mut out = String::with_capacity(line.len() * 2);
    let lower = line.to_lowercase();
    // Lower-casing keeps byte offsets only for text whose case maps keep lengths.
    let same_offsets = lower.len() == line.len();
    let paint = |out: &mut String, style: &str, text: &str| {
        out.push_str(style);
        out.push_str(text);
        out.push_str(RESET);
    };
    let mut i = 0;
    let bytes = line.as_bytes();
    let is_name = |c: char| c.is_alphanumeric() || c == '_';
    while i < line.len() {
        let rest = &line[i..];
        let Some(c) = rest.chars().next() else { break };
        let prev_is_name = line[..i].chars().next_back().is_some_and(is_name);
        if rest.starts_with("//") {
            let end = rest.find('\n').map_or(line.len(), |e| i + e);
            paint(&mut out, COMMENT, &line[i..end]);
            i = end;
        } else if let Some(body) = rest.strip_prefix("/*") {
            let end = body.find("*/").map_or(line.len(), |e| i + 2 + e + 2);
            paint(&mut out, COMMENT, &line[i..end]);
            i = end;
        } else if c == '"' {
            let mut end = i + 1;
            while end < line.len() {
                match bytes[end] {
                    b'\\' => end += 2,
                    b'"' => {
                        end += 1;
                        break;
                    }
                    b'\n' => break,
                    _ => end += 1,
                }
            }
            let end = end.min(line.len());
            paint(&mut out, STRING, &line[i..end]);
            i = end;
        } else if c.is_ascii_digit() && !prev_is_name {
            let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '.')).map_or(line.len(), |e| i + e);
            paint(&mut out, NUMBER, &line[i..end]);
            i = end;
        } else if c == '$' {
            let end = rest[1..].find(|c: char| !is_name(c)).map_or(line.len(), |e| i + 1 + e);
            paint(&mut out, LOCAL, &line[i..end]);
            i = end;
        } else if is_name(c) && !prev_is_name {
            let found = same_offsets
                .then(|| {
                    words.iter().find(|(w, _)| {
                        lower[i..].starts_with(w.as_str())
                            && !lower[i + w.len()..].chars().next().is_some_and(is_name)
                            && line.is_char_boundary(i + w.len())
                    })
                })
                .flatten();
            match found {
                Some((w, class)) => {
                    let style = if *class == Class::Keyword { KEYWORD } else { COMMAND };
                    paint(&mut out, style, &line[i..i + w.len()]);
                    i += w.len();
                }
                None => {
                    let end = rest.find(|c: char| !is_name(c)).map_or(line.len(), |e| i + e);
                    out.push_str(&line[i..end]);
                    i = end;
                }
            }
        } else if bracket.is_some_and(|(a, b)| a == i || b == i) {
            paint(&mut out, BRACKET, &line[i..i + c.len_utf8()]);
            i += c.len_utf8();
        } else {
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn replacements(known: &Known, line: &str) -> (usize, Vec<String>) {
        let (start, pairs) = complete(known, line, line.len());
        (start, pairs.into_iter().map(|p| p.replacement).collect())
    }

    #[test]
    fn completes_multi_word_commands() {
        let known = Known::default();
        let (start, names) = replacements(&known, "$s:=New sha");
        assert_eq!(start, 4);
        assert_eq!(names, ["New shared collection", "New shared object"]);
        let (_, names) = replacements(&known, "New shared o");
        assert_eq!(names, ["New shared object"]);
        let (start, names) = replacements(&known, "for ea");
        assert_eq!((start, names), (0, vec![String::from("For each")]));
    }

    #[test]
    fn completes_variables_methods_and_properties() {
        let mut known = Known::default();
        known.locals.push(String::from("$total"));
        known.methods.push(String::from("Compute_tax"));
        known.members.insert(String::from("$o"), vec![String::from("name"), String::from("version")]);
        known.members.insert(String::from("$o.name"), vec![]);
        assert_eq!(replacements(&known, "ALERT(String($to"), (13, vec![String::from("$total")]));
        assert_eq!(replacements(&known, "Compute_t"), (0, vec![String::from("Compute_tax")]));
        assert_eq!(replacements(&known, "$x:=$O.ve"), (7, vec![String::from("version")]));
        assert_eq!(replacements(&known, "$o."), (3, vec![String::from("name"), String::from("version")]));
        assert_eq!(replacements(&known, "ALERT(\"New sha"), (14, vec![]));
    }

    #[test]
    fn colours_keep_the_text() {
        let helper = ReplHelper::new(Rc::new(RefCell::new(Known::default())), true);
        let line = "If ($x=1) // é\n\tALERT(\"a\\\"b\"+String(2.5))\nEnd if";
        let coloured = colour(line, &helper.words, matching_brackets(line, 3));
        let plain = coloured.replace(KEYWORD, "").replace(COMMAND, "").replace(STRING, "").replace(NUMBER, "");
        let plain = plain.replace(COMMENT, "").replace(LOCAL, "").replace(BRACKET, "").replace(RESET, "");
        assert_eq!(plain, line);
        assert!(coloured.starts_with(&format!("{KEYWORD}If{RESET} {BRACKET}({RESET}")));
        assert!(coloured.contains(&format!("{COMMAND}ALERT{RESET}")));
        assert!(coloured.contains(&format!("{STRING}\"a\\\"b\"{RESET}")));
        assert!(coloured.contains(&format!("{NUMBER}2.5{RESET}")));
        assert!(coloured.contains(&format!("{KEYWORD}End if{RESET}")));
        assert!(coloured.contains(&format!("{NUMBER}1{RESET}{BRACKET}){RESET} {COMMENT}// é{RESET}")));
    }

    #[test]
    fn brackets_match() {
        assert_eq!(matching_brackets("f(a[1])", 2), Some((1, 6)));
        assert_eq!(matching_brackets("f(a[1])", 7), Some((6, 1)));
        assert_eq!(matching_brackets("f(a[1]", 2), None);
        assert_eq!(matching_brackets("abc", 1), None);
    }
}
