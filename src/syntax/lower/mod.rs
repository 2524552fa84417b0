//! Pest pairs to the AST, line by line, and logical lines to blocks.
//!
//! This is the only code that walks pest `Pair`s. Each logical line from the
//! lexical pass is parsed on its own, so one bad line yields one diagnostic and
//! parsing goes on. Block statements (`If` ... `End if`) are assembled with an
//! explicit stack, never by recursion. Knows nothing about values, commands or
//! processes.

use pest::Parser;
use pest::error::{ErrorVariant, InputLocation};
use pest::iterators::Pair;

use super::ast::{
    AssignOp, Attributes, BinOp, Block, CaseBranch, Expr, ExprKind, FunctionDef, FunctionKind, Ident, LoopStop, Method,
    Name, Param, PostfixOp, Pragma, PrefixOp, PropertyDecl, ResultDecl, Signature, Stmt, StmtKind, TableRef, TypeRef,
    VarDecl,
};
use super::lines::{Lexed, LineKind, LogicalLine};
use super::names::decode_token;
use super::parser::{FourdParser, Rule};
use crate::diag::{Diagnostic, SourceId, Span};

/// How deeply control structures may nest; the limit 4D documents.
pub(crate) const MAX_BLOCK_DEPTH: usize = 512;

/// Parses a whole method or class file. Never fails: problems are diagnostics,
/// and the lines that did not parse become [`StmtKind::Error`].
pub(crate) fn build(source: SourceId, text: &str, lexed: Lexed) -> (Method, Vec<Diagnostic>) {
    let mut diags = lexed.diagnostics;
    let mut builder = Builder::new(source, text);
    let mut lex_error_lines = diags.iter().map(|d| d.span.start as usize).collect::<Vec<_>>();
    lex_error_lines.sort_unstable();
    for line in &lexed.lines {
        if builder.stopped {
            break;
        }
        let span = Span::new(source, line.start, line.end);
        if line.kind == LineKind::Sql {
            builder.feed(Item::SqlBody(line.text.clone()), span, &mut diags);
            continue;
        }
        let Some((start, end)) = trimmed_range(&line.text) else { continue };
        let span = Span::new(source, line.start + start, line.start + end);
        let first_at_or_after = lex_error_lines.partition_point(|&at| at < line.start);
        let had_lex_error = lex_error_lines.get(first_at_or_after).is_some_and(|&at| at <= line.end);
        let item = if line.too_deep || had_lex_error {
            classify(&line.text)
        } else {
            match parse_line(source, line, &mut diags) {
                Some(item) => item,
                None => classify(&line.text),
            }
        };
        builder.feed(item, span, &mut diags);
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

fn parse_line(source: SourceId, line: &LogicalLine, diags: &mut Vec<Diagnostic>) -> Option<Item> {
    static LIMIT: std::sync::Once = std::sync::Once::new();
    LIMIT.call_once(|| pest::set_call_limit(std::num::NonZeroUsize::new(CALL_LIMIT)));
    match FourdParser::parse(Rule::line, &line.text) {
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
                return Some(classify(&line.text));
            }
            Some(item)
        }
        Err(error) => {
            diags.push(syntax_error(source, line, &detailed_error(&line.text).unwrap_or(error)));
            None
        }
    }
}

/// Serialises the re-parses that collect pest's token-level detail.
static DETAIL: parking_lot::Mutex<()> = parking_lot::Mutex::new(());

/// Parses a line that failed once more, with pest's token-level detail on, so
/// that the message can name the `)` or `;` that was expected. The switch is
/// global to pest; it only changes what a failure reports, and every failure
/// is reported from inside this lock, so messages do not depend on timing.
fn detailed_error(text: &str) -> Option<pest::error::Error<Rule>> {
    let _guard = DETAIL.lock();
    pest::set_error_detail(true);
    let result = FourdParser::parse(Rule::line, text);
    pest::set_error_detail(false);
    result.err()
}

/// Turns pest's failure into words a 4D developer understands.
fn syntax_error(source: SourceId, line: &LogicalLine, error: &pest::error::Error<Rule>) -> Diagnostic {
    let pos = match error.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let rest = &line.text[pos.min(line.text.len())..];
    if matches!(&error.variant, ErrorVariant::CustomError { .. }) {
        return Diagnostic::error(
            "syntax",
            "this statement is too complex to parse",
            Span::new(source, line.start, line.start),
        )
        .with_help("split the expression over several statements");
    }
    let found = found_token(rest);
    let mut expected: Vec<&'static str> = Vec::new();
    if let ErrorVariant::ParsingError { positives, .. } = &error.variant {
        for rule in positives {
            if let Some(word) = rule_words(*rule) {
                expected.push(word);
            }
        }
    }
    if let Some(attempts) = error.parse_attempts() {
        for token in attempts.expected_tokens() {
            let text = token.to_string();
            let word = match text.trim_matches('"') {
                ")" => "`)`",
                "]" => "`]`",
                "}" => "`}`",
                "]]" => "`]]`",
                ";" => "`;`",
                "(" => "`(`",
                _ => continue,
            };
            expected.push(word);
        }
    }
    expected.sort_by_key(|w| WORD_ORDER.iter().position(|o| o == w).unwrap_or(usize::MAX));
    expected.dedup();
    let start = line.start + pos;
    let len = if found.is_empty() { 0 } else { found.len() };
    let span = Span::new(source, start, start + len);
    let message = if found.is_empty() {
        String::from("unexpected end of the statement")
    } else {
        format!("unexpected `{found}`")
    };
    let label = if expected.is_empty() {
        String::from("not valid 4D here")
    } else {
        format!("expected {}", join_or(&expected))
    };
    let mut diag = Diagnostic::error("syntax", message, span).with_label(label);
    if let Some(help) = keyword_help(&line.text) {
        diag = diag.with_help(help);
    }
    diag
}

/// The order in which expected things are listed.
const WORD_ORDER: &[&str] = &[
    "an expression",
    "an operator",
    "`:=`",
    "`(`",
    "`)`",
    "`]`",
    "`]]`",
    "`}`",
    "`;`",
    "`:`",
    "a name",
    "a variable",
    "a type",
    "a property name",
    "the end of the statement",
];

fn rule_words(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::expr
        | Rule::chain
        | Rule::operand
        | Rule::postfix_expr
        | Rule::prefix_op
        | Rule::text_lit
        | Rule::date_lit
        | Rule::time_lit
        | Rule::hex_lit
        | Rule::number_lit
        | Rule::object_lit
        | Rule::collection_lit
        | Rule::table_ref
        | Rule::field_ref
        | Rule::paren
        | Rule::param_indirect
        | Rule::local
        | Rule::interprocess
        | Rule::name
        | Rule::arg
        | Rule::marker
        | Rule::conj => "an expression",
        Rule::binop | Rule::ternary_q | Rule::assign_op => "an operator",
        Rule::var_name => "a variable",
        Rule::type_ref | Rule::type_colon => "a type",
        Rule::member_name | Rule::prop | Rule::prop_key => "a property name",
        Rule::EOI => "the end of the statement",
        Rule::args | Rule::call => "`(`",
        _ => return None,
    })
}

fn join_or(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// The word or symbol at the start of `rest`, for "unexpected `...`".
fn found_token(rest: &str) -> &str {
    let rest = rest.trim_end();
    let mut chars = rest.char_indices();
    let Some((_, first)) = chars.next() else { return "" };
    if first.is_alphanumeric() || first == '_' || first == '$' {
        let end = rest
            .char_indices()
            .skip(1)
            .find(|(_, c)| !(c.is_alphanumeric() || *c == '_'))
            .map_or(rest.len(), |(i, _)| i);
        &rest[..end]
    } else {
        &rest[..first.len_utf8()]
    }
}

/// A hint for the statement a broken line starts with.
fn keyword_help(text: &str) -> Option<&'static str> {
    let words: Vec<String> = text.split_whitespace().take(2).map(str::to_lowercase).collect();
    let first = words.first().map(String::as_str).unwrap_or("");
    Some(match first.split('(').next().unwrap_or("") {
        "for" if words.get(1).is_some_and(|w| w.starts_with("each")) => {
            "`For each` is written `For each ($item; $collection {; begin {; end}})`"
        }
        "for" => "`For` is written `For ($counter; start; end {; step})`",
        "var" => "`var` is written `var $name {; $other} : Type {:= value}`",
        "#declare" => "`#DECLARE` is written `#DECLARE($param : Type; ...) -> $result : Type`",
        "function" => "`Function` is written `Function name($param : Type) -> $result : Type`",
        "property" => "`property` is written `property name {; other} : Type`",
        _ => return None,
    })
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
            Rule::declare => Item::Stmt(StmtKind::Declare(self.signature(kids))),
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
        let ok = match &target.kind {
            ExprKind::Local(_)
            | ExprKind::Interprocess(_)
            | ExprKind::ParamIndirect(_)
            | ExprKind::Name(_)
            | ExprKind::Field { .. }
            | ExprKind::Error => true,
            ExprKind::Postfix { ops, .. } => !matches!(ops.last(), Some(PostfixOp::Call { .. })),
            _ => false,
        };
        if !ok {
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
                Rule::type_ref => decl.ty = Some(self.type_ref(kid)),
                Rule::expr => decl.init = Some(self.expr(kid)),
                _ => {}
            }
        }
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
                Rule::type_ref => decl.ty = Some(self.type_ref(kid)),
                Rule::expr => decl.init = Some(self.expr(kid)),
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
            None => Name { text: String::new(), token: None, span },
        };
        let path = kids.map(|p| self.ident(&p)).collect();
        TypeRef { head, path, span }
    }

    fn ident(&self, pair: &Pair<'_, Rule>) -> Ident {
        Ident { text: pair.as_str().to_string(), span: self.span(pair) }
    }

    /// A name pair (`tok_name` or `plain_name`), possibly wrapped in `name`.
    fn name(&mut self, pair: Pair<'_, Rule>) -> Name {
        let span = self.span(&pair);
        match pair.as_rule() {
            Rule::name => match pair.into_inner().next() {
                Some(inner) => self.name(inner),
                None => Name { text: String::new(), token: None, span },
            },
            Rule::tok_name => {
                let mut kids = pair.into_inner();
                let text = kids.next().map(|p| p.as_str().to_string()).unwrap_or_default();
                let suffix = kids.next();
                let token = suffix.as_ref().and_then(|s| decode_token(s.as_str()));
                if token.is_none() {
                    self.error("this token number is too large", span);
                }
                Name { text, token, span }
            }
            _ => Name { text: pair.as_str().to_string(), token: None, span },
        }
    }

    // ------------------------------------------------------------ expressions

    fn expr(&mut self, pair: Pair<'_, Rule>) -> Expr {
        let span = self.span(&pair);
        match pair.as_rule() {
            Rule::expr => {
                let mut kids = children(pair);
                let Some(chain) = kids.next() else { return self.required(None) };
                let cond = self.expr(chain);
                match (kids.next(), kids.next()) {
                    (Some(a), Some(b)) => {
                        let then_expr = Box::new(self.expr(a));
                        let else_expr = Box::new(self.expr(b));
                        Expr { kind: ExprKind::Ternary { cond: Box::new(cond), then_expr, else_expr }, span }
                    }
                    _ => cond,
                }
            }
            Rule::chain => {
                let mut kids = pair.into_inner();
                let Some(first) = kids.next() else { return self.required(None) };
                let first = self.expr(first);
                let mut rest = Vec::new();
                while let (Some(op), Some(operand)) = (kids.next(), kids.next()) {
                    let op = BinOp::from_symbol(op.as_str()).unwrap_or(BinOp::Add);
                    rest.push((op, self.expr(operand)));
                }
                if rest.is_empty() {
                    first
                } else {
                    Expr { kind: ExprKind::Binary { first: Box::new(first), rest }, span }
                }
            }
            Rule::operand => {
                let mut ops = Vec::new();
                let mut operand = None;
                for kid in pair.into_inner() {
                    if kid.as_rule() == Rule::prefix_op {
                        ops.push(if kid.as_str() == "->" { PrefixOp::PointerTo } else { PrefixOp::Negate });
                    } else {
                        operand = Some(self.expr(kid));
                    }
                }
                let operand = self.required(operand);
                if ops.is_empty() {
                    operand
                } else {
                    Expr { kind: ExprKind::Prefix { ops, operand: Box::new(operand) }, span }
                }
            }
            Rule::postfix_expr => {
                let mut kids = pair.into_inner();
                let Some(base) = kids.next() else { return self.required(None) };
                let base = self.primary(base);
                let mut ops: Vec<PostfixOp> = kids.map(|op| self.postfix(op)).collect();
                if ops.is_empty() {
                    return base;
                }
                // `Try(expr)` is read as a call of a name by the grammar (which
                // spares pest a second parse of its argument); it is made here.
                if let ExprKind::Name(name) = &base.kind
                    && name.token.is_none()
                    && name.text.eq_ignore_ascii_case("try")
                    && let Some(PostfixOp::Call { args, span: call_span }) = ops.first_mut()
                {
                    let call_span = *call_span;
                    let inner = match (args.len(), args.pop()) {
                        (1, Some(arg)) => arg,
                        _ => {
                            self.error("`Try` takes one expression: `Try(expression)`", call_span);
                            self.required(None)
                        }
                    };
                    let try_span = base.span.join(call_span);
                    let try_expr = Expr { kind: ExprKind::Try(Box::new(inner)), span: try_span };
                    ops.remove(0);
                    if ops.is_empty() {
                        return try_expr;
                    }
                    return Expr { kind: ExprKind::Postfix { base: Box::new(try_expr), ops }, span };
                }
                Expr { kind: ExprKind::Postfix { base: Box::new(base), ops }, span }
            }
            _ => self.primary(pair),
        }
    }

    fn postfix(&mut self, pair: Pair<'_, Rule>) -> PostfixOp {
        let span = self.span(&pair);
        match pair.as_rule() {
            Rule::member => match pair.into_inner().next() {
                Some(name) => PostfixOp::Member(self.ident(&name)),
                None => PostfixOp::Deref(span),
            },
            Rule::deref_member => match pair.into_inner().next() {
                Some(name) => PostfixOp::DerefMember(self.ident(&name)),
                None => PostfixOp::Deref(span),
            },
            Rule::deref => PostfixOp::Deref(span),
            Rule::index => {
                let open = span.start;
                let inner = self.inner_expr(pair);
                // `[[i]]` reads as a character reference, as 4D writes it.
                match inner.kind {
                    ExprKind::Collection(mut items) if items.len() == 1 && inner.span.start == open + 1 => {
                        PostfixOp::CharIndex(items.pop().unwrap_or_else(|| self.required(None)))
                    }
                    kind => PostfixOp::Index(Expr { kind, span: inner.span }),
                }
            }
            Rule::array_elem => PostfixOp::ArrayElement(self.inner_expr(pair)),
            Rule::call => {
                let args = pair.into_inner().next().map(|args| self.args(args)).unwrap_or_default();
                PostfixOp::Call { args, span }
            }
            other => unreachable!("lower: postfix rule {other:?}"),
        }
    }

    fn inner_expr(&mut self, pair: Pair<'_, Rule>) -> Expr {
        let inner = pair.into_inner().next();
        let expr = inner.map(|p| self.expr(p));
        self.required(expr)
    }

    fn args(&mut self, pair: Pair<'_, Rule>) -> Vec<Expr> {
        pair.into_inner().map(|arg| self.arg(arg)).collect()
    }

    fn arg(&mut self, pair: Pair<'_, Rule>) -> Expr {
        let span = self.span(&pair);
        let mut kids = pair.into_inner();
        let Some(first) = kids.next() else { return self.required(None) };
        match first.as_rule() {
            Rule::marker => Expr { kind: ExprKind::Marker(first.as_str().to_string()), span },
            Rule::conj => {
                let op = first_char(first.as_str());
                let operand = kids.next().map(|p| Box::new(self.expr(p)));
                Expr { kind: ExprKind::Conjunction { op, operand }, span }
            }
            _ => {
                let target = self.expr(first);
                match (kids.next(), kids.next()) {
                    (Some(op), Some(value)) => {
                        self.check_assignable(&target);
                        let value = Box::new(self.expr(value));
                        Expr {
                            kind: ExprKind::Assign { target: Box::new(target), op: assign_op(op.as_str()), value },
                            span,
                        }
                    }
                    _ => target,
                }
            }
        }
    }

    fn primary(&mut self, pair: Pair<'_, Rule>) -> Expr {
        let span = self.span(&pair);
        let text = pair.as_str();
        let kind = match pair.as_rule() {
            Rule::text_lit => ExprKind::Text(unescape(text)),
            Rule::number_lit => match text.parse::<f64>() {
                Ok(n) => ExprKind::Number(n),
                Err(_) => {
                    self.error(format!("`{text}` is not a valid number"), span);
                    ExprKind::Error
                }
            },
            Rule::hex_lit => match u32::from_str_radix(&text[2..], 16) {
                // A hexadecimal literal is a 32-bit pattern read as a signed Longint.
                Ok(n) => ExprKind::Number(f64::from(n as i32)),
                Err(_) => {
                    self.error(format!("`{text}` does not fit in 32 bits"), span);
                    ExprKind::Error
                }
            },
            Rule::date_lit => match parse_date(&text[1..text.len() - 1]) {
                Ok((year, month, day)) => ExprKind::Date { year, month, day },
                Err(why) => {
                    self.diags.push(
                        Diagnostic::error("syntax", format!("invalid date literal `{text}`"), span)
                            .with_label(why)
                            .with_help("write dates as `!YYYY-MM-DD!`; the empty date is `!00-00-00!`"),
                    );
                    ExprKind::Error
                }
            },
            Rule::time_lit => match parse_time(&text[1..text.len() - 1]) {
                Ok(seconds) => ExprKind::Time(seconds),
                Err(why) => {
                    self.diags.push(
                        Diagnostic::error("syntax", format!("invalid time literal `{text}`"), span)
                            .with_label(why)
                            .with_help("write times as `?HH:MM:SS?`"),
                    );
                    ExprKind::Error
                }
            },
            Rule::object_lit => {
                let mut props = Vec::new();
                for prop in pair.into_inner() {
                    let mut kids = children(prop);
                    let (Some(key), Some(value)) = (kids.next(), kids.next()) else { continue };
                    let key = match key.into_inner().next() {
                        Some(k) if k.as_rule() == Rule::text_lit => {
                            Ident { text: unescape(k.as_str()), span: self.span(&k) }
                        }
                        Some(k) => self.ident(&k),
                        None => continue,
                    };
                    props.push((key, self.expr(value)));
                }
                ExprKind::Object(props)
            }
            Rule::collection_lit => ExprKind::Collection(pair.into_inner().map(|p| self.expr(p)).collect()),
            Rule::table_ref => ExprKind::Table(self.table(pair)),
            Rule::field_ref => {
                let mut kids = pair.into_inner();
                let table =
                    kids.next().map(|t| self.table(t)).unwrap_or(TableRef { name: String::new(), number: None });
                let field = kids.next().map(|f| f.as_str().to_string()).unwrap_or_default();
                let number = kids.next().and_then(|n| n.as_str()[1..].parse().ok());
                ExprKind::Field { table, field, number }
            }
            Rule::paren => return self.inner_expr(pair),
            Rule::param_indirect => ExprKind::ParamIndirect(Box::new(self.inner_expr(pair))),
            Rule::local => ExprKind::Local(text[1..].to_string()),
            Rule::interprocess => ExprKind::Interprocess(text[2..].to_string()),
            Rule::name | Rule::tok_name | Rule::plain_name => ExprKind::Name(self.name(pair)),
            Rule::expr | Rule::chain | Rule::operand | Rule::postfix_expr => return self.expr(pair),
            other => unreachable!("lower: primary rule {other:?}"),
        };
        Expr { kind, span }
    }

    fn table(&mut self, pair: Pair<'_, Rule>) -> TableRef {
        let mut kids = pair.into_inner();
        let name = kids.next().map(|n| n.as_str().to_string()).unwrap_or_default();
        let number = kids.next().and_then(|n| n.as_str()[1..].parse().ok());
        TableRef { name, number }
    }
}

fn first_char(text: &str) -> char {
    text.chars().next().unwrap_or('*')
}

fn assign_op(text: &str) -> AssignOp {
    match text {
        "+=" => AssignOp::Add,
        "-=" => AssignOp::Subtract,
        "*=" => AssignOp::Multiply,
        "/=" => AssignOp::Divide,
        _ => AssignOp::Assign,
    }
}

/// The value of a text literal (with its quotes). Escapes are `\n \t \r \\ \"`
/// in either case; another character after `\` is kept with its backslash.
pub(crate) fn unescape(literal: &str) -> String {
    let inner = literal.strip_prefix('"').and_then(|s| s.strip_suffix('"')).unwrap_or(literal);
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some('t' | 'T') => out.push('\t'),
            Some('r' | 'R') => out.push('\r'),
            Some('\\') => out.push('\\'),
            Some('"') => out.push('"'),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Reads the inside of a date literal: `YYYY-MM-DD`, `YYYY/MM/DD`, `00-00-00`,
/// or the US order `MM/DD/YY(YY)` (two-digit years below 30 are 20xx).
pub(crate) fn parse_date(text: &str) -> Result<(u16, u8, u8), String> {
    let parts: Vec<&str> = text.trim().split(['-', '/', '.']).collect();
    let [a, b, c] = parts[..] else { return Err(String::from("a date has three parts")) };
    let num = |s: &str| -> Result<u32, String> {
        if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!("`{s}` is not a number"));
        }
        s.parse::<u32>().map_err(|_| format!("`{s}` is not a number"))
    };
    let (x, y, z) = (num(a)?, num(b)?, num(c)?);
    if x == 0 && y == 0 && z == 0 {
        return Ok((0, 0, 0));
    }
    let (year, month, day) = if a.len() == 4 {
        (x, y, z)
    } else {
        let year = if c.len() <= 2 { if z < 30 { 2000 + z } else { 1900 + z } } else { z };
        (year, x, y)
    };
    if !(1..=12).contains(&month) {
        return Err(format!("there is no month {month}"));
    }
    if day == 0 || day > days_in_month(year, month) {
        return Err(format!("there is no day {day} in month {month} of {year}"));
    }
    if !(100..=32767).contains(&year) {
        return Err(format!("the year {year} is outside 100 to 32767"));
    }
    Ok((year as u16, month as u8, day as u8))
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Reads the inside of a time literal, `H:MM:SS` or `H:MM`, maybe negative.
pub(crate) fn parse_time(text: &str) -> Result<i64, String> {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let parts: Vec<&str> = body.split(':').collect();
    let mut values = [0i64; 3];
    for (slot, part) in values.iter_mut().zip(&parts) {
        *slot = part.parse::<i64>().map_err(|_| format!("`{part}` is not a number"))?;
    }
    let [hours, minutes, seconds] = values;
    if minutes > 59 || seconds > 59 {
        return Err(String::from("minutes and seconds go from 00 to 59"));
    }
    if hours > 596_000 {
        return Err(String::from("a time goes up to 596000:00:00"));
    }
    let total = hours * 3600 + minutes * 60 + seconds;
    Ok(if negative { -total } else { total })
}

// ------------------------------------------------------------ classify

/// What is missing when a keyword stands alone where it needs more, such as
/// `If` with no condition (which the grammar would otherwise read as a name).
fn incomplete_keyword(text: &str) -> Option<&'static str> {
    Some(match super::names::normalize(text).as_str() {
        "if" | "while" | "until" => "a condition is expected after it",
        "use" => "a shared object or collection is expected after it",
        "for" => "expected `($counter; start; end)` after it",
        "for each" => "expected `($item; $collection)` after it",
        "var" => "expected a variable name after it",
        "property" => "expected a property name after it",
        "function" => "expected a function name after it",
        "class extends" => "expected a class name after it",
        _ => return None,
    })
}

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

// ------------------------------------------------------------ blocks

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
struct Builder<'t> {
    source: SourceId,
    text: &'t str,
    stack: Vec<Frame>,
    /// The statements at the top level of the method, or of the current function.
    root: Vec<Stmt>,
    body: Option<Block>,
    functions: Vec<FunctionDef>,
    current_function: Option<FunctionDef>,
    /// Set when nesting passed [`MAX_BLOCK_DEPTH`]: the rest of the file is skipped.
    stopped: bool,
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
    fn new(source: SourceId, text: &'t str) -> Builder<'t> {
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

    fn feed(&mut self, item: Item, span: Span, diags: &mut Vec<Diagnostic>) {
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
                *then_block = Some(Block { stmts: std::mem::take(stmts) });
            }
            Some(Frame { kind: FrameKind::Case { branches, open_branch, in_else, .. }, stmts, .. }) => {
                if *in_else {
                    diags.push(Diagnostic::error("syntax", "a second `Else` in the same `Case of`", span));
                    return;
                }
                if let Some((cond, branch_span)) = open_branch.take() {
                    branches.push(CaseBranch { cond, body: Block { stmts: std::mem::take(stmts) }, span: branch_span });
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
            branches.push(CaseBranch { cond: prev, body: Block { stmts: std::mem::take(stmts) }, span: prev_span });
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
            *body = Some(Block { stmts: std::mem::take(stmts) });
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
        let body = Block { stmts: frame.stmts };
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
                StmtKind::Case { branches, else_block }
            }
            FrameKind::While(cond) => StmtKind::While { cond, body },
            FrameKind::Repeat => {
                StmtKind::Repeat { body, until: until.unwrap_or(Expr { kind: ExprKind::Error, span: end_span }) }
            }
            FrameKind::For { counter, start, end, step } => StmtKind::For { counter, start, end, step, body },
            FrameKind::ForEach { item, source, begin, end, stop } => {
                StmtKind::ForEach { item, source, begin, end, stop, body }
            }
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
                def.body = Block { stmts };
                self.functions.push(def);
            }
            None => self.body = Some(Block { stmts }),
        }
    }

    fn finish(mut self, diags: &mut Vec<Diagnostic>) -> Method {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(parse_date("2024-02-29"), Ok((2024, 2, 29)));
        assert_eq!(parse_date("00-00-00"), Ok((0, 0, 0)));
        assert_eq!(parse_date("12/04/98"), Ok((1998, 12, 4)));
        assert_eq!(parse_date("01/02/05"), Ok((2005, 1, 2)));
        assert!(parse_date("2023-02-29").is_err());
        assert!(parse_date("2024-13-01").is_err());
    }

    #[test]
    fn times() {
        assert_eq!(parse_time("12:30:00"), Ok(45000));
        assert_eq!(parse_time("-01:02:03"), Ok(-3723));
        assert_eq!(parse_time("8:05"), Ok(29100));
        assert!(parse_time("10:60:00").is_err());
    }

    #[test]
    fn escapes() {
        assert_eq!(unescape(r#""a\nb\T\\\"\q""#), "a\nb\t\\\"\\q");
    }
}
