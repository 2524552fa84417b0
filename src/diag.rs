//! Spans, sources and diagnostics, and their rendering through miette.
//!
//! Every other layer reports problems as [`Diagnostic`] values that carry a
//! byte [`Span`]; the source text is attached only when a diagnostic is
//! rendered. This module depends on miette alone.

use std::fmt;
use std::sync::Arc;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceSpan};

/// Identifies one loaded source file in a [`SourceMap`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct SourceId(pub u32);

/// A byte range in one source file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Span {
    pub source: SourceId,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(source: SourceId, start: usize, end: usize) -> Span {
        Span { source, start: clamp_u32(start), end: clamp_u32(end.max(start)) }
    }

    /// The smallest span covering both.
    pub fn join(self, other: Span) -> Span {
        Span { source: self.source, start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.end == self.start
    }
}

fn clamp_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A loaded source file: its display name (a path) and its text.
#[derive(Debug)]
pub struct Source {
    pub name: String,
    pub text: Arc<str>,
    /// Where each line of `text` starts, made when first asked for.
    lines: std::sync::OnceLock<Vec<u32>>,
}

impl Source {
    /// The byte offsets where the lines of the text start (the first is 0);
    /// line ends are LF, CRLF or CR, as for [`line_col`].
    fn line_starts(&self) -> &[u32] {
        self.lines.get_or_init(|| {
            let bytes = self.text.as_bytes();
            let mut starts = vec![0];
            for (i, &byte) in bytes.iter().enumerate() {
                if byte == b'\n' || (byte == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                    starts.push(clamp_u32(i + 1));
                }
            }
            starts
        })
    }

    /// [`line_col`] of `offset` in the text, found through the line index
    /// (so that the diagnostics of a long file each cost a search, not a scan).
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let text = &*self.text;
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let starts = self.line_starts();
        let line = starts.partition_point(|&start| start as usize <= offset);
        // Between the CR and the LF of a CRLF, the CR alone ends the line.
        if offset > 0
            && text.as_bytes()[offset - 1] == b'\r'
            && starts.get(line - 1).is_none_or(|&s| s as usize != offset)
        {
            return (line + 1, 1);
        }
        let start = starts.get(line.saturating_sub(1)).map_or(0, |&s| s as usize);
        (line, text[start..offset].chars().count() + 1)
    }

    /// [`region`] of the bytes `start..end`, through the line index.
    pub fn region(&self, start: usize, end: usize) -> Region {
        region_from(&self.text, start, end, self.line_col(start))
    }
}

/// All source files of one run, indexed by [`SourceId`].
#[derive(Debug, Default)]
pub struct SourceMap {
    sources: Vec<Source>,
}

impl SourceMap {
    pub fn new() -> SourceMap {
        SourceMap::default()
    }

    pub fn add(&mut self, name: impl Into<String>, text: impl Into<Arc<str>>) -> SourceId {
        let id = SourceId(clamp_u32(self.sources.len()));
        self.sources.push(Source { name: name.into(), text: text.into(), lines: std::sync::OnceLock::new() });
        id
    }

    pub fn get(&self, id: SourceId) -> Option<&Source> {
        self.sources.get(id.0 as usize)
    }

    /// The text a span covers (empty if the span is not in a known source).
    pub fn snippet(&self, span: Span) -> &str {
        self.get(span.source).and_then(|source| source.text.get(span.start as usize..span.end as usize)).unwrap_or("")
    }

    /// The 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, id: SourceId, offset: u32) -> (usize, usize) {
        match self.get(id) {
            Some(source) => source.line_col(offset as usize),
            None => (0, 0),
        }
    }

    /// Where a span starts and ends, in lines and columns (`None` if the
    /// span is not in a known source).
    pub fn region(&self, span: Span) -> Option<Region> {
        self.get(span.source).map(|source| source.region(span.start as usize, span.end as usize))
    }
}

/// A span in lines and columns, all 1-based, columns counted in characters
/// (Unicode scalar values, so a tab is one column). The end is the position
/// just after the span's last character: equal to the start for an empty span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// The [`Region`] of the bytes `start..end` of `text`: what [`line_col`]
/// gives for `start` and for `end`, read in one pass.
pub fn region(text: &str, start: usize, end: usize) -> Region {
    let at = line_col(text, start);
    region_from(text, start, end, at)
}

/// [`region`], given the line and column of `start`.
fn region_from(text: &str, start: usize, end: usize, (line, column): (usize, usize)) -> Region {
    let start = floor_char_boundary(text, start.min(text.len()));
    let end = floor_char_boundary(text, end.min(text.len())).max(start);
    let (mut end_line, mut end_line_start) = (line, None);
    let bytes = &text.as_bytes()[..end];
    for (i, &byte) in bytes.iter().enumerate().skip(start) {
        match byte {
            b'\n' => {
                // A span that starts inside a CRLF: `line_col` counted its CR.
                if !(i == start && i > 0 && bytes[i - 1] == b'\r') {
                    end_line += 1;
                }
                end_line_start = Some(i + 1);
            }
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => {
                end_line += 1;
                end_line_start = Some(i + 1);
            }
            _ => {}
        }
    }
    let end_column = match end_line_start {
        Some(line_start) => text[line_start..end].chars().count() + 1,
        None => column + text[start..end].chars().count(),
    };
    Region { line, column, end_line, end_column }
}

/// The 1-based line and column (in characters) of a byte offset in `text`.
/// Line ends are LF, CRLF or CR, as in 4D method files.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let bytes = before.as_bytes();
    let mut line = 1;
    let mut line_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                line += 1;
                line_start = i + 1;
            }
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => {
                line += 1;
                line_start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    (line, before[line_start..].chars().count() + 1)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// A labelled secondary span, such as the line that opened a block.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

/// A problem found in 4D source, with where it is and what to do about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable code: `syntax`, or a 4D error number for runtime errors.
    pub code: String,
    pub message: String,
    pub span: Span,
    /// The text under the primary span's underline.
    pub label: Option<String>,
    pub secondary: Vec<Label>,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(code: &str, message: impl Into<String>, span: Span) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            code: code.to_string(),
            message: message.into(),
            span,
            label: None,
            secondary: Vec::new(),
            help: None,
        }
    }

    pub fn warning(code: &str, message: impl Into<String>, span: Span) -> Diagnostic {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(code, message, span) }
    }

    pub fn with_label(mut self, label: impl Into<String>) -> Diagnostic {
        self.label = Some(label.into());
        self
    }

    pub fn with_secondary(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.secondary.push(Label { span, message: message.into() });
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// A short heading: `4D error N` for a 4D error number, else the code
    /// and the severity (`syntax error`, `not supported warning`).
    pub fn title(&self) -> String {
        if self.code.parse::<i32>().is_ok() {
            return format!("4D error {}", self.code);
        }
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        format!("{} {severity}", self.code)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// How to render diagnostics.
#[derive(Clone, Copy, Debug)]
pub struct RenderOptions {
    pub color: bool,
    /// The width to wrap messages and help at; `None` wraps nothing (a
    /// pipe, a file, a CI log: a reader there has its own width).
    pub width: Option<usize>,
}

impl RenderOptions {
    /// Plain text, not wrapped: what golden files and pipes get.
    pub fn plain() -> RenderOptions {
        RenderOptions { color: false, width: None }
    }
}

/// Renders one diagnostic with the source it points into.
pub fn render(diag: &Diagnostic, sources: &SourceMap, options: RenderOptions) -> String {
    render_through(diag, sources, options, true)
}

/// [`render`], through the source's line index or (to test it) not.
fn render_through(diag: &Diagnostic, sources: &SourceMap, options: RenderOptions, indexed: bool) -> String {
    let source = sources.get(diag.span.source);
    let (name, text) = match source {
        Some(source) => (source.name.clone(), source.text.clone()),
        None => (String::from("<unknown>"), Arc::from("")),
    };
    let (line, col) = source.map_or((1, 1), |source| source.line_col(diag.span.start as usize));
    let (excerpt, window) = match clip(&text, diag.span.start as usize, line) {
        Some((shown, window)) => (Excerpt { name: name.clone(), text: Arc::from(shown), lines: None }, Some(window)),
        None => {
            (Excerpt { name: name.clone(), text, lines: source.filter(|_| indexed).map(Source::line_starts) }, None)
        }
    };
    let report = Report {
        diag,
        location: format!("{name}:{line}:{col}"),
        text_len: excerpt.text.len(),
        source: excerpt,
        window,
    };
    let theme = if options.color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    let handler = GraphicalReportHandler::new_themed(theme).with_links(false);
    let handler = match options.width {
        Some(width) => handler.with_width(width),
        None => handler.with_wrap_lines(false),
    };
    let mut out = String::new();
    if handler.render_report(&mut out, &report).is_err() {
        out = format!("{}: {}\n", report.location, diag.message);
    }
    out
}

/// The source text miette shows a diagnostic in. With the line index of
/// the source, only the lines around the span are handed to miette, so
/// that each diagnostic of a long file costs a search, not a scan.
struct Excerpt<'s> {
    name: String,
    text: Arc<str>,
    /// Where the lines of `text` start, when it is a whole source.
    lines: Option<&'s [u32]>,
}

impl miette::SourceCode for Excerpt<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let bytes = self.text.as_bytes();
        // The lines from one more than `before` lines ahead of the span to
        // two more than `after` past it: what miette would read of the whole.
        let (from, skipped, to) = match self.lines {
            Some(starts) => {
                let line_of =
                    |offset: usize| starts.partition_point(|&start| start as usize <= offset).saturating_sub(1);
                let first = line_of(span.offset()).saturating_sub(before + 1);
                let last = line_of(span.offset() + span.len()) + after + 2;
                let at = |line: usize| starts.get(line).map_or(bytes.len(), |&start| (start as usize).min(bytes.len()));
                (at(first), first, at(last))
            }
            None => (0, 0, bytes.len()),
        };
        let part = bytes.get(from..to).unwrap_or_default();
        let inner = part.read_span(&SourceSpan::new((span.offset() - from).into(), span.len()), before, after)?;
        let found = SourceSpan::new((inner.span().offset() + from).into(), inner.span().len());
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            found,
            inner.line() + skipped,
            inner.column(),
            inner.line_count() + skipped,
        )))
    }
}

/// The longest line shown whole, in bytes; of a longer one, the part around
/// the diagnostic is shown (miette cannot lay out columns past 65,535, and
/// nobody reads a line of 80,000 characters).
const MAX_SHOWN_LINE: usize = 2_000;
/// How much of a long line is shown on each side of the diagnostic, in bytes.
const SHOWN_AROUND: usize = 120;

/// Which part of a long line is shown: the bytes `from..to` of the real text,
/// placed at `base` in the text shown.
#[derive(Clone, Copy)]
struct Window {
    from: usize,
    to: usize,
    base: usize,
}

/// When the line holding `at` (line number `line`) is too long to show
/// whole: a text made of the part of that line around `at`, after `line - 1`
/// empty lines (so that line numbers stay true), and where that part is.
fn clip(text: &str, at: usize, line: usize) -> Option<(String, Window)> {
    let at = floor_char_boundary(text, at.min(text.len()));
    let line_start = text[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let line_end = text[at..].find(['\n', '\r']).map_or(text.len(), |i| at + i);
    if line_end - line_start <= MAX_SHOWN_LINE {
        return None;
    }
    let from = floor_char_boundary(text, at.saturating_sub(SHOWN_AROUND).max(line_start));
    let to = floor_char_boundary(text, (at + SHOWN_AROUND).min(line_end));
    let mut shown = "\n".repeat(line.saturating_sub(1));
    let base = shown.len();
    shown.push_str(&text[from..to]);
    Some((shown, Window { from, to, base }))
}

/// What miette sees: a diagnostic with its source attached.
struct Report<'a> {
    diag: &'a Diagnostic,
    location: String,
    source: Excerpt<'a>,
    text_len: usize,
    /// The part of a long line shown instead of the whole text.
    window: Option<Window>,
}

impl Report<'_> {
    fn source_span(&self, span: Span) -> SourceSpan {
        let (mut start, mut end) = (span.start as usize, span.end as usize);
        if let Some(w) = self.window {
            let inside = |o: usize| o.clamp(w.from, w.to) - w.from + w.base;
            (start, end) = (inside(start), inside(end));
        }
        let start = start.min(self.text_len);
        let end = end.min(self.text_len).max(start);
        SourceSpan::new(start.into(), end - start)
    }
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diag.message)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.diag.message)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.diag.title()))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diag.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.diag.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let primary = LabeledSpan::new_primary_with_span(self.diag.label.clone(), self.source_span(self.diag.span));
        let secondary = self
            .diag
            .secondary
            .iter()
            .map(|label| LabeledSpan::new_with_span(Some(label.message.clone()), self.source_span(label.span)));
        Some(Box::new(std::iter::once(primary).chain(secondary)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_lf_crlf_and_cr() {
        let text = "ab\ncd\r\nef\rgh";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 4), (2, 2));
        assert_eq!(line_col(text, 7), (3, 1));
        assert_eq!(line_col(text, 10), (4, 1));
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        assert_eq!(line_col("é$x", 2), (1, 2));
    }

    #[test]
    fn the_line_index_agrees_with_the_scan() {
        for text in ["aé\r\nb\rc\n\nd日本\r", "\r\n\r\r\n\n", "", "one line", "x\ry\r\n"] {
            let mut sources = SourceMap::new();
            let id = sources.add("t.4dm", text);
            for start in 0..=text.len() + 1 {
                assert_eq!(sources.line_col(id, start as u32), line_col(text, start), "{text:?} at {start}");
                for end in start..=text.len() + 1 {
                    let span = Span::new(id, start, end);
                    assert_eq!(sources.region(span), Some(region(text, start, end)), "{text:?} {start}..{end}");
                }
            }
        }
    }

    #[test]
    fn rendering_through_the_line_index_is_rendering_the_whole_text() {
        let body = "If (True)\r\n\t$x:=\r\nEnd if\r";
        for (before, after) in [(0, 0), (1, 0), (0, 1), (2, 3), (7, 7), (5000, 5000)] {
            let text = format!("{}{body}{}", "// a\n".repeat(before), "// z\r".repeat(after));
            let mut sources = SourceMap::new();
            let id = sources.add("t.4dm", text.as_str());
            let at = text.find(":=").unwrap_or_default();
            for (start, end) in [(at, at + 2), (0, 0), (at - 4, text.len()), (text.len(), text.len())] {
                let diag = Diagnostic::error("syntax", "expected a value", Span::new(id, start, end))
                    .with_label("here")
                    .with_secondary(Span::new(id, at - 4, at - 2), "opened");
                let indexed = render_through(&diag, &sources, RenderOptions::plain(), true);
                let whole = render_through(&diag, &sources, RenderOptions::plain(), false);
                assert_eq!(indexed, whole, "{before} {after} {start}..{end}");
                assert!(indexed.contains("opened"), "{indexed}");
            }
        }
    }

    #[test]
    fn region_ends_where_line_col_says() {
        let text = "aé\r\nb\rc\n\nd日本\r";
        for start in 0..=text.len() + 1 {
            for end in start..=text.len() + 1 {
                let got = region(text, start, end);
                let (line, column) = line_col(text, start);
                let (end_line, end_column) = line_col(text, end.max(start));
                assert_eq!(got, Region { line, column, end_line, end_column }, "{start}..{end}");
            }
        }
        // `日本` is bytes 4..10, columns 5..7.
        assert_eq!(region("$x:=日本+(1", 4, 10), Region { line: 1, column: 5, end_line: 1, end_column: 7 });
    }
}
