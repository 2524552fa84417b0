//! Pest pairs to the AST, line by line, and logical lines to blocks.
//!
//! This is the only code that walks pest `Pair`s. Each logical line from the
//! lexical pass is parsed on its own, so one bad line yields one diagnostic and
//! parsing goes on. Block statements (`If` ... `End if`) are assembled with an
//! explicit stack, never by recursion. Knows nothing about values, commands or
//! processes.
//!
//! This file holds the entry point and the lowering of statements and
//! declarations; `expr.rs` lowers expressions, literals and names,
//! `messages.rs` words the syntax errors of lines that did not parse, and
//! `blocks.rs` assembles the lines into blocks.

mod blocks;
mod expr;
mod fast;
mod messages;
#[cfg(test)]
mod tests;

use pest::Parser;
use pest::iterators::Pair;

use super::ast::{
    Attributes, Block, Expr, ExprKind, FunctionDef, FunctionKind, Ident, LoopStop, Method, Name, Param, PostfixOp,
    Pragma, PropertyDecl, ResultDecl, Signature, Stmt, StmtKind, TypeRef, VarDecl,
};
use super::lines::{Lexed, LineKind, LogicalLine};
use super::parser::{FourdParser, Rule};
use crate::diag::{Diagnostic, SourceId, Span};
use blocks::Builder;
use expr::assign_op;
use messages::{detailed_error, incomplete_keyword, syntax_error};

/// How deeply control structures may nest; the limit 4D documents.
pub(crate) const MAX_BLOCK_DEPTH: usize = 512;

/// Parses a whole method or class file. Never fails: problems are diagnostics,
/// and the lines that did not parse become [`StmtKind::Error`].
pub(crate) fn build(source: SourceId, text: &str, lexed: Lexed) -> (Method, Vec<Diagnostic>) {
    let workers = if lexed.lines.len() >= PARALLEL_LINES {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get).min(MAX_WORKERS)
    } else {
        1
    };
    build_on(source, text, lexed, workers)
}

/// [`build`] with the lines parsed on `workers` threads.
fn build_on(source: SourceId, text: &str, mut lexed: Lexed, workers: usize) -> (Method, Vec<Diagnostic>) {
    let mut diags = std::mem::take(&mut lexed.diagnostics);
    let mut builder = Builder::new(source, text);
    let mut lex_errors = diags.iter().map(|d| d.span.start as usize).collect::<Vec<_>>();
    lex_errors.sort_unstable();
    if workers <= 1 {
        feed_lines(source, &lexed, 0..lexed.lines.len(), &lex_errors, &mut builder, &mut diags);
    } else {
        // A very large file: its lines are parsed on several threads, a
        // chunk at a time (so that only a chunk's items wait), and fed to
        // the block builder in order with their diagnostics, so that the
        // outcome is the same as one line after the other.
        let stack = if lexed.max_depth <= super::SHALLOW_DEPTH { SHALLOW_STACK_BYTES } else { super::DEEP_STACK_BYTES };
        let mut chunk_start = 0;
        while chunk_start < lexed.lines.len() && !builder.stopped {
            let chunk_end = (chunk_start + CHUNK_LINES).min(lexed.lines.len());
            let per_worker = (chunk_end - chunk_start).div_ceil(workers);
            let (lexed, lex_errors) = (&lexed, &lex_errors);
            let parts: Vec<Vec<Lowered>> = std::thread::scope(|scope| {
                let handles: Vec<_> = (chunk_start..chunk_end)
                    .step_by(per_worker)
                    .map(|from| {
                        let to = (from + per_worker).min(chunk_end);
                        std::thread::Builder::new().stack_size(stack).spawn_scoped(scope, move || {
                            (from..to)
                                .map(|index| {
                                    let mut line_diags = Vec::new();
                                    let item = lower_line(source, lexed, index, lex_errors, &mut line_diags);
                                    (item, line_diags)
                                })
                                .collect::<Vec<Lowered>>()
                        })
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|handle| match handle {
                        Ok(handle) => handle.join().unwrap_or_default(),
                        Err(_) => Vec::new(),
                    })
                    .collect()
            });
            let lowered: usize = parts.iter().map(Vec::len).sum();
            if lowered != chunk_end - chunk_start {
                // A thread could not start: the chunk is done here instead.
                feed_lines(source, lexed, chunk_start..chunk_end, lex_errors, &mut builder, &mut diags);
            } else {
                for (item, line_diags) in parts.into_iter().flatten() {
                    if builder.stopped {
                        break;
                    }
                    diags.extend(line_diags);
                    if let Some((item, span)) = item {
                        builder.feed(item, span, &mut diags);
                    }
                }
            }
            chunk_start = chunk_end;
        }
    }
    let mut method = builder.finish(&mut diags);
    method.pragmas = lexed
        .pragmas
        .into_iter()
        .map(|p| Pragma { text: p.text, span: p.span })
        .filter(|p| !p.text.starts_with("//%attributes"))
        .collect();
    method.attributes = attributes(source, text, &mut diags);
    (method, diags)
}

/// Parses the lines in `range` on this thread, one after the other, and
/// feeds them to the block builder (until it stops).
fn feed_lines(
    source: SourceId,
    lexed: &Lexed,
    range: std::ops::Range<usize>,
    lex_errors: &[usize],
    builder: &mut Builder,
    diags: &mut Vec<Diagnostic>,
) {
    for index in range {
        if builder.stopped {
            break;
        }
        if let Some((item, span)) = lower_line(source, lexed, index, lex_errors, diags) {
            builder.feed(item, span, diags);
        }
    }
}

/// From how many logical lines a file's lines are parsed on several threads.
const PARALLEL_LINES: usize = 50_000;
/// How many lines are parsed at a time, then fed to the block builder.
const CHUNK_LINES: usize = 16_384;
/// The most threads that parse one file.
const MAX_WORKERS: usize = 8;
/// The stack of a parsing thread when no line nests deeply.
const SHALLOW_STACK_BYTES: usize = 16 * 1024 * 1024;

/// A line lowered on a parsing thread: its item and span (none for a blank
/// line), and its diagnostics.
type Lowered = (Option<(Item, Span)>, Vec<Diagnostic>);

/// Line `index` of `lexed` as an item for the block builder, with its span;
/// `None` for a blank line. Its diagnostics go to `diags`.
fn lower_line(
    source: SourceId,
    lexed: &Lexed,
    index: usize,
    lex_errors: &[usize],
    diags: &mut Vec<Diagnostic>,
) -> Option<(Item, Span)> {
    let line = lexed.line(index)?;
    if line.kind == LineKind::Sql {
        return Some((Item::SqlBody(line.text.to_string()), Span::new(source, line.start, line.end)));
    }
    let (start, end) = trimmed_range(line.text)?;
    let span = Span::new(source, line.start + start, line.start + end);
    let first_at_or_after = lex_errors.partition_point(|&at| at < line.start);
    let had_lex_error = lex_errors.get(first_at_or_after).is_some_and(|&at| at <= line.end);
    let item = if line.too_deep || had_lex_error {
        classify(line.text)
    } else {
        match parse_line(source, &line, diags) {
            Some(item) => item,
            None => classify(line.text),
        }
    };
    Some((item, span))
}

/// See [`crate::syntax::statements_naming_variables`].
pub(crate) fn statements_naming_variables(source: SourceId, lexed: &Lexed) -> Option<Vec<Stmt>> {
    let mut stmts = Vec::new();
    let mut diags = Vec::new();
    for index in 0..lexed.lines.len() {
        let Some(line) = lexed.line(index) else { continue };
        let text = line.text.trim_start_matches([' ', '\t']);
        let first = text.as_bytes().first().copied();
        if line.kind == LineKind::Sql || matches!(first, None | Some(b'$' | b':')) {
            continue;
        }
        let word = text.split(|c: char| !(c.is_alphanumeric() || c == '_')).next().unwrap_or("");
        if ["if", "else", "end", "case", "while", "until", "repeat", "return", "begin"]
            .iter()
            .any(|k| word.eq_ignore_ascii_case(k))
        {
            continue;
        }
        let span = Span::new(source, line.start, line.end);
        let kind = match parse_line(source, &line, &mut diags)? {
            Item::Stmt(kind) => kind,
            Item::For { counter, start, end, step } => StmtKind::For {
                counter: Box::new(counter),
                start: Box::new(start),
                end: Box::new(end),
                step: step.map(Box::new),
                body: Block::default(),
            },
            Item::ForEach { item, source: over, begin, end, stop } => StmtKind::ForEach {
                item: Box::new(item),
                source: Box::new(over),
                begin: begin.map(Box::new),
                end: end.map(Box::new),
                stop: stop.map(Box::new),
                body: Block::default(),
            },
            _ => continue,
        };
        if !diags.is_empty() {
            return None;
        }
        stmts.push(Stmt { kind, span });
    }
    Some(stmts)
}

/// Whether an expression may be assigned to: a variable, a property, an
/// element or a dereferenced pointer (not a call's result, not a literal).
fn assignable(target: &Expr) -> bool {
    match &target.kind {
        ExprKind::Local(_)
        | ExprKind::Interprocess(_)
        | ExprKind::ParamIndirect(_)
        | ExprKind::Name(_)
        | ExprKind::Field(_)
        | ExprKind::Error => true,
        ExprKind::Postfix { ops, .. } => !matches!(ops.last(), Some(PostfixOp::Call { .. })),
        _ => false,
    }
}

/// The byte range of `text` without its leading and trailing blanks.
fn trimmed_range(text: &str) -> Option<(usize, usize)> {
    let start = text.len() - text.trim_start().len();
    let end = text.trim_end().len();
    (start < end).then_some((start, end))
}

/// Reads the `//%attributes = {...}` line that starts a project method.
fn attributes(source: SourceId, text: &str, diags: &mut Vec<Diagnostic>) -> Option<Attributes> {
    let offset = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
    let first = text[offset..].lines().next()?;
    let rest = first.strip_prefix("//%attributes")?;
    let span = Span::new(source, offset, offset + first.len());
    let json_text = rest.trim_start().strip_prefix('=').unwrap_or(rest).trim();
    let value: serde_json::Value = match serde_json::Deserializer::from_str(json_text).into_iter().next() {
        Some(Ok(value)) => value,
        _ => {
            diags.push(
                Diagnostic::warning("syntax", "the `//%attributes` line does not hold a JSON object", span)
                    .with_help("4D writes it as `//%attributes = {\"invisible\":true}`"),
            );
            return None;
        }
    };
    let flag = |key: &str| value.get(key).and_then(serde_json::Value::as_bool).unwrap_or(false);
    Some(Attributes {
        json: value.to_string(),
        shared: flag("shared"),
        invisible: flag("invisible"),
        published_web: flag("publishedWeb"),
        executed_on_server: flag("executedOnServer"),
        preemptive: value.get("preemptive").and_then(serde_json::Value::as_str).map(str::to_string),
        span,
    })
}

// ---------------------------------------------------------------- one line

/// What one logical line means to the block builder.
#[derive(Debug)]
enum Item {
    Stmt(StmtKind),
    If(Expr),
    Else,
    EndIf,
    CaseOf,
    Branch(Expr),
    EndCase,
    While(Expr),
    EndWhile,
    Repeat,
    Until(Expr),
    For { counter: Expr, start: Expr, end: Expr, step: Option<Expr> },
    EndFor,
    ForEach { item: Expr, source: Expr, begin: Option<Expr>, end: Option<Expr>, stop: Option<LoopStop> },
    EndForEach,
    Use(Expr),
    EndUse,
    Try,
    Catch,
    EndTry,
    BeginSql,
    SqlBody(String),
    EndSql,
    Function(FunctionDef),
}

/// The most rule calls pest may make for one line. Real lines need a few
/// hundred thousand at most; this bounds the time a pathological line can take.
const CALL_LIMIT: usize = 20_000_000;

fn parse_line(source: SourceId, line: &LogicalLine<'_>, diags: &mut Vec<Diagnostic>) -> Option<Item> {
    if let Some(item) = fast::read_line(source, line.start, line.text) {
        #[cfg(debug_assertions)]
        same_as_grammar(source, line, &item);
        return Some(item);
    }
    parse_with_grammar(source, line, diags)
}

/// In debug builds (the tests and the fuzz targets), a line the fast reader
/// read must give the grammar's item, spans included, and no diagnostic.
#[cfg(debug_assertions)]
fn same_as_grammar(source: SourceId, line: &LogicalLine<'_>, item: &Item) {
    let mut diags = Vec::new();
    let expected = parse_with_grammar(source, line, &mut diags);
    assert!(diags.is_empty(), "the fast reader read a line the grammar reports: {:?}", line.text);
    assert_eq!(format!("{expected:?}"), format!("{:?}", Some(item)), "the fast reader differs on {:?}", line.text);
}

/// A line read by the grammar (pest), then lowered.
fn parse_with_grammar(source: SourceId, line: &LogicalLine<'_>, diags: &mut Vec<Diagnostic>) -> Option<Item> {
    static LIMIT: std::sync::Once = std::sync::Once::new();
    LIMIT.call_once(|| pest::set_call_limit(std::num::NonZeroUsize::new(CALL_LIMIT)));
    match FourdParser::parse(Rule::line, line.text) {
        Ok(mut pairs) => {
            let line_pair = pairs.next()?;
            let mut cx = Lower { source, base: line.start, diags };
            let stmt = line_pair.into_inner().find(|p| p.as_rule() != Rule::EOI)?;
            let item = cx.item(stmt);
            if let Item::Stmt(StmtKind::Expr(Expr { kind: ExprKind::Name(name), span })) = &item
                && name.token.is_none()
                && let Some(what) = incomplete_keyword(&name.text)
            {
                diags.push(
                    Diagnostic::error("syntax", format!("`{}` is incomplete", name.text.trim()), *span)
                        .with_label(what),
                );
                return Some(classify(line.text));
            }
            Some(item)
        }
        Err(error) => {
            diags.push(syntax_error(source, line, &detailed_error(line.text).unwrap_or(error)));
            None
        }
    }
}

/// Lowers the pairs of one line; spans are offset by the line's start.
struct Lower<'d> {
    source: SourceId,
    base: usize,
    diags: &'d mut Vec<Diagnostic>,
}

/// The children of a pair that are not keywords or `:` of types.
fn children(pair: Pair<'_, Rule>) -> impl Iterator<Item = Pair<'_, Rule>> {
    pair.into_inner().filter(|p| !is_glue(p.as_rule()))
}

fn is_glue(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::kw_if
            | Rule::kw_else
            | Rule::kw_end_if
            | Rule::kw_case_of
            | Rule::kw_end_case
            | Rule::kw_while
            | Rule::kw_end_while
            | Rule::kw_repeat
            | Rule::kw_until
            | Rule::kw_for
            | Rule::kw_end_for
            | Rule::kw_for_each
            | Rule::kw_end_for_each
            | Rule::kw_use
            | Rule::kw_end_use
            | Rule::kw_try
            | Rule::kw_catch
            | Rule::kw_end_try
            | Rule::kw_begin_sql
            | Rule::kw_end_sql
            | Rule::kw_return
            | Rule::kw_break
            | Rule::kw_continue
            | Rule::kw_var
            | Rule::kw_declare
            | Rule::kw_property
            | Rule::kw_class_extends
            | Rule::kw_class_constructor
            | Rule::kw_function
            | Rule::type_colon
            | Rule::ternary_q
            | Rule::ternary_colon
    )
}

impl Lower<'_> {
    fn span(&self, pair: &Pair<'_, Rule>) -> Span {
        let s = pair.as_span();
        Span::new(self.source, self.base + s.start(), self.base + s.end())
    }

    fn error(&mut self, message: impl Into<String>, span: Span) {
        self.diags.push(Diagnostic::error("syntax", message, span));
    }

    fn item(&mut self, pair: Pair<'_, Rule>) -> Item {
        let rule = pair.as_rule();
        let hole = self.required(None);
        let mut kids = children(pair);
        let mut next_expr = |cx: &mut Self| kids.next().map(|p| cx.expr(p));
        match rule {
            Rule::if_stmt => Item::If(next_expr(self).unwrap_or_else(|| hole.clone())),
            Rule::else_stmt => Item::Else,
            Rule::end_if => Item::EndIf,
            Rule::case_of => Item::CaseOf,
            Rule::end_case => Item::EndCase,
            Rule::case_branch => Item::Branch(next_expr(self).unwrap_or_else(|| hole.clone())),
            Rule::while_stmt => Item::While(next_expr(self).unwrap_or_else(|| hole.clone())),
            Rule::end_while => Item::EndWhile,
            Rule::repeat_stmt => Item::Repeat,
            Rule::until_stmt => Item::Until(next_expr(self).unwrap_or_else(|| hole.clone())),
            Rule::for_stmt => {
                let counter = next_expr(self).unwrap_or_else(|| hole.clone());
                let start = next_expr(self).unwrap_or_else(|| hole.clone());
                let end = next_expr(self).unwrap_or_else(|| hole.clone());
                let step = next_expr(self);
                Item::For { counter, start, end, step }
            }
            Rule::end_for => Item::EndFor,
            Rule::for_each_stmt => {
                let mut exprs = Vec::new();
                let mut stop = None;
                for kid in kids {
                    match kid.as_rule() {
                        Rule::loop_until => stop = self.first_expr(kid).map(LoopStop::Until),
                        Rule::loop_while => stop = self.first_expr(kid).map(LoopStop::While),
                        _ => exprs.push(self.expr(kid)),
                    }
                }
                let mut exprs = exprs.into_iter();
                let item = self.required(exprs.next());
                let source = self.required(exprs.next());
                Item::ForEach { item, source, begin: exprs.next(), end: exprs.next(), stop }
            }
            Rule::end_for_each => Item::EndForEach,
            Rule::use_stmt => Item::Use(next_expr(self).unwrap_or_else(|| hole.clone())),
            Rule::end_use => Item::EndUse,
            Rule::try_stmt => Item::Try,
            Rule::catch_stmt => Item::Catch,
            Rule::end_try => Item::EndTry,
            Rule::begin_sql => Item::BeginSql,
            Rule::end_sql => Item::EndSql,
            Rule::return_stmt => Item::Stmt(StmtKind::Return(next_expr(self))),
            Rule::break_stmt => Item::Stmt(StmtKind::Break),
            Rule::continue_stmt => Item::Stmt(StmtKind::Continue),
            Rule::var_decl => Item::Stmt(StmtKind::Var(self.var_decl(kids))),
            Rule::declare => Item::Stmt(StmtKind::Declare(Box::new(self.signature(kids)))),
            Rule::property_decl => Item::Stmt(StmtKind::Property(self.property(kids))),
            Rule::class_extends => match kids.next() {
                Some(ty) => Item::Stmt(StmtKind::ClassExtends(self.type_ref(ty))),
                None => Item::Stmt(StmtKind::Error),
            },
            Rule::class_constructor | Rule::function_decl => Item::Function(self.function(rule, kids)),
            Rule::expr_stmt => {
                let target = next_expr(self).unwrap_or_else(|| hole.clone());
                match (kids.next(), kids.next()) {
                    (Some(op), Some(value)) => {
                        let op = assign_op(op.as_str());
                        let value = self.expr(value);
                        self.check_assignable(&target);
                        Item::Stmt(StmtKind::Assign { target, op, value })
                    }
                    _ => Item::Stmt(StmtKind::Expr(target)),
                }
            }
            other => unreachable!("lower: statement rule {other:?}"),
        }
    }

    fn first_expr(&mut self, pair: Pair<'_, Rule>) -> Option<Expr> {
        children(pair).next().map(|p| self.expr(p))
    }

    /// An expression the grammar guarantees; a placeholder if it is somehow missing.
    fn required(&self, expr: Option<Expr>) -> Expr {
        expr.unwrap_or(Expr { kind: ExprKind::Error, span: Span::new(self.source, self.base, self.base) })
    }

    fn check_assignable(&mut self, target: &Expr) {
        if !assignable(target) {
            self.diags.push(
                Diagnostic::error("syntax", "this expression cannot be assigned to", target.span)
                    .with_label("not a variable, property, element or dereferenced pointer"),
            );
        }
    }

    fn var_decl<'i>(&mut self, kids: impl Iterator<Item = Pair<'i, Rule>>) -> VarDecl {
        let mut decl = VarDecl { names: Vec::new(), ty: None, init: None };
        for kid in kids {
            match kid.as_rule() {
                Rule::var_name => {
                    if let Some(inner) = kid.into_inner().next() {
                        let name = self.primary(inner);
                        decl.names.push(name);
                    }
                }
                Rule::type_ref => decl.ty = Some(Box::new(self.type_ref(kid))),
                Rule::expr => decl.init = Some(Box::new(self.expr(kid))),
                _ => {}
            }
        }
        decl.names.shrink_to_fit();
        if decl.init.is_some() && decl.names.len() > 1 {
            let span = decl.names[0].span.join(decl.names[decl.names.len() - 1].span);
            self.error("only one variable may be initialised per `var` line", span);
        }
        decl
    }

    fn property<'i>(&mut self, kids: impl Iterator<Item = Pair<'i, Rule>>) -> PropertyDecl {
        let mut decl = PropertyDecl { names: Vec::new(), ty: None, init: None };
        for kid in kids {
            match kid.as_rule() {
                Rule::member_name => decl.names.push(self.ident(&kid)),
                Rule::type_ref => decl.ty = Some(Box::new(self.type_ref(kid))),
                Rule::expr => decl.init = Some(Box::new(self.expr(kid))),
                _ => {}
            }
        }
        decl
    }

    fn signature<'i>(&mut self, kids: impl Iterator<Item = Pair<'i, Rule>>) -> Signature {
        let mut sig = Signature::default();
        for kid in kids {
            match kid.as_rule() {
                Rule::param_list => {
                    sig.has_parens = true;
                    for param in children(kid) {
                        sig.params.push(self.param(param));
                    }
                }
                Rule::result => {
                    if let Some(result) = kid.into_inner().next() {
                        sig.result = Some(self.result(result));
                    }
                }
                _ => {}
            }
        }
        sig
    }

    fn param(&mut self, pair: Pair<'_, Rule>) -> Param {
        let span = self.span(&pair);
        let mut param = Param { name: None, ty: None, span };
        for kid in children(pair) {
            match kid.as_rule() {
                Rule::local => param.name = Some(self.ident(&kid)),
                Rule::type_ref => param.ty = Some(self.type_ref(kid)),
                _ => {}
            }
        }
        param
    }

    fn result(&mut self, pair: Pair<'_, Rule>) -> ResultDecl {
        let span = self.span(&pair);
        let mut result = ResultDecl { name: None, ty: None, span };
        for kid in children(pair) {
            match kid.as_rule() {
                Rule::local => result.name = Some(self.ident(&kid)),
                Rule::type_ref => result.ty = Some(self.type_ref(kid)),
                _ => {}
            }
        }
        result
    }

    fn function<'i>(&mut self, rule: Rule, kids: impl Iterator<Item = Pair<'i, Rule>>) -> FunctionDef {
        let mut def = FunctionDef {
            kind: if rule == Rule::class_constructor { FunctionKind::Constructor } else { FunctionKind::Function },
            modifiers: Vec::new(),
            name: Ident { text: String::new(), span: Span::new(self.source, self.base, self.base) },
            signature: Signature::default(),
            body: Block::default(),
            span: Span::new(self.source, self.base, self.base),
        };
        let mut sig_parts = Vec::new();
        for kid in kids {
            match kid.as_rule() {
                Rule::modifier => def.modifiers.push(kid.as_str().to_lowercase()),
                Rule::accessor => {
                    def.kind = match kid.as_str().trim().to_lowercase().as_str() {
                        "get" => FunctionKind::Get,
                        "set" => FunctionKind::Set,
                        "query" => FunctionKind::Query,
                        _ => FunctionKind::OrderBy,
                    }
                }
                Rule::member_name => def.name = self.ident(&kid),
                _ => sig_parts.push(kid),
            }
        }
        def.signature = self.signature(sig_parts.into_iter());
        def
    }

    fn type_ref(&mut self, pair: Pair<'_, Rule>) -> TypeRef {
        let span = self.span(&pair);
        let mut kids = pair.into_inner();
        let head = match kids.next() {
            Some(first) => self.name(first),
            None => Name { text: String::new(), token: None },
        };
        let path = kids.map(|p| self.ident(&p)).collect();
        TypeRef { head, path, span }
    }
}

// ------------------------------------------------------------ classify

/// What a line that did not parse opens or closes, judged by its first words,
/// so that one bad line does not unbalance every block after it.
fn classify(text: &str) -> Item {
    let lower = text.trim().to_lowercase();
    let words: Vec<&str> =
        lower.split(|c: char| !(c.is_alphanumeric() || c == '#')).filter(|w| !w.is_empty()).collect();
    let error = || Expr { kind: ExprKind::Error, span: Span::default() };
    let first = words.first().copied().unwrap_or("");
    let second = words.get(1).copied().unwrap_or("");
    let third = words.get(2).copied().unwrap_or("");
    if lower.starts_with(':') && !lower.starts_with(":=") {
        return Item::Branch(error());
    }
    match (first, second) {
        ("if", _) => Item::If(error()),
        ("else", _) => Item::Else,
        ("end", "if") => Item::EndIf,
        ("case", "of") => Item::CaseOf,
        ("end", "case") => Item::EndCase,
        ("while", _) => Item::While(error()),
        ("end", "while") => Item::EndWhile,
        ("repeat", _) => Item::Repeat,
        ("until", _) => Item::Until(error()),
        ("for", "each") => Item::ForEach { item: error(), source: error(), begin: None, end: None, stop: None },
        ("for", _) => Item::For { counter: error(), start: error(), end: error(), step: None },
        ("end", "for") if third == "each" => Item::EndForEach,
        ("end", "for") => Item::EndFor,
        ("use", _) => Item::Use(error()),
        ("end", "use") => Item::EndUse,
        ("try", "") => Item::Try,
        ("catch", _) => Item::Catch,
        ("end", "try") => Item::EndTry,
        _ => {
            let is_function = words.iter().take(4).any(|w| *w == "function")
                || words.windows(2).take(4).any(|w| w == ["class", "constructor"]);
            let modifiers_only = words.iter().take_while(|w| is_modifier(w)).count();
            if is_function && matches!(words.get(modifiers_only).copied(), Some("function" | "class")) {
                let kind =
                    if words.contains(&"constructor") { FunctionKind::Constructor } else { FunctionKind::Function };
                Item::Function(FunctionDef {
                    kind,
                    modifiers: Vec::new(),
                    name: Ident { text: String::new(), span: Span::default() },
                    signature: Signature::default(),
                    body: Block::default(),
                    span: Span::default(),
                })
            } else {
                Item::Stmt(StmtKind::Error)
            }
        }
    }
}

fn is_modifier(word: &str) -> bool {
    matches!(word, "shared" | "singleton" | "session" | "exposed" | "local" | "onhttpget")
}
