//! Formulas: `Formula(expression)` resolved as a small method of its own,
//! and the text of `Formula from string`.

use std::sync::Arc;

use crate::diag::{Diagnostic, Span};
use crate::eval::program::{Expr, ExprKind, LocalInfo, MethodCode, ResultKind, Stmt, VarType};
use crate::names::normalize;
use crate::syntax::ast;

use super::expr::unsupported;
use super::{LocalIndex, Names, Resolver};

impl Resolver<'_> {
    /// `Formula(expression)`: the expression resolved as the body of its own
    /// small method; the locals it uses are captured by value when it is created.
    pub(super) fn formula(&mut self, args: &[ast::Expr], span: Span) -> Expr {
        let [expr] = args else {
            self.error("`Formula` takes one expression", span);
            return unsupported("`Formula` takes one expression", span);
        };
        let source = self.names.snippet(expr.span).trim().to_string();
        let (code, locals) = resolve_formula_code(&self.method, expr, &mut *self.names, false, &mut self.diags);
        let captures = locals.iter().map(|(inner, name)| (self.local(name, None), *inner)).collect();
        Expr::new(ExprKind::Formula { code: Arc::new(code), captures, source: source.into_boxed_str() }, span)
    }
}

/// Resolves the expression of a formula into the code of a small method
/// named after `method`; returns it with the locals it uses (slot, name without `$`).
pub(super) fn resolve_formula_code(
    method: &str,
    expr: &ast::Expr,
    names: &mut dyn Names,
    no_locals: bool,
    diags: &mut Vec<Diagnostic>,
) -> (MethodCode, Vec<(usize, String)>) {
    let mut r = Resolver {
        names,
        method: method.to_string(),
        locals: Vec::new(),
        local_index: LocalIndex::default(),
        key: String::new(),
        diags: Vec::new(),
        no_locals,
        class: None,
    };
    // `Formula(method)`: the call's arguments go to the method.
    let forward = match &expr.kind {
        ast::ExprKind::Name(n) if n.token.is_none() => r.names.method(&normalize(&n.text)),
        _ => None,
    };
    let body = match (&expr.kind, forward) {
        // `Formula($1.accumulator+=$1.value)`, `Formula(This.total:=...)`: an
        // assignment, run for its effect; the formula returns nothing.
        (ast::ExprKind::Assign { target, op, value }, _) => vec![r.assign(target, *op, value, expr.span)],
        (_, Some(method)) => {
            vec![Stmt::Return { value: Some(Expr::new(ExprKind::ForwardCall { method }, expr.span)), span: expr.span }]
        }
        (_, None) => vec![Stmt::Return { value: Some(r.expr(expr)), span: expr.span }],
    };
    diags.append(&mut r.diags);
    let captured = r.locals.iter().enumerate().map(|(slot, l)| (slot, l.name[1..].to_string())).collect();
    let code = MethodCode {
        name: method.to_string(),
        source: expr.span.source,
        locals: r.locals,
        params: Vec::new(),
        params_in_place: true,
        variadic: None,
        result: ResultKind::Typed(VarType::Variant),
        body,
        pure: Box::default(),
        constructor: None,
        published_web: false,
        promotes: None,
        context: r.names.context(),
    };
    (code, captured)
}

/// Resolves the text of `Formula from string`: an expression that may not use locals.
pub fn resolve_formula_text(
    method: &str,
    parsed: &ast::Method,
    names: &mut dyn Names,
) -> Result<MethodCode, Vec<Diagnostic>> {
    let assignment;
    let expr = match parsed.body.stmts.as_slice() {
        [ast::Stmt { kind: ast::StmtKind::Expr(e), .. }] => e,
        // `Formula from string("$1.total:=...")`: an assignment.
        [ast::Stmt { kind: ast::StmtKind::Assign { target, op, value }, span }] => {
            assignment = ast::Expr {
                kind: ast::ExprKind::Assign {
                    target: Box::new(target.clone()),
                    op: *op,
                    value: Box::new(value.clone()),
                },
                span: *span,
            };
            &assignment
        }
        _ => return Err(vec![Diagnostic::error("resolve", "a formula is one expression", parsed.span)]),
    };
    let mut diags = Vec::new();
    let (code, _) = resolve_formula_code(method, expr, names, true, &mut diags);
    if diags.iter().any(Diagnostic::is_error) { Err(diags) } else { Ok(code) }
}

/// Resolves the text of `EXECUTE FORMULA`: one line of code run as a line of
/// the calling method, whose locals (`locals`, by slot) it may read and
/// assign; a local the method does not have is an error, since the line
/// runs in the method's frame.
pub fn resolve_statement_text(
    method: &str,
    parsed: &ast::Method,
    names: &mut dyn Names,
    locals: &[LocalInfo],
) -> Result<Vec<Stmt>, Vec<Diagnostic>> {
    let mut r = Resolver {
        names,
        method: method.to_string(),
        locals: locals.to_vec(),
        local_index: locals
            .iter()
            .enumerate()
            .map(|(slot, l)| (normalize(l.name.strip_prefix('$').unwrap_or(&l.name)), slot))
            .collect(),
        key: String::new(),
        diags: Vec::new(),
        no_locals: false,
        class: None,
    };
    let stmts = r.block(&parsed.body.stmts);
    if let Some(new) = r.locals.get(locals.len()) {
        let message = format!("`{}` is not a local variable of the method that runs EXECUTE FORMULA", new.name);
        r.error(message, parsed.span);
    }
    if r.diags.iter().any(Diagnostic::is_error) { Err(r.diags) } else { Ok(stmts) }
}
