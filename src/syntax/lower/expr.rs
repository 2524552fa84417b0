//! Lowering of expressions: operators, postfix operations, calls and their
//! arguments, literals (texts, numbers, dates, times, objects, collections) and names.

use pest::iterators::Pair;

use super::super::ast::{AssignOp, BinOp, Expr, ExprKind, FieldRef, Ident, Name, PostfixOp, PrefixOp, TableRef};
use super::super::names::decode_token;
use super::super::parser::Rule;
use super::{Lower, children};
use crate::diag::Diagnostic;

impl Lower<'_> {
    pub(super) fn ident(&self, pair: &Pair<'_, Rule>) -> Ident {
        Ident { text: pair.as_str().to_string(), span: self.span(pair) }
    }

    /// A name pair (`tok_name` or `plain_name`).
    pub(super) fn name(&mut self, pair: Pair<'_, Rule>) -> Name {
        let span = self.span(&pair);
        match pair.as_rule() {
            Rule::tok_name => {
                let mut kids = pair.into_inner();
                let text = kids.next().map(|p| p.as_str().to_string()).unwrap_or_default();
                let suffix = kids.next();
                let token = suffix.as_ref().and_then(|s| decode_token(s.as_str()));
                if token.is_none() {
                    self.error("this token number is too large", span);
                }
                Name { text, token }
            }
            _ => Name { text: pair.as_str().to_string(), token: None },
        }
    }

    // ------------------------------------------------------------ expressions

    pub(super) fn expr(&mut self, pair: Pair<'_, Rule>) -> Expr {
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
                    rest.shrink_to_fit();
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
                    ops.shrink_to_fit();
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
                ops.shrink_to_fit();
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
        let mut args: Vec<Expr> = pair.into_inner().map(|arg| self.arg(arg)).collect();
        args.shrink_to_fit();
        args
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

    pub(super) fn primary(&mut self, pair: Pair<'_, Rule>) -> Expr {
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
                props.shrink_to_fit();
                ExprKind::Object(props)
            }
            Rule::collection_lit => {
                let mut items: Vec<Expr> = pair.into_inner().map(|p| self.expr(p)).collect();
                items.shrink_to_fit();
                ExprKind::Collection(items)
            }
            Rule::table_ref => ExprKind::Table(self.table(pair)),
            Rule::field_ref => {
                let mut kids = pair.into_inner();
                let table =
                    kids.next().map(|t| self.table(t)).unwrap_or(TableRef { name: String::new(), number: None });
                let field = kids.next().map(|f| f.as_str().to_string()).unwrap_or_default();
                let number = kids.next().and_then(|n| n.as_str()[1..].parse().ok());
                ExprKind::Field(Box::new(FieldRef { table, field, number }))
            }
            Rule::paren => return self.inner_expr(pair),
            Rule::param_indirect => ExprKind::ParamIndirect(Box::new(self.inner_expr(pair))),
            Rule::local => ExprKind::Local(text[1..].to_string()),
            Rule::interprocess => ExprKind::Interprocess(text[2..].to_string()),
            Rule::tok_name | Rule::plain_name => ExprKind::Name(self.name(pair)),
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

pub(super) fn assign_op(text: &str) -> AssignOp {
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
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!("`{s}` is not a number"));
        }
        if s.len() > 4 {
            return Err(format!("`{s}` has more than four digits"));
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
