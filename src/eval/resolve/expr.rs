//! Expressions: literals, locals and parameters, operators, pointers and
//! postfix operations (members, indexes, member calls), and the publishing of
//! interprocess variables that a call may change in place.

use crate::commands;
use crate::commands::members::ReceiverKind;
use crate::diag::{Diagnostic, Span};
use crate::eval::program::{CharPosition, Expr, ExprKind, Literal, NumTree, Place, VarType, site, text_literal};
use crate::names::normalize;
use crate::syntax::ast::{self, BinOp, PostfixOp, PrefixOp};

use super::Resolver;
use super::classes::{ClassWord, class_word};

impl Resolver<'_> {
    pub(super) fn expr(&mut self, e: &ast::Expr) -> Expr {
        let expr = self.expr_of(e);
        publishing(expr)
    }

    fn expr_of(&mut self, e: &ast::Expr) -> Expr {
        let span = e.span;
        let kind = match &e.kind {
            ast::ExprKind::Text(t) => ExprKind::Literal(text_literal(t.as_str())),
            ast::ExprKind::Number(n) => ExprKind::Literal(Literal::Number(*n)),
            ast::ExprKind::Date { year, month, day } => {
                ExprKind::Literal(Literal::Date { year: *year, month: *month, day: *day })
            }
            ast::ExprKind::Time(t) => ExprKind::Literal(Literal::Time(*t)),
            ast::ExprKind::Object(props) => {
                ExprKind::Object(props.iter().map(|(k, v)| (k.text.clone().into_boxed_str(), self.expr(v))).collect())
            }
            ast::ExprKind::Collection(items) => ExprKind::Collection(items.iter().map(|i| self.expr(i)).collect()),
            ast::ExprKind::Local(name) => match name.parse::<u32>() {
                Ok(n) if n > 0 => ExprKind::Param(Box::new(number(f64::from(n), span))),
                _ if self.no_locals => {
                    let message = format!("a formula built from text cannot use the local variable `${name}`");
                    self.diags.push(Diagnostic::error("-10737", message.clone(), span));
                    ExprKind::Unsupported(message)
                }
                _ => ExprKind::Local(self.local(name, None)),
            },
            ast::ExprKind::ParamIndirect(index) => ExprKind::Param(Box::new(self.expr(index))),
            ast::ExprKind::Name(name) => return self.name(name, &[], span),
            ast::ExprKind::Binary { first, rest } => {
                let first = self.expr(first);
                let rest: Vec<(BinOp, Expr)> = rest.iter().map(|(op, operand)| (*op, self.expr(operand))).collect();
                match (&first.kind, rest.as_slice()) {
                    (&ExprKind::Local(slot), [(op, Expr { kind: ExprKind::Literal(Literal::Number(number)), .. })])
                        if !matches!(op, BinOp::AndThen | BinOp::OrElse) =>
                    {
                        ExprKind::LocalNumber { slot, op: *op, number: *number }
                    }
                    _ => match (numeric_tree(&first, &rest), char_is(&first, &rest)) {
                        (Some(tree), _) => ExprKind::Numeric {
                            tree: Box::new(tree),
                            generic: Box::new(Expr::new(ExprKind::Binary { first: Box::new(first), rest }, span)),
                        },
                        (None, Some((slot, index, byte, equal))) => ExprKind::CharIs {
                            slot,
                            index,
                            byte,
                            equal,
                            generic: Box::new(Expr::new(ExprKind::Binary { first: Box::new(first), rest }, span)),
                        },
                        (None, None) => ExprKind::Binary { first: Box::new(first), rest },
                    },
                }
            }
            ast::ExprKind::Prefix { ops, operand } => {
                // `->name` of a name that is no method, command or constant
                // designates a process variable, assigned in this method or not.
                let (mut inner, ops) = match (ops.split_last(), &operand.kind) {
                    (Some((PrefixOp::PointerTo, rest)), ast::ExprKind::Name(n))
                        if n.token.is_none() && self.is_variable_name(&normalize(&n.text)) =>
                    {
                        (Expr::new(ExprKind::PointerTo(Box::new(self.place(operand))), span), rest)
                    }
                    _ => (self.expr(operand), ops.as_slice()),
                };
                for op in ops.iter().rev() {
                    inner = match op {
                        PrefixOp::Negate => Expr::new(ExprKind::Negate(Box::new(inner)), span),
                        PrefixOp::PointerTo => self.pointer_to(inner, operand, span),
                    };
                }
                return inner;
            }
            ast::ExprKind::Postfix { base, ops } => return self.postfix(base, ops, span),
            ast::ExprKind::Ternary { cond, then_expr, else_expr } => ExprKind::Ternary {
                cond: Box::new(self.expr(cond)),
                then_expr: Box::new(self.expr(then_expr)),
                else_expr: Box::new(self.expr(else_expr)),
            },
            ast::ExprKind::Try(inner) => ExprKind::Try(Box::new(self.expr(inner))),
            ast::ExprKind::Interprocess(name) => ExprKind::Interprocess(self.interprocess(name)),
            ast::ExprKind::Table(_) | ast::ExprKind::Field(_) => {
                ExprKind::Unsupported(String::from("tables and fields are not supported by fourd"))
            }
            ast::ExprKind::Marker(m) => {
                self.error(format!("`{m}` is not expected here"), span);
                ExprKind::Unsupported(format!("`{m}` is not expected here"))
            }
            ast::ExprKind::Conjunction { .. } => {
                ExprKind::Unsupported(String::from("query arguments are not supported by fourd"))
            }
            ast::ExprKind::Assign { .. } => {
                ExprKind::Unsupported(String::from("an assignment inside an expression is not supported by fourd yet"))
            }
            ast::ExprKind::Error => ExprKind::Unsupported(String::from("this expression did not parse")),
        };
        Expr::new(kind, span)
    }

    fn postfix(&mut self, base: &ast::Expr, ops: &[PostfixOp], span: Span) -> Expr {
        // `cs.Name` and `Super.name(args)`.
        if let (ast::ExprKind::Name(name), Some(PostfixOp::Member(ident))) = (&base.kind, ops.first()) {
            match class_word(name) {
                Some(ClassWord::Cs) => {
                    // `cs.<namespace>.<Class>`: a class of a component.
                    if let Some(context) = self.names.namespace(&ident.text) {
                        if let Some(PostfixOp::Member(class)) = ops.get(1) {
                            let value = self.namespace_class_ref(context, ident, class);
                            return self.postfix_ops(value, &ops[2..], span);
                        }
                        // `cs.<namespace>` alone: the object of its classes in the store.
                        let store = Expr::new(ExprKind::ClassStore, base.span);
                        return self.postfix_ops(store, ops, span);
                    }
                    let value = self.class_ref(ident);
                    return self.postfix_ops(value, &ops[1..], span);
                }
                Some(ClassWord::Super) => {
                    if let Some(PostfixOp::Call { args, span: call_span }) = ops.get(1) {
                        let args = args.iter().map(|a| self.expr(a)).collect();
                        let call_span = Span { end: call_span.end, ..span };
                        let value = match self.class {
                            Some(class) => Expr::new(
                                ExprKind::SuperMember { class, name: ident.text.clone().into_boxed_str(), args },
                                call_span,
                            ),
                            None => self.super_outside(call_span),
                        };
                        return self.postfix_ops(value, &ops[2..], span);
                    }
                    self.error("`Super.name` is used to call a function of the parent class: `Super.name()`", span);
                    return unsupported("`Super` is used to call a function of the parent class", span);
                }
                _ => {}
            }
        }
        // A name followed by a call: a command or method call with arguments.
        let (value, rest) = match (&base.kind, ops.first()) {
            (ast::ExprKind::Name(name), Some(PostfixOp::Call { args, span: call_span })) => {
                (self.name(name, args, base.span.join(*call_span)), &ops[1..])
            }
            _ => (self.expr(base), ops),
        };
        self.postfix_ops(value, rest, span)
    }

    fn postfix_ops(&mut self, mut value: Expr, rest: &[PostfixOp], span: Span) -> Expr {
        let mut ops = rest.iter().peekable();
        while let Some(op) = ops.next() {
            let op_span = Span { end: op_end(op, span), ..span };
            // `.name(args)`: a member function call.
            if let (PostfixOp::Member(ident), Some(PostfixOp::Call { args, span: call_span })) = (op, ops.peek()) {
                let call_span = Span { end: call_span.end, ..span };
                let args: Vec<Expr> = args.iter().map(|a| self.expr(a)).collect();
                let members = commands::members::member_ids(&ident.text);
                if let Some(kind) = self.receiver_kind(&value)
                    && let Some(message) = kind.arity_error(members, args.len())
                {
                    self.error(message, call_span);
                }
                value = Expr::new(
                    ExprKind::MemberCall {
                        object: Box::new(value),
                        name: ident.text.clone().into_boxed_str(),
                        members,
                        args,
                    },
                    call_span,
                );
                ops.next();
                continue;
            }
            // `[index](args)`: a call with `This` bound to what is indexed.
            if let (PostfixOp::Index(index), Some(PostfixOp::Call { args, span: call_span })) = (op, ops.peek()) {
                let call_span = Span { end: call_span.end, ..span };
                let index = Box::new(self.expr(index));
                let args = args.iter().map(|a| self.expr(a)).collect();
                value = Expr::new(ExprKind::IndexCall { target: Box::new(value), index, args }, call_span);
                ops.next();
                continue;
            }
            value = match op {
                PostfixOp::Member(ident) => Expr::new(
                    ExprKind::Member {
                        object: Box::new(value),
                        name: ident.text.clone().into_boxed_str(),
                        site: site(),
                    },
                    op_span,
                ),
                PostfixOp::Index(index) => {
                    Expr::new(ExprKind::Index { target: Box::new(value), index: Box::new(self.expr(index)) }, op_span)
                }
                PostfixOp::CharIndex(index) => {
                    Expr::new(ExprKind::CharIndex { text: Box::new(value), index: Box::new(self.expr(index)) }, op_span)
                }
                PostfixOp::Call { args, span: call_span } => {
                    let args = args.iter().map(|a| self.expr(a)).collect();
                    Expr::new(
                        ExprKind::CallValue { function: Box::new(value), args },
                        Span { end: call_span.end, ..span },
                    )
                }
                PostfixOp::ArrayElement(index) => Expr::new(
                    ExprKind::ArrayElement { array: Box::new(value), index: Box::new(self.expr(index)) },
                    op_span,
                ),
                PostfixOp::Deref(_) => Expr::new(ExprKind::Deref(Box::new(value)), op_span),
                PostfixOp::DerefMember(ident) => {
                    let pointed = Expr::new(ExprKind::Deref(Box::new(value)), op_span);
                    Expr::new(
                        ExprKind::Member {
                            object: Box::new(pointed),
                            name: ident.text.clone().into_boxed_str(),
                            site: site(),
                        },
                        op_span,
                    )
                }
            };
        }
        value
    }

    /// `->operand`: a pointer to a variable, an array or an array element.
    fn pointer_to(&mut self, inner: Expr, operand: &ast::Expr, span: Span) -> Expr {
        let place = match inner.kind {
            ExprKind::Local(slot) => Place::Local(slot),
            ExprKind::Process(slot) => Place::Process(slot),
            ExprKind::Interprocess(slot) => Place::Interprocess(slot),
            ExprKind::Param(index) => Place::Param(index),
            ExprKind::Deref(pointer) => Place::Deref { pointer, span: inner.span },
            ExprKind::ArrayElement { array, index } => Place::ArrayElement { array, index, span: inner.span },
            ExprKind::Unsupported(_) | ExprKind::BadCall(_) => return inner,
            _ => {
                self.error("`->` points to a variable, an array or an array element", operand.span);
                return unsupported("`->` points to a variable, an array or an array element", span);
            }
        };
        Expr::new(ExprKind::PointerTo(Box::new(place)), span)
    }
}

/// The interprocess variable an expression reads or is a part of (`<>a`, `<>a{2}`, `<>o.b.c`, `-><>a`).
fn interprocess_root(e: &Expr) -> Option<usize> {
    match &e.kind {
        ExprKind::Interprocess(slot) => Some(*slot),
        ExprKind::Member { object, .. } | ExprKind::MemberCall { object, .. } => interprocess_root(object),
        ExprKind::Index { target, .. } => interprocess_root(target),
        ExprKind::ArrayElement { array, .. } => interprocess_root(array),
        ExprKind::PointerTo(place) => place_root(place),
        _ => None,
    }
}

/// The interprocess variable a place is or is a part of.
pub(super) fn place_root(place: &Place) -> Option<usize> {
    match place {
        Place::Interprocess(slot) | Place::Publish { slot, .. } => Some(*slot),
        Place::Member { object, .. } => interprocess_root(object),
        Place::Index { target, .. } => interprocess_root(target),
        Place::ArrayElement { array, .. } => interprocess_root(array),
        Place::CharIndex { text, .. } => place_root(text),
        _ => None,
    }
}

/// A call given an interprocess variable (or a part of one) that it may
/// change in place, wrapped so that the variable is assigned its new content after it.
fn publishing(expr: Expr) -> Expr {
    let slots: Vec<usize> = match &expr.kind {
        ExprKind::Command { args, .. } | ExprKind::MethodCall { args, .. } | ExprKind::CallValue { args, .. } => {
            args.iter().filter_map(interprocess_root).collect()
        }
        ExprKind::MemberCall { object, args, .. } => {
            interprocess_root(object).into_iter().chain(args.iter().filter_map(interprocess_root)).collect()
        }
        _ => return expr,
    };
    if slots.is_empty() {
        return expr;
    }
    let span = expr.span;
    Expr::new(ExprKind::Publish { slots, call: Box::new(expr) }, span)
}

pub(super) fn number(n: f64, span: Span) -> Expr {
    Expr::new(ExprKind::Literal(Literal::Number(n)), span)
}

pub(super) fn unsupported(message: &str, span: Span) -> Expr {
    Expr::new(ExprKind::Unsupported(message.to_string()), span)
}

/// The end of a postfix operation's own span, when it has one.
fn op_end(op: &PostfixOp, fallback: Span) -> u32 {
    match op {
        PostfixOp::Member(i) | PostfixOp::DerefMember(i) => i.span.end,
        PostfixOp::Index(e) | PostfixOp::CharIndex(e) | PostfixOp::ArrayElement(e) => e.span.end + 1,
        PostfixOp::Call { span, .. } | PostfixOp::Deref(span) => span.end,
    }
    .max(fallback.start)
}

impl Resolver<'_> {
    /// The kind of receiver `e` gives, when resolution knows it (a local
    /// declared as a collection, a collection literal, `Formula(...)`,
    /// `cs.Name`, a command whose result has a member table): its member
    /// calls have their argument counts checked now.
    fn receiver_kind(&self, e: &Expr) -> Option<ReceiverKind> {
        match &e.kind {
            ExprKind::Local(slot) => {
                self.locals.get(*slot).filter(|l| l.ty == VarType::Collection).map(|_| ReceiverKind::Collection)
            }
            ExprKind::Collection(_) => Some(ReceiverKind::Collection),
            ExprKind::Formula { .. } => Some(ReceiverKind::Formula),
            ExprKind::ClassRef(_) => Some(ReceiverKind::Class),
            ExprKind::Command { id, .. } => ReceiverKind::returned_by(id.spec()),
            ExprKind::NewObject { .. } => {
                commands::REGISTRY.by_number(commands::NEW_OBJECT).and_then(|id| ReceiverKind::returned_by(id.spec()))
            }
            _ => None,
        }
    }
}

/// The numeric tree of the resolved `Binary` `first rest...`, when it reads
/// only locals, number literals and `Count parameters` under arithmetic
/// operators (4D's left-to-right order), with at most one comparison, last.
fn numeric_tree(first: &Expr, rest: &[(BinOp, Expr)]) -> Option<NumTree> {
    let mut acc = numeric_leaf(first)?;
    for (i, (op, operand)) in rest.iter().enumerate() {
        let right = Box::new(numeric_leaf(operand)?);
        acc = match op {
            BinOp::Add | BinOp::Subtract | BinOp::Multiply | BinOp::Divide | BinOp::Modulo => {
                NumTree::Op(*op, Box::new(acc), right)
            }
            BinOp::Less | BinOp::Greater | BinOp::LessEqual | BinOp::GreaterEqual | BinOp::Equal | BinOp::NotEqual
                if i + 1 == rest.len() =>
            {
                NumTree::Compare(*op, Box::new(acc), right)
            }
            _ => return None,
        };
    }
    Some(acc)
}

/// An operand of a numeric tree: a number of its own (no comparison inside).
fn numeric_leaf(e: &Expr) -> Option<NumTree> {
    Some(match &e.kind {
        ExprKind::Literal(Literal::Number(n)) => NumTree::Number(*n),
        ExprKind::Local(slot) => NumTree::Local(*slot),
        ExprKind::CountParameters => NumTree::CountParameters,
        ExprKind::LocalNumber {
            slot,
            op: op @ (BinOp::Add | BinOp::Subtract | BinOp::Multiply | BinOp::Divide | BinOp::Modulo),
            number,
        } => NumTree::Op(*op, Box::new(NumTree::Local(*slot)), Box::new(NumTree::Number(*number))),
        ExprKind::Numeric { tree, .. } if !matches!(**tree, NumTree::Compare(..)) => (**tree).clone(),
        ExprKind::Member { object, site, .. } => match &object.kind {
            ExprKind::Local(slot) => NumTree::Member { slot: *slot, site: *site },
            ExprKind::Param(index) => match index.kind {
                ExprKind::Literal(Literal::Number(n)) if n >= 1.0 && n.fract() == 0.0 && n <= 32767.0 => {
                    NumTree::ParamMember { n: n as usize, site: *site }
                }
                _ => return None,
            },
            _ => return None,
        },
        _ => return None,
    })
}

/// The parts of a [`ExprKind::CharIs`] for `first op rest`: `$text[[i]] = "c"`
/// or `#`, `i` a local or a number literal (so that evaluating it again, in
/// the generic form, changes nothing) and `c` one ASCII character.
fn char_is(first: &Expr, rest: &[(BinOp, Expr)]) -> Option<(usize, CharPosition, u8, bool)> {
    let [(op @ (BinOp::Equal | BinOp::NotEqual), Expr { kind: ExprKind::Literal(Literal::Text(c, _)), .. })] = rest
    else {
        return None;
    };
    let ExprKind::CharIndex { text, index } = &first.kind else { return None };
    let ExprKind::Local(slot) = text.kind else { return None };
    let position = match index.kind {
        ExprKind::Local(at) => CharPosition::Local(at),
        ExprKind::Literal(Literal::Number(n)) => CharPosition::Number(n),
        _ => return None,
    };
    let &[byte] = c.as_bytes() else { return None };
    byte.is_ascii().then_some((slot, position, byte, *op == BinOp::Equal))
}
