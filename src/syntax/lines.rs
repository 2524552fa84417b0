//! The lexical pass: cuts a method file into logical lines.
//!
//! 4D is line-oriented: one statement per line, a trailing `\` continues it on
//! the next line. This pass joins continued lines, blanks comments (`//`,
//! nestable `/* */`) and continuations out with spaces so that byte offsets
//! still match the source, keeps the body of `Begin SQL` blocks verbatim, and
//! measures how deeply each line nests brackets so that the parser is never
//! handed input that would exhaust its stack. It also collects the
//! `//%attributes` line and `//%` pragma comments.

use crate::diag::{Diagnostic, SourceId, Span};

/// How deeply brackets may nest on one line. 4D documents 512 levels for
/// control structures and no limit for expressions; real code stays far below.
pub(crate) const MAX_BRACKET_DEPTH: usize = 256;
/// How many ternary operators one line may hold (each nests a level).
pub(crate) const MAX_TERNARIES: usize = 1000;

/// What a logical line holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LineKind {
    /// Code, with comments and continuations blanked in `text`.
    Code,
    /// The verbatim body of a `Begin SQL` block.
    Sql,
}

/// One logical line: where it is, and where its cleaned text is.
#[derive(Debug)]
pub(crate) struct LineRange {
    pub(crate) kind: LineKind,
    /// Byte range in the source, without the final line end (32 bits, as
    /// in spans: a file may hold millions of lines).
    pub(crate) start: u32,
    pub(crate) end: u32,
    /// Whether the line nests too deeply to be parsed.
    pub(crate) too_deep: bool,
    /// Where its cleaned text starts in [`Lexed::clean`]; [`AS_WRITTEN`]
    /// for a line that had nothing to blank (its text is the source's).
    pub(crate) clean: u32,
}

/// The [`LineRange::clean`] of a line whose text is the source's.
pub(crate) const AS_WRITTEN: u32 = u32::MAX;

/// One logical line with its cleaned text.
#[derive(Debug)]
pub(crate) struct LogicalLine<'t> {
    pub(crate) kind: LineKind,
    /// Byte range in the source, without the final line end.
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// The cleaned text, as long as `source[start..end]`.
    pub(crate) text: &'t str,
    /// Whether the line nests too deeply to be parsed.
    pub(crate) too_deep: bool,
}

/// A `//%` comment: the attributes line or a compiler pragma.
#[derive(Debug)]
pub(crate) struct Pragma {
    pub(crate) span: Span,
    pub(crate) text: String,
}

/// The output of the lexical pass.
#[derive(Debug, Default)]
pub(crate) struct Lexed<'t> {
    /// The source.
    pub(crate) text: &'t str,
    /// The lines that had comments or continuations, one after the other,
    /// with these blanked out with spaces (each as long as in the source);
    /// the other lines are read from the source, not copied.
    pub(crate) clean: String,
    pub(crate) lines: Vec<LineRange>,
    pub(crate) pragmas: Vec<Pragma>,
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// The deepest bracket nesting and most ternaries on any line.
    pub(crate) max_depth: usize,
}

impl<'t> Lexed<'t> {
    /// The logical lines, in order, with their cleaned text.
    #[cfg(test)]
    pub(crate) fn lines(&self) -> impl Iterator<Item = LogicalLine<'_>> {
        (0..self.lines.len()).filter_map(|index| self.line(index))
    }

    /// Logical line `index`, with its cleaned text.
    pub(crate) fn line(&self, index: usize) -> Option<LogicalLine<'_>> {
        let line = self.lines.get(index)?;
        let (start, end) = (line.start as usize, line.end as usize);
        let text = if line.clean == AS_WRITTEN {
            self.text.get(start..end)
        } else {
            let at = line.clean as usize;
            self.clean.get(at..at + (end - start))
        };
        Some(LogicalLine { kind: line.kind, start, end, text: text.unwrap_or(""), too_deep: line.too_deep })
    }
}

/// Runs the lexical pass over a whole method file.
pub(crate) fn split(source: SourceId, text: &str) -> Lexed<'_> {
    let mut lexer = Lexer {
        source,
        text,
        bytes: text.as_bytes(),
        clean: Vec::new(),
        blanks: Vec::new(),
        pos: 0,
        out: Lexed { text, ..Lexed::default() },
    };
    if text.starts_with('\u{FEFF}') {
        lexer.pos = 3;
    }
    while lexer.pos < lexer.bytes.len() {
        let line = lexer.logical_line();
        let (start, end) = (line.start as usize, line.end as usize);
        let cleaned = match line.clean {
            AS_WRITTEN => lexer.bytes.get(start..end),
            at => lexer.clean.get(at as usize..at as usize + (end - start)),
        };
        let opens_sql = cleaned.is_some_and(is_begin_sql);
        lexer.out.lines.push(line);
        if opens_sql {
            lexer.sql_body();
        }
    }
    // Only whole comments and ASCII bytes were replaced, so the text stays UTF-8.
    lexer.out.clean =
        String::from_utf8(lexer.clean).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    lexer.out
}

struct Lexer<'a> {
    source: SourceId,
    text: &'a str,
    bytes: &'a [u8],
    /// The cleaned lines so far (see [`Lexed::clean`]).
    clean: Vec<u8>,
    /// What to blank in the current line: byte ranges of the source.
    blanks: Vec<(usize, usize)>,
    pos: usize,
    out: Lexed<'a>,
}

impl Lexer<'_> {
    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.source, start, end)
    }

    /// Reads one logical line starting at `self.pos` and moves past its line end.
    fn logical_line(&mut self) -> LineRange {
        let start = self.pos;
        let mut depth = 0usize;
        let mut max_depth = 0usize;
        let mut ternaries = 0usize;
        let bytes = self.bytes;
        let mut i = self.pos;
        let end;
        loop {
            let Some(&c) = bytes.get(i) else {
                end = i;
                self.pos = i;
                break;
            };
            match c {
                b'\n' | b'\r' => {
                    end = i;
                    self.pos = i + line_end_len(bytes, i);
                    break;
                }
                b'"' => i = self.string_end(i),
                b'/' if bytes.get(i + 1) == Some(&b'/') => {
                    let close = comment_end(bytes, i);
                    if bytes.get(i + 2) == Some(&b'%') {
                        let first_line_end = line_end(bytes, i);
                        self.out.pragmas.push(Pragma {
                            span: self.span(i, first_line_end),
                            text: self.text[i..first_line_end].trim_end().to_string(),
                        });
                    }
                    self.blank(i, close);
                    i = close;
                }
                b'/' if bytes.get(i + 1) == Some(&b'*') => {
                    let close = self.block_comment_end(i);
                    self.blank(i, close);
                    i = close;
                }
                b'\\' => {
                    let mut j = i + 1;
                    while matches!(bytes.get(j), Some(b' ' | b'\t')) {
                        j += 1;
                    }
                    if matches!(bytes.get(j), Some(b'\n' | b'\r')) {
                        // A continuation: the statement goes on after the line end.
                        j += line_end_len(bytes, j);
                        self.blank(i, j);
                    } else {
                        j = i + 1;
                    }
                    i = j;
                }
                b'(' | b'[' | b'{' => {
                    depth += 1;
                    max_depth = max_depth.max(depth);
                    i += 1;
                }
                b')' | b']' | b'}' => {
                    depth = depth.saturating_sub(1);
                    i += 1;
                }
                b'?' => {
                    if !matches!(bytes.get(i + 1), Some(b'0'..=b'9' | b'+' | b'-' | b'?')) {
                        ternaries += 1;
                    }
                    i += 1;
                }
                _ => i += 1,
            }
        }
        let too_deep = max_depth > MAX_BRACKET_DEPTH || ternaries > MAX_TERNARIES;
        self.out.max_depth = self.out.max_depth.max(max_depth).max(ternaries);
        if too_deep {
            let what = if max_depth > MAX_BRACKET_DEPTH {
                format!("brackets nest more than {MAX_BRACKET_DEPTH} levels deep")
            } else {
                format!("more than {MAX_TERNARIES} `?` operators")
            };
            self.out.diagnostics.push(
                Diagnostic::error(
                    "syntax",
                    format!("this statement is too complex to parse: {what}"),
                    self.span(start, start),
                )
                .with_help("split the expression over several statements"),
            );
        }
        LineRange {
            kind: LineKind::Code,
            start: offset(start),
            end: offset(end),
            too_deep,
            clean: self.cleaned(start, end),
        }
    }

    /// Blanks `start..end` of the current line out with spaces.
    fn blank(&mut self, start: usize, end: usize) {
        self.blanks.push((start, end));
    }

    /// Copies the line `start..end` to the cleaned lines with its blanks
    /// applied, and gives where; [`AS_WRITTEN`] if it has none.
    fn cleaned(&mut self, start: usize, end: usize) -> u32 {
        if self.blanks.is_empty() {
            return AS_WRITTEN;
        }
        let at = self.clean.len();
        self.clean.extend_from_slice(&self.bytes[start..end]);
        for (from, to) in self.blanks.drain(..) {
            let (from, to) = (from.clamp(start, end), to.clamp(start, end));
            if let Some(bytes) = self.clean.get_mut(at + from - start..at + to - start) {
                bytes.fill(b' ');
            }
        }
        offset(at)
    }

    /// The end of the text literal opening at `open` (just past its closing quote,
    /// or at the line end when it is unterminated, which is reported).
    fn string_end(&mut self, open: usize) -> usize {
        let bytes = self.bytes;
        let mut i = open + 1;
        loop {
            match bytes.get(i) {
                None | Some(b'\n' | b'\r') => {
                    self.out.diagnostics.push(
                        Diagnostic::error("syntax", "unterminated text literal", self.span(open, i))
                            .with_label("this text has no closing `\"` on its line")
                            .with_help("close the text with `\"`; write a quote inside a text as `\\\"`"),
                    );
                    return i;
                }
                Some(b'\\') => {
                    if matches!(bytes.get(i + 1), None | Some(b'\n' | b'\r')) {
                        i += 1;
                    } else {
                        i += 2;
                    }
                }
                Some(b'"') => return i + 1,
                Some(_) => i += 1,
            }
        }
    }

    /// The end of the (nestable) block comment opening at `open`.
    fn block_comment_end(&mut self, open: usize) -> usize {
        let bytes = self.bytes;
        let mut depth = 0usize;
        let mut i = open;
        while i < bytes.len() {
            if bytes[i] == b'/' && bytes.get(i + 1) == Some(&b'*') {
                depth += 1;
                i += 2;
            } else if bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/') {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    return i;
                }
            } else {
                i += 1;
            }
        }
        self.out.diagnostics.push(
            Diagnostic::error("syntax", "unterminated comment", self.span(open, open + 2))
                .with_label("this `/*` is never closed by `*/`")
                .with_help("block comments nest in 4D: every `/*` needs its own `*/`"),
        );
        bytes.len()
    }

    /// Reads the verbatim lines of a `Begin SQL` block, up to its `End SQL` line.
    fn sql_body(&mut self) {
        let bytes = self.bytes;
        let start = self.pos;
        let mut i = self.pos;
        while i < bytes.len() {
            let line_stop = line_end(bytes, i);
            if is_end_sql(&self.text[i..line_stop]) {
                break;
            }
            i = line_stop + line_end_len(bytes, line_stop);
        }
        if i > start {
            let end = trim_line_end(bytes, start, i);
            self.out.lines.push(LineRange {
                kind: LineKind::Sql,
                start: offset(start),
                end: offset(end),
                too_deep: false,
                clean: AS_WRITTEN,
            });
        }
        self.pos = i;
    }
}

/// A byte offset in 32 bits, as spans hold them (clamped).
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// The offset of the next line end (or the end of input) from `i`.
fn line_end(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
        i += 1;
    }
    i
}

/// The end of the `//` comment starting at `i`. A comment whose line ends with
/// `\\` (its very last character) goes on over the next line, as in 4D code:
/// commenting out the first line of a continued statement comments out the
/// whole statement. A `\\` followed by spaces does not continue a comment.
fn comment_end(bytes: &[u8], i: usize) -> usize {
    let mut end = line_end(bytes, i);
    loop {
        if end == i || bytes[end - 1] != b'\\' || end >= bytes.len() {
            return end;
        }
        let next = end + line_end_len(bytes, end);
        end = line_end(bytes, next);
    }
}

/// The length of the line end at `i`: 2 for CRLF, 1 for LF or CR, 0 at the end.
fn line_end_len(bytes: &[u8], i: usize) -> usize {
    match (bytes.get(i), bytes.get(i + 1)) {
        (Some(b'\r'), Some(b'\n')) => 2,
        (Some(b'\r' | b'\n'), _) => 1,
        _ => 0,
    }
}

/// `end` moved back over one final line end, but not before `start`.
fn trim_line_end(bytes: &[u8], start: usize, mut end: usize) -> usize {
    if end > start && bytes[end - 1] == b'\n' {
        end -= 1;
    }
    if end > start && bytes[end - 1] == b'\r' {
        end -= 1;
    }
    end
}

/// Whether a cleaned line is `Begin SQL` (any case, any inner spacing).
fn is_begin_sql(text: &[u8]) -> bool {
    std::str::from_utf8(text).is_ok_and(|text| {
        text.trim_start().as_bytes().first().is_some_and(|b| b.eq_ignore_ascii_case(&b'b'))
            && two_words(text, "begin", "sql")
    })
}

/// Whether a raw line is `End SQL`, allowing a trailing `//` comment.
fn is_end_sql(raw: &str) -> bool {
    let code = raw.split("//").next().unwrap_or("");
    two_words(code, "end", "sql")
}

fn two_words(text: &str, first: &str, second: &str) -> bool {
    let mut words = text.split_whitespace();
    matches!(
        (words.next(), words.next(), words.next()),
        (Some(a), Some(b), None | Some(";")) if a.eq_ignore_ascii_case(first) && b.eq_ignore_ascii_case(second)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(src: &str) -> Vec<String> {
        split(SourceId(0), src).lines().map(|l| l.text.to_string()).collect()
    }

    #[test]
    fn continuation_and_comments_are_blanked_keeping_offsets() {
        let src = "$a:=1+\\\n  2 // c\n/* x /* y */ z */ALERT(\"//\")";
        let lexed = split(SourceId(0), src);
        assert_eq!(lexed.lines.len(), 2);
        let lines: Vec<_> = lexed.lines().collect();
        assert_eq!(lines[0].text, "$a:=1+    2     ");
        assert_eq!(&src[lines[1].start..lines[1].end], "/* x /* y */ z */ALERT(\"//\")");
        assert_eq!(lines[1].text.trim(), "ALERT(\"//\")");
    }

    /// Only the lines that had something blanked are copied; the others
    /// are read from the source.
    #[test]
    fn only_cleaned_lines_are_copied() {
        let lexed = split(SourceId(0), "$a:=1\n$b:=2 // c\n$c:=3");
        assert_eq!(lexed.clean, "$b:=2     ");
        let clean: Vec<_> = lexed.lines.iter().map(|l| l.clean != AS_WRITTEN).collect();
        assert_eq!(clean, [false, true, false]);
        assert_eq!(texts("$a:=1\n$b:=2 // c\n$c:=3"), ["$a:=1", "$b:=2     ", "$c:=3"]);
    }

    #[test]
    fn a_comment_ending_in_a_backslash_goes_on() {
        assert_eq!(texts("//OB SET($o;\\\n  \"k\";1)\n$a:=1"), vec![" ".repeat(22), "$a:=1".to_string()]);
    }

    #[test]
    fn a_backslash_and_spaces_do_not_continue_a_comment() {
        assert_eq!(texts("// a \\ \nEnd if"), vec!["       ".to_string(), "End if".to_string()]);
    }

    #[test]
    fn line_ends_lf_crlf_cr() {
        assert_eq!(texts("a\r\nb\rc\nd"), ["a", "b", "c", "d"]);
    }

    #[test]
    fn integer_division_is_not_a_continuation() {
        assert_eq!(texts("$a:=7\\2\n$b:=1"), ["$a:=7\\2", "$b:=1"]);
    }

    #[test]
    fn sql_body_is_verbatim() {
        let lexed = split(SourceId(0), "Begin SQL\n SELECT \"x\" INTO :$a; /* */\nEnd SQL\n");
        let kinds: Vec<_> = lexed.lines.iter().map(|l| &l.kind).collect();
        assert_eq!(kinds, [&LineKind::Code, &LineKind::Sql, &LineKind::Code]);
        assert_eq!(lexed.lines().nth(1).map(|l| l.text), Some(" SELECT \"x\" INTO :$a; /* */"));
    }

    #[test]
    fn deep_brackets_are_flagged() {
        let src = format!("$a:={}1{}", "(".repeat(300), ")".repeat(300));
        let lexed = split(SourceId(0), &src);
        assert!(lexed.lines[0].too_deep);
        assert_eq!(lexed.diagnostics.len(), 1);
    }
}
