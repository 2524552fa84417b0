//! The block builder: assembles lowered lines into `If` ... `End if` and the
//! other control structures with an explicit stack, and reports unbalanced blocks.

use super::super::ast::{Block, CaseBranch, Expr, ExprKind, FunctionDef, LoopStop, Method, Stmt, StmtKind};
use super::{Item, MAX_BLOCK_DEPTH};
use crate::diag::{Diagnostic, SourceId, Span};

/// An open control structure.
#[derive(Debug)]
struct Frame {
    kind: FrameKind,
    /// The opening line.
    span: Span,
    /// Statements of the part being filled (then-part, branch, loop body...).
    stmts: Vec<Stmt>,
}

#[derive(Debug)]
enum FrameKind {
    If { cond: Expr, then_block: Option<Block> },
    Case { branches: Vec<CaseBranch>, open_branch: Option<(Expr, Span)>, in_else: bool, saw_stray: bool },
    While(Expr),
    Repeat,
    For { counter: Expr, start: Expr, end: Expr, step: Option<Expr> },
    ForEach { item: Expr, source: Expr, begin: Option<Expr>, end: Option<Expr>, stop: Option<LoopStop> },
    Use(Expr),
    Try { body: Option<Block> },
    Sql { text: String, body_span: Span },
}

impl FrameKind {
    /// The keyword that opens this structure.
    fn opener(&self) -> &'static str {
        match self {
            FrameKind::If { .. } => "If",
            FrameKind::Case { .. } => "Case of",
            FrameKind::While(_) => "While",
            FrameKind::Repeat => "Repeat",
            FrameKind::For { .. } => "For",
            FrameKind::ForEach { .. } => "For each",
            FrameKind::Use(_) => "Use",
            FrameKind::Try { .. } => "Try",
            FrameKind::Sql { .. } => "Begin SQL",
        }
    }

    /// The keyword that closes this structure.
    fn closer(&self) -> &'static str {
        match self {
            FrameKind::If { .. } => "End if",
            FrameKind::Case { .. } => "End case",
            FrameKind::While(_) => "End while",
            FrameKind::Repeat => "Until",
            FrameKind::For { .. } => "End for",
            FrameKind::ForEach { .. } => "End for each",
            FrameKind::Use(_) => "End use",
            FrameKind::Try { .. } => "End try",
            FrameKind::Sql { .. } => "End SQL",
        }
    }
}

/// Which structure a closing line closes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Closes {
    If,
    Case,
    While,
    Repeat,
    For,
    ForEach,
    Use,
    Try,
    Sql,
}

impl Closes {
    fn matches(self, kind: &FrameKind) -> bool {
        matches!(
            (self, kind),
            (Closes::If, FrameKind::If { .. })
                | (Closes::Case, FrameKind::Case { .. })
                | (Closes::While, FrameKind::While(_))
                | (Closes::Repeat, FrameKind::Repeat)
                | (Closes::For, FrameKind::For { .. })
                | (Closes::ForEach, FrameKind::ForEach { .. })
                | (Closes::Use, FrameKind::Use(_))
                | (Closes::Try, FrameKind::Try { .. })
                | (Closes::Sql, FrameKind::Sql { .. })
        )
    }

    fn keyword(self) -> &'static str {
        match self {
            Closes::If => "End if",
            Closes::Case => "End case",
            Closes::While => "End while",
            Closes::Repeat => "Until",
            Closes::For => "End for",
            Closes::ForEach => "End for each",
            Closes::Use => "End use",
            Closes::Try => "End try",
            Closes::Sql => "End SQL",
        }
    }

    fn opener(self) -> &'static str {
        match self {
            Closes::If => "If",
            Closes::Case => "Case of",
            Closes::While => "While",
            Closes::Repeat => "Repeat",
            Closes::For => "For",
            Closes::ForEach => "For each",
            Closes::Use => "Use",
            Closes::Try => "Try",
            Closes::Sql => "Begin SQL",
        }
    }
}

/// Assembles lines into blocks with an explicit stack.
pub(super) struct Builder<'t> {
    source: SourceId,
    text: &'t str,
    stack: Vec<Frame>,
    /// The statements at the top level of the method, or of the current function.
    root: Vec<Stmt>,
    body: Option<Block>,
    functions: Vec<FunctionDef>,
    current_function: Option<FunctionDef>,
    /// Set when nesting passed [`MAX_BLOCK_DEPTH`]: the rest of the file is skipped.
    pub(super) stopped: bool,
    /// Byte offsets where lines start, built the first time a message needs a line.
    line_starts: Option<Vec<usize>>,
}

/// The byte offsets where lines start (LF, CRLF or CR line ends).
fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            starts.push(i + 1);
        }
    }
    starts
}

impl<'t> Builder<'t> {
    pub(super) fn new(source: SourceId, text: &'t str) -> Builder<'t> {
        Builder {
            source,
            text,
            stack: Vec::new(),
            root: Vec::new(),
            body: None,
            functions: Vec::new(),
            current_function: None,
            stopped: false,
            line_starts: None,
        }
    }

    /// The 1-based line of a span's start (only needed for messages).
    fn line_of(&mut self, span: Span) -> usize {
        let text = self.text;
        let starts = self.line_starts.get_or_insert_with(|| line_starts(text));
        starts.partition_point(|&start| start <= span.start as usize)
    }

    fn push_stmt(&mut self, stmt: Stmt) {
        match self.stack.last_mut() {
            Some(frame) => frame.stmts.push(stmt),
            None => self.root.push(stmt),
        }
    }

    fn open(&mut self, kind: FrameKind, span: Span, diags: &mut Vec<Diagnostic>) {
        if self.stack.len() >= MAX_BLOCK_DEPTH {
            diags.push(
                Diagnostic::error(
                    "syntax",
                    format!("control structures nest more than {MAX_BLOCK_DEPTH} levels deep"),
                    span,
                )
                .with_label("too deep")
                .with_help("4D allows at most 512 nested levels; the rest of the file was not read"),
            );
            self.stopped = true;
            return;
        }
        self.stack.push(Frame { kind, span, stmts: Vec::new() });
    }

    pub(super) fn feed(&mut self, item: Item, span: Span, diags: &mut Vec<Diagnostic>) {
        let stmt = |kind| Stmt { kind, span };
        match item {
            Item::Stmt(kind) => self.push_stmt(stmt(kind)),
            Item::If(cond) => self.open(FrameKind::If { cond, then_block: None }, span, diags),
            Item::CaseOf => self.open(
                FrameKind::Case { branches: Vec::new(), open_branch: None, in_else: false, saw_stray: false },
                span,
                diags,
            ),
            Item::While(cond) => self.open(FrameKind::While(cond), span, diags),
            Item::Repeat => self.open(FrameKind::Repeat, span, diags),
            Item::For { counter, start, end, step } => {
                self.open(FrameKind::For { counter, start, end, step }, span, diags)
            }
            Item::ForEach { item, source, begin, end, stop } => {
                self.open(FrameKind::ForEach { item, source, begin, end, stop }, span, diags)
            }
            Item::Use(target) => self.open(FrameKind::Use(target), span, diags),
            Item::Try => self.open(FrameKind::Try { body: None }, span, diags),
            Item::BeginSql => self.open(FrameKind::Sql { text: String::new(), body_span: span }, span, diags),
            Item::SqlBody(text) => match self.stack.last_mut() {
                Some(Frame { kind: FrameKind::Sql { text: body, body_span }, .. }) => {
                    *body = text;
                    *body_span = span;
                }
                _ => self.push_stmt(stmt(StmtKind::Error)),
            },
            Item::Else => self.else_line(span, diags),
            Item::Branch(cond) => self.branch_line(cond, span, diags),
            Item::Catch => self.catch_line(span, diags),
            Item::Until(cond) => self.close(Closes::Repeat, span, Some(cond), diags),
            Item::EndIf => self.close(Closes::If, span, None, diags),
            Item::EndCase => self.close(Closes::Case, span, None, diags),
            Item::EndWhile => self.close(Closes::While, span, None, diags),
            Item::EndFor => self.close(Closes::For, span, None, diags),
            Item::EndForEach => self.close(Closes::ForEach, span, None, diags),
            Item::EndUse => self.close(Closes::Use, span, None, diags),
            Item::EndTry => self.close(Closes::Try, span, None, diags),
            Item::EndSql => self.close(Closes::Sql, span, None, diags),
            Item::Function(mut def) => {
                self.close_all_before(span, diags);
                self.finish_function();
                def.span = span;
                self.current_function = Some(def);
            }
        }
        // A statement inside `Case of` before its first branch is an error.
        if let Some(Frame { kind: FrameKind::Case { open_branch: None, in_else: false, saw_stray, .. }, stmts, .. }) =
            self.stack.last_mut()
            && !stmts.is_empty()
            && !*saw_stray
        {
            *saw_stray = true;
            let at = stmts[0].span;
            diags.push(
                Diagnostic::error("syntax", "statement before the first `:` branch of `Case of`", at)
                    .with_label("not inside a branch")
                    .with_help("start a branch with `: (condition)`"),
            );
        }
    }

    fn else_line(&mut self, span: Span, diags: &mut Vec<Diagnostic>) {
        if let Some(Frame { kind: FrameKind::If { then_block: Some(_), .. }, span: if_span, .. }) = self.stack.last() {
            let line = self.line_of(*if_span);
            diags.push(
                Diagnostic::error("syntax", "a second `Else` in the same `If`", span)
                    .with_label(format!("the `If` on line {line} already has an `Else`")),
            );
            return;
        }
        let inside = self.inside_words();
        match self.stack.last_mut() {
            Some(Frame { kind: FrameKind::If { then_block, .. }, stmts, .. }) => {
                *then_block = Some(Block::new(std::mem::take(stmts)));
            }
            Some(Frame { kind: FrameKind::Case { branches, open_branch, in_else, .. }, stmts, .. }) => {
                if *in_else {
                    diags.push(Diagnostic::error("syntax", "a second `Else` in the same `Case of`", span));
                    return;
                }
                if let Some((cond, branch_span)) = open_branch.take() {
                    branches.push(CaseBranch { cond, body: Block::new(std::mem::take(stmts)), span: branch_span });
                }
                stmts.clear();
                *in_else = true;
            }
            _ => diags.push(
                Diagnostic::error("syntax", "`Else` outside `If` or `Case of`", span)
                    .with_label(inside)
                    .with_help("`Else` belongs between `If` and `End if`, or after the branches of `Case of`"),
            ),
        }
    }

    fn branch_line(&mut self, cond: Expr, span: Span, diags: &mut Vec<Diagnostic>) {
        let Some(Frame { kind: FrameKind::Case { branches, open_branch, in_else, .. }, stmts, .. }) =
            self.stack.last_mut()
        else {
            let inside = self.inside_words();
            diags.push(
                Diagnostic::error("syntax", "a `:` branch outside `Case of`", span)
                    .with_label(inside)
                    .with_help("branches `: (condition)` go between `Case of` and `End case`"),
            );
            return;
        };
        if *in_else {
            diags.push(
                Diagnostic::error("syntax", "a `:` branch after the `Else` of `Case of`", span)
                    .with_help("the `Else` of `Case of` comes after every branch"),
            );
            return;
        }
        if let Some((prev, prev_span)) = open_branch.take() {
            branches.push(CaseBranch { cond: prev, body: Block::new(std::mem::take(stmts)), span: prev_span });
        }
        stmts.clear();
        *open_branch = Some((cond, span));
    }

    fn catch_line(&mut self, span: Span, diags: &mut Vec<Diagnostic>) {
        let Some(Frame { kind: FrameKind::Try { body }, stmts, .. }) = self.stack.last_mut() else {
            let inside = self.inside_words();
            diags.push(
                Diagnostic::error("syntax", "`Catch` outside `Try`", span)
                    .with_label(inside)
                    .with_help("`Catch` goes between `Try` and `End try`"),
            );
            return;
        };
        if body.is_some() {
            diags.push(Diagnostic::error("syntax", "a second `Catch` in the same `Try`", span));
        } else {
            *body = Some(Block::new(std::mem::take(stmts)));
        }
    }

    /// Words for where a misplaced line stands.
    fn inside_words(&mut self) -> String {
        match self.stack.last().map(|frame| (frame.kind.opener(), frame.span)) {
            Some((opener, span)) => format!("inside the `{opener}` on line {}", self.line_of(span)),
            None => String::from("not inside any block"),
        }
    }

    fn close(&mut self, closes: Closes, span: Span, until: Option<Expr>, diags: &mut Vec<Diagnostic>) {
        let Some(index) = self.stack.iter().rposition(|f| closes.matches(&f.kind)) else {
            diags.push(
                Diagnostic::error(
                    "syntax",
                    format!("`{}` without a matching `{}`", closes.keyword(), closes.opener()),
                    span,
                )
                .with_label(self.inside_words())
                .with_help(format!("remove it, or add the `{}` it closes", closes.opener())),
            );
            return;
        };
        while self.stack.len() > index + 1 {
            self.report_unclosed(span, diags);
            self.pop_frame(None);
        }
        self.pop_frame(until);
    }

    fn report_unclosed(&mut self, at: Span, diags: &mut Vec<Diagnostic>) {
        if let Some(frame_span) = self.stack.last().map(|f| f.span) {
            let line = self.line_of(frame_span);
            let Some(frame) = self.stack.last() else { return };
            diags.push(
                Diagnostic::error(
                    "syntax",
                    format!("`{}` expected to close the `{}` on line {line}", frame.kind.closer(), frame.kind.opener()),
                    at,
                )
                .with_label(format!("`{}` still open here", frame.kind.opener()))
                .with_secondary(frame.span, format!("`{}` opened here", frame.kind.opener())),
            );
        }
    }

    /// Closes every open block before a `Function` line or the end of the file.
    fn close_all_before(&mut self, at: Span, diags: &mut Vec<Diagnostic>) {
        while !self.stack.is_empty() {
            if !self.stopped {
                self.report_unclosed(at, diags);
            }
            self.pop_frame(None);
        }
    }

    fn pop_frame(&mut self, until: Option<Expr>) {
        let Some(frame) = self.stack.pop() else { return };
        let end_span = frame.span;
        let body = Block::new(frame.stmts);
        let kind = match frame.kind {
            FrameKind::If { cond, then_block } => match then_block {
                Some(then_block) => StmtKind::If { cond, then_block, else_block: Some(body) },
                None => StmtKind::If { cond, then_block: body, else_block: None },
            },
            FrameKind::Case { mut branches, open_branch, in_else, .. } => {
                let mut else_block = None;
                if let Some((cond, span)) = open_branch {
                    branches.push(CaseBranch { cond, body, span });
                } else if in_else {
                    else_block = Some(body);
                }
                branches.shrink_to_fit();
                StmtKind::Case { branches, else_block }
            }
            FrameKind::While(cond) => StmtKind::While { cond, body },
            FrameKind::Repeat => {
                StmtKind::Repeat { body, until: until.unwrap_or(Expr { kind: ExprKind::Error, span: end_span }) }
            }
            FrameKind::For { counter, start, end, step } => StmtKind::For {
                counter: Box::new(counter),
                start: Box::new(start),
                end: Box::new(end),
                step: step.map(Box::new),
                body,
            },
            FrameKind::ForEach { item, source, begin, end, stop } => StmtKind::ForEach {
                item: Box::new(item),
                source: Box::new(source),
                begin: begin.map(Box::new),
                end: end.map(Box::new),
                stop: stop.map(Box::new),
                body,
            },
            FrameKind::Use(target) => StmtKind::Use { target, body },
            FrameKind::Try { body: try_body } => match try_body {
                Some(try_body) => StmtKind::Try { body: try_body, catch: Some(body) },
                None => StmtKind::Try { body, catch: None },
            },
            FrameKind::Sql { text, body_span } => StmtKind::Sql { text, body_span },
        };
        self.push_stmt(Stmt { kind, span: frame.span });
    }

    fn finish_function(&mut self) {
        let stmts = std::mem::take(&mut self.root);
        match self.current_function.take() {
            Some(mut def) => {
                def.body = Block::new(stmts);
                self.functions.push(def);
            }
            None => self.body = Some(Block::new(stmts)),
        }
    }

    pub(super) fn finish(mut self, diags: &mut Vec<Diagnostic>) -> Method {
        let end = Span::new(self.source, self.text.len(), self.text.len());
        self.close_all_before(end, diags);
        self.finish_function();
        // Unclosed-block reports at the end of the file point at the opener.
        for diag in diags.iter_mut() {
            if diag.span == end
                && let Some(opener) = diag.secondary.pop()
            {
                diag.span = opener.span;
                diag.label = Some(String::from("never closed"));
            }
        }
        Method {
            attributes: None,
            pragmas: Vec::new(),
            body: self.body.unwrap_or_default(),
            functions: self.functions,
            span: Span::new(self.source, 0, self.text.len()),
        }
    }
}
