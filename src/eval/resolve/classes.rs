//! Classes: a class file's `Class extends`, properties, constructor and
//! functions, and the class words `cs`, `This` and `Super` in expressions.

use std::sync::Arc;

use crate::diag::{Diagnostic, Span};
use crate::eval::program::{Expr, ExprKind, VarType};
use crate::names::normalize;
use crate::syntax::ast::{self, Token};

use super::expr::unsupported;
use super::formula::resolve_formula_code;
use super::{Body, Keep, LocalIndex, Names, Resolver, resolve_body};

/// Resolves a class file: its `Class extends` and `property` lines, its
/// constructor and its functions. `index` is the class's own index.
pub fn resolve_class(
    name: &str,
    index: usize,
    file: &ast::Method,
    names: &mut dyn Names,
) -> (crate::eval::program::ClassCode, Vec<Diagnostic>) {
    use crate::eval::program::{ClassCode, ClassFunction, PropertyCode};
    let mut diags = Vec::new();
    let mut parent = None;
    let mut properties: Vec<PropertyCode> = Vec::new();
    for stmt in &file.body.stmts {
        match &stmt.kind {
            ast::StmtKind::ClassExtends(ty) => {
                let is_object = ty.head.text.eq_ignore_ascii_case("4D")
                    && matches!(ty.path.as_slice(), [object] if object.text == "Object");
                if is_object {
                    continue;
                }
                // `Class extends Parent`, also written `Class extends cs.Parent`.
                let component = match (ty.head.text.as_str(), ty.path.as_slice()) {
                    ("cs", [namespace, _]) => names.namespace(&namespace.text),
                    _ => None,
                };
                let parent_name = match (ty.head.text.as_str(), ty.path.as_slice()) {
                    (_, []) => ty.head.text.as_str(),
                    ("cs", [member]) => member.text.as_str(),
                    // `Class extends cs.<namespace>.<Class>`: a component's class.
                    ("cs", [namespace, member]) if let Some(context) = component => {
                        match names.namespace_class(context, &member.text) {
                            Some(i) => parent = Some(i),
                            None => diags.push(Diagnostic::error(
                                "resolve",
                                format!("unknown class `cs.{}.{}`", namespace.text, member.text),
                                ty.span,
                            )),
                        }
                        continue;
                    }
                    _ => {
                        diags.push(Diagnostic::error(
                            "resolve",
                            "a user class can extend only another user class of the project, or `4D.Object`",
                            ty.span,
                        ));
                        continue;
                    }
                };
                match names.class(parent_name) {
                    Some(i) if i == index => diags.push(Diagnostic::error(
                        "resolve",
                        format!("the class `{name}` cannot extend itself"),
                        ty.span,
                    )),
                    Some(i) => parent = Some(i),
                    None => diags.push(
                        Diagnostic::error("resolve", format!("unknown class `{parent_name}`"), ty.span)
                            .with_label("no file of that name (case-sensitive) in the project's `Classes` folder"),
                    ),
                }
            }
            ast::StmtKind::Property(decl) => {
                let mut r = Resolver {
                    names: &mut *names,
                    method: name.to_string(),
                    locals: Vec::new(),
                    local_index: LocalIndex::default(),
                    key: String::new(),
                    diags: Vec::new(),
                    no_locals: false,
                    class: Some(index),
                };
                let ty = decl.ty.as_ref().map(|t| r.var_type(t));
                diags.append(&mut r.diags);
                let init = decl.init.as_ref().map(|init| {
                    let (code, _) = resolve_formula_code(name, init, &mut *names, false, &mut diags);
                    Arc::new(code)
                });
                let ty = ty.unwrap_or(VarType::Variant);
                for ident in &decl.names {
                    if properties.iter().any(|p| *p.name == *ident.text) {
                        diags.push(Diagnostic::error(
                            "resolve",
                            format!("the property `{}` is declared twice", ident.text),
                            ident.span,
                        ));
                    }
                    properties.push(PropertyCode { name: ident.text.clone().into(), ty, init: init.clone() });
                }
            }
            ast::StmtKind::Error => {}
            _ => diags.push(Diagnostic::error(
                "resolve",
                "only `Class extends` and `property` lines may come before the first function of a class",
                stmt.span,
            )),
        }
    }
    let mut class = ClassCode {
        name: name.to_string(),
        index,
        parent,
        constructor: None,
        functions: std::collections::HashMap::new(),
        getters: std::collections::HashMap::new(),
        setters: std::collections::HashMap::new(),
        properties,
        shared: false,
        singleton: false,
        session_singleton: false,
    };
    for f in &file.functions {
        let has = |m: &str| f.modifiers.iter().any(|x| x == m);
        let method_name = match f.kind {
            ast::FunctionKind::Constructor => format!("{name}:constructor"),
            _ => format!("{name}.{}", f.name.text),
        };
        let body =
            Body { signature: Some(&f.signature), stmts: &f.body.stmts, source: f.span.source, keep: Keep::Code };
        let (mut code, mut fdiags) = resolve_body(&method_name, Some(index), body, names, &[]);
        if f.kind == ast::FunctionKind::Constructor {
            code.constructor =
                Some(crate::eval::program::ConstructorOf { class: index, derived: class.parent.is_some() });
        }
        diags.append(&mut fdiags);
        let end = f.body.stmts.last().map_or(f.span.end, |last| last.span.end.max(f.span.end));
        let source_span = Span { end, ..f.span };
        let function = ClassFunction {
            code: Arc::new(code),
            shared: has("shared"),
            source: names.snippet(source_span).trim_end().into(),
        };
        let fname: Box<str> = f.name.text.clone().into();
        let clash = |diags: &mut Vec<Diagnostic>, what: &str| {
            diags.push(Diagnostic::error("resolve", format!("{what} `{}` is declared twice", f.name.text), f.span));
        };
        match f.kind {
            ast::FunctionKind::Constructor => {
                if class.constructor.is_some() {
                    diags.push(Diagnostic::error("resolve", "a class has at most one `Class constructor`", f.span));
                }
                // A session singleton is shared without saying so.
                class.session_singleton = has("session");
                class.shared = has("shared") || class.session_singleton;
                class.singleton = has("singleton") && !class.session_singleton;
                class.constructor = Some(function);
            }
            ast::FunctionKind::Function => {
                if class.functions.insert(fname, function).is_some() {
                    clash(&mut diags, "the function");
                }
            }
            ast::FunctionKind::Get => {
                if class.getters.insert(fname, function).is_some() {
                    clash(&mut diags, "the computed property");
                }
            }
            ast::FunctionKind::Set => {
                if class.setters.insert(fname, function).is_some() {
                    clash(&mut diags, "the computed property");
                }
            }
            // ORDA's `Function query` and `Function orderBy` have no use without a datastore.
            ast::FunctionKind::Query | ast::FunctionKind::OrderBy => {}
        }
    }
    for p in &class.properties {
        if class.functions.contains_key(&p.name) {
            diags.push(Diagnostic::error(
                "resolve",
                format!("`{}` is both a property and a function: they share one namespace", p.name),
                file.span,
            ));
        }
    }
    (class, diags)
}

impl Resolver<'_> {
    /// `cs.Name`: the class, known when resolving (class names are case-sensitive).
    pub(super) fn class_ref(&mut self, ident: &ast::Ident) -> Expr {
        match self.names.class(&ident.text) {
            Some(index) => Expr::new(ExprKind::ClassRef(index), ident.span),
            None => {
                self.diags.push(
                    Diagnostic::error("resolve", format!("unknown class `cs.{}`", ident.text), ident.span)
                        .with_label("no file of that name (case-sensitive) in the project's `Classes` folder"),
                );
                unsupported(&format!("unknown class `cs.{}`", ident.text), ident.span)
            }
        }
    }

    /// `cs.<namespace>.<Class>`: a class of the component of that namespace.
    pub(super) fn namespace_class_ref(&mut self, context: u16, namespace: &ast::Ident, ident: &ast::Ident) -> Expr {
        match self.names.namespace_class(context, &ident.text) {
            Some(index) => Expr::new(ExprKind::ClassRef(index), ident.span),
            None => {
                let message = format!("unknown class `cs.{}.{}`", namespace.text, ident.text);
                self.diags.push(
                    Diagnostic::error("resolve", message.clone(), ident.span)
                        .with_label("the component of that namespace has no class of that name (case-sensitive)"),
                );
                unsupported(&message, ident.span)
            }
        }
    }

    /// `Super` outside the functions of a class.
    pub(super) fn super_outside(&mut self, span: Span) -> Expr {
        let message = "`Super` is used only in the constructor and the functions of a class";
        self.diags.push(Diagnostic::error("-10746", message, span));
        unsupported(message, span)
    }
}

/// The words of classes: `This`, `Super` and `cs`, by name or token.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum ClassWord {
    This,
    Super,
    Cs,
}

pub(super) fn class_word(name: &ast::Name) -> Option<ClassWord> {
    match name.token {
        Some(Token::Command(1470)) => Some(ClassWord::This),
        Some(Token::Command(1705 | 1706)) => Some(ClassWord::Super),
        Some(Token::Command(1710)) => Some(ClassWord::Cs),
        Some(_) => None,
        None => match normalize(&name.text).as_str() {
            "this" => Some(ClassWord::This),
            "super" => Some(ClassWord::Super),
            "cs" => Some(ClassWord::Cs),
            _ => None,
        },
    }
}
