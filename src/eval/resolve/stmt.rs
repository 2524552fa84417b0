//! Statements and assignment targets: control structures, declarations,
//! assignments (with the in-place append of `$t := $t + ...`) and the places they write to.

use crate::diag::Span;
use crate::eval::program::{Expr, ExprKind, Place, Stmt, Stop, VarType, site};
use crate::names::normalize;
use crate::syntax::ast::{self, AssignOp, BinOp, PostfixOp};

use super::Resolver;
use super::expr::{number, place_root};
use super::scope::command_of;
use crate::commands::REGISTRY;

impl Resolver<'_> {
    pub(super) fn block(&mut self, stmts: &[ast::Stmt]) -> Vec<Stmt> {
        stmts.iter().filter_map(|s| self.stmt(s)).collect()
    }

    fn opt_block(&mut self, block: &Option<ast::Block>) -> Vec<Stmt> {
        block.as_ref().map(|b| self.block(&b.stmts)).unwrap_or_default()
    }

    fn stmt(&mut self, stmt: &ast::Stmt) -> Option<Stmt> {
        let span = stmt.span;
        Some(match &stmt.kind {
            ast::StmtKind::Expr(e) => {
                if let Some(directive) = self.directive(e) {
                    return directive;
                }
                Stmt::Expr(self.expr(e))
            }
            ast::StmtKind::Assign { target, op, value } => self.assign(target, *op, value, span),
            ast::StmtKind::If { cond, then_block, else_block } => Stmt::If {
                cond: self.expr(cond),
                then_block: self.block(&then_block.stmts),
                else_block: self.opt_block(else_block),
            },
            ast::StmtKind::Case { branches, else_block } => Stmt::Case {
                branches: branches.iter().map(|b| (self.expr(&b.cond), self.block(&b.body.stmts))).collect(),
                else_block: self.opt_block(else_block),
            },
            ast::StmtKind::While { cond, body } => Stmt::While { cond: self.expr(cond), body: self.block(&body.stmts) },
            ast::StmtKind::Repeat { body, until } => {
                Stmt::Repeat { body: self.block(&body.stmts), until: self.expr(until) }
            }
            ast::StmtKind::For { counter, start, end, step, body } => Stmt::For {
                counter: self.place(counter),
                start: self.expr(start),
                end: self.expr(end),
                step: step.as_ref().map(|s| self.expr(s)),
                body: self.block(&body.stmts),
                span,
            },
            ast::StmtKind::ForEach { item, source, begin, end, stop, body } => Stmt::ForEach {
                item: self.place(item),
                source: self.expr(source),
                begin: begin.as_ref().map(|e| self.expr(e)),
                end: end.as_ref().map(|e| self.expr(e)),
                stop: stop.as_deref().map(|s| match s {
                    ast::LoopStop::Until(e) => Stop::Until(self.expr(e)),
                    ast::LoopStop::While(e) => Stop::While(self.expr(e)),
                }),
                body: self.block(&body.stmts),
                span,
            },
            ast::StmtKind::Use { target, body } => {
                Stmt::Use { target: self.expr(target), body: self.block(&body.stmts), span }
            }
            ast::StmtKind::Try { body, catch } => {
                Stmt::Try { body: self.block(&body.stmts), catch: self.opt_block(catch) }
            }
            ast::StmtKind::Return(value) => Stmt::Return { value: value.as_ref().map(|v| self.expr(v)), span },
            ast::StmtKind::Break => Stmt::Break,
            ast::StmtKind::Continue => Stmt::Continue,
            ast::StmtKind::Var(decl) => {
                let ty = decl.ty.as_ref().map(|t| self.var_type(t));
                let mut slots = Vec::new();
                // `var vCount : Integer`, `var <>lock : Object`: process and
                // interprocess variables, declared as `C_LONGINT(vCount)` does.
                let mut globals = Vec::new();
                for name in &decl.names {
                    match &name.kind {
                        ast::ExprKind::Local(n) if n.parse::<u32>().is_err() => {
                            slots.push(self.local(n, ty.or(Some(VarType::Variant))))
                        }
                        // `var $1 : Object`: a parameter, which its argument declares;
                        // so are those from the second on, `var ${2} : Integer`.
                        ast::ExprKind::Local(_) | ast::ExprKind::ParamIndirect(_) => {}
                        ast::ExprKind::Name(n) if n.token.is_none() => {
                            if let Some(slot) = self.names.process_var(&normalize(&n.text), true) {
                                globals.push((Place::Process(slot), ty.unwrap_or(VarType::Variant)));
                            }
                        }
                        ast::ExprKind::Interprocess(n) => {
                            let slot = self.interprocess(n);
                            globals.push((Place::Interprocess(slot), ty.unwrap_or(VarType::Variant)));
                        }
                        _ => self.error("`var` declares variables: `$name`, `name` or `<>name`", name.span),
                    }
                }
                if !globals.is_empty() {
                    if !slots.is_empty() {
                        self.error("declare local and process variables on separate `var` lines", span);
                    }
                    return Some(match (&decl.init, decl.names.as_slice()) {
                        // `var vTotal : Real := 0`: an assignment.
                        (Some(init), [name]) => self.assign(name, AssignOp::Assign, init, span),
                        _ => Stmt::DeclareGlobal { vars: globals },
                    });
                }
                let init = decl.init.as_ref().map(|e| self.expr(e));
                // `var $x := expr` without a type takes the type of the value: a number is a Real.
                Stmt::Declare { slots, init, span }
            }
            ast::StmtKind::Declare(_) => {
                self.error("`#DECLARE` must be the first line of the method", span);
                return None;
            }
            ast::StmtKind::Property(_) | ast::StmtKind::ClassExtends(_) => {
                self.error("class declarations are not supported by fourd yet", span);
                return None;
            }
            ast::StmtKind::Sql { .. } => {
                Stmt::Unsupported { what: String::from("`Begin SQL` is not supported by fourd"), span }
            }
            ast::StmtKind::Error => return None,
        })
    }

    pub(super) fn assign(&mut self, target: &ast::Expr, op: AssignOp, value: &ast::Expr, span: Span) -> Stmt {
        // `$t := $t + a + b`: append in place when no part reads `$t` again,
        // by its name or (through a pointer or code it calls) otherwise.
        if let (ast::ExprKind::Local(name), AssignOp::Assign, ast::ExprKind::Binary { first, rest }) =
            (&target.kind, op, &value.kind)
            && matches!(&first.kind, ast::ExprKind::Local(n) if crate::names::same(n, name))
            && rest.iter().all(|(op, part)| *op == BinOp::Add && !mentions_local(part, name) && !self.may_alias(part))
            && name.parse::<u32>().is_err()
            // Only a text can grow in place: a local declared of another type
            // (`$total:=$total+$x` on an Integer) takes the numeric operators.
            && self
                .local_index
                .get(crate::names::normalize(name).as_str())
                .is_none_or(|&slot| matches!(self.locals[slot].ty, VarType::Text | VarType::Variant))
        {
            let slot = self.local(name, None);
            let parts = rest.iter().map(|(_, part)| self.expr(part)).collect();
            return Stmt::Append { slot, parts, span };
        }
        let place = self.place(target);
        let place = match place_root(&place) {
            Some(slot) if !matches!(place, Place::Interprocess(_)) => Place::Publish { slot, place: Box::new(place) },
            _ => place,
        };
        match (place, op) {
            (Place::Local(slot), AssignOp::Assign) => Stmt::SetLocal { slot, value: self.expr(value), span },
            (place, op) => Stmt::Assign { target: place, op, value: self.expr(value), span },
        }
    }

    pub(super) fn place(&mut self, target: &ast::Expr) -> Place {
        match &target.kind {
            ast::ExprKind::Local(name) => match name.parse::<u32>() {
                Ok(n) if n > 0 => Place::Param(Box::new(number(f64::from(n), target.span))),
                _ => Place::Local(self.local(name, None)),
            },
            ast::ExprKind::ParamIndirect(index) => Place::Param(Box::new(self.expr(index))),
            ast::ExprKind::Interprocess(name) => Place::Interprocess(self.interprocess(name)),
            ast::ExprKind::Name(name) if name.token.is_none() => {
                match self.names.process_var(&normalize(&name.text), true) {
                    Some(slot) => Place::Process(slot),
                    None => self.bad_place(target),
                }
            }
            ast::ExprKind::Postfix { base, ops } => {
                let Some((last, init)) = ops.split_last() else { return self.bad_place(target) };
                let prefix_span = Span { end: last_start(last).unwrap_or(target.span.end), ..target.span };
                let object = || ast::Expr {
                    kind: if init.is_empty() {
                        base.kind.clone()
                    } else {
                        ast::ExprKind::Postfix { base: base.clone(), ops: init.to_vec() }
                    },
                    span: prefix_span,
                };
                match last {
                    PostfixOp::Member(ident) => Place::Member {
                        object: Box::new(self.expr(&object())),
                        name: ident.text.clone().into_boxed_str(),
                        span: target.span,
                        site: site(),
                    },
                    PostfixOp::Deref(_) => Place::Deref { pointer: Box::new(self.expr(&object())), span: target.span },
                    PostfixOp::DerefMember(ident) => {
                        let pointer = self.expr(&object());
                        let pointed = Expr::new(ExprKind::Deref(Box::new(pointer)), prefix_span);
                        Place::Member {
                            object: Box::new(pointed),
                            name: ident.text.clone().into_boxed_str(),
                            span: target.span,
                            site: site(),
                        }
                    }
                    PostfixOp::ArrayElement(index) => Place::ArrayElement {
                        array: Box::new(self.expr(&object())),
                        index: Box::new(self.expr(index)),
                        span: target.span,
                    },
                    PostfixOp::Index(index) => Place::Index {
                        target: Box::new(self.expr(&object())),
                        index: Box::new(self.expr(index)),
                        span: target.span,
                    },
                    PostfixOp::CharIndex(index) => Place::CharIndex {
                        text: Box::new(self.place(&object())),
                        index: Box::new(self.expr(index)),
                        span: target.span,
                    },
                    _ => self.bad_place(target),
                }
            }
            _ => self.bad_place(target),
        }
    }

    fn bad_place(&mut self, target: &ast::Expr) -> Place {
        self.error("fourd cannot assign to this yet", target.span);
        Place::Local(self.local("<error>", None))
    }
}

/// Where a postfix operation starts, for the span of what comes before it.
fn last_start(op: &PostfixOp) -> Option<u32> {
    match op {
        PostfixOp::Member(i) => Some(i.span.start.saturating_sub(1)),
        PostfixOp::Index(e) => Some(e.span.start.saturating_sub(1)),
        PostfixOp::CharIndex(e) => Some(e.span.start.saturating_sub(2)),
        _ => None,
    }
}

/// Whether an expression reads the local `$name`.
impl Resolver<'_> {
    /// Whether evaluating `e` may read a local through something other than
    /// its name: a dereferenced pointer, or a call of code (a project method,
    /// a member function, a formula) that may dereference one.
    fn may_alias(&mut self, e: &ast::Expr) -> bool {
        let mut names = Vec::new();
        let mut risky = false;
        visit(e, &mut |e| match &e.kind {
            ast::ExprKind::Postfix { base, ops } => {
                for (i, op) in ops.iter().enumerate() {
                    match op {
                        PostfixOp::Deref(_) | PostfixOp::DerefMember(_) => risky = true,
                        PostfixOp::Call { .. } => {
                            let command =
                                i == 0 && matches!(&base.kind, ast::ExprKind::Name(n) if command_of(n).is_some());
                            risky |= !command;
                        }
                        _ => {}
                    }
                }
            }
            // A name alone may be a method called without parentheses.
            ast::ExprKind::Name(n) if n.token.is_none() => names.push(normalize(&n.text)),
            _ => {}
        });
        risky || names.iter().any(|key| REGISTRY.by_name(key).is_none() && self.names.method(key).is_some())
    }
}

fn mentions_local(e: &ast::Expr, name: &str) -> bool {
    let mut found = false;
    visit(e, &mut |e| {
        if let ast::ExprKind::Local(n) = &e.kind
            && crate::names::same(n, name)
        {
            found = true;
        }
    });
    found
}

fn visit(e: &ast::Expr, f: &mut dyn FnMut(&ast::Expr)) {
    f(e);
    match &e.kind {
        ast::ExprKind::Object(props) => props.iter().for_each(|(_, v)| visit(v, f)),
        ast::ExprKind::Collection(items) => items.iter().for_each(|i| visit(i, f)),
        ast::ExprKind::ParamIndirect(x) | ast::ExprKind::Try(x) => visit(x, f),
        ast::ExprKind::Binary { first, rest } => {
            visit(first, f);
            rest.iter().for_each(|(_, x)| visit(x, f));
        }
        ast::ExprKind::Prefix { operand, .. } => visit(operand, f),
        ast::ExprKind::Postfix { base, ops } => {
            visit(base, f);
            for op in ops {
                match op {
                    PostfixOp::Index(x) | PostfixOp::CharIndex(x) | PostfixOp::ArrayElement(x) => visit(x, f),
                    PostfixOp::Call { args, .. } => args.iter().for_each(|a| visit(a, f)),
                    _ => {}
                }
            }
        }
        ast::ExprKind::Ternary { cond, then_expr, else_expr } => {
            visit(cond, f);
            visit(then_expr, f);
            visit(else_expr, f);
        }
        ast::ExprKind::Conjunction { operand: Some(x), .. } => visit(x, f),
        ast::ExprKind::Assign { target, value, .. } => {
            visit(target, f);
            visit(value, f);
        }
        _ => {}
    }
}
