//! AST to program: every name is resolved once, before anything runs.
//!
//! Locals get frame slots, `$1`... parameters their position, process
//! variables a slot in the run's table, commands their row in the command
//! table (by token number first, else by name), constants their value,
//! project methods an index in the run's method table. Problems are collected
//! as diagnostics; the program is returned with them.

use std::collections::HashMap;
use std::sync::Arc;

use crate::commands::constants::{self, ConstValue};
use crate::commands::{self, CommandId, REGISTRY};
use crate::diag::{Diagnostic, Span};
use crate::names::normalize;
use crate::syntax::ast::{self, AssignOp, BinOp, PostfixOp, PrefixOp, Token};

use super::program::{
    Expr, ExprKind, Literal, LocalInfo, MethodCode, ParamInfo, Place, ResultKind, Stmt, Stop, SystemVar, VarType,
    text_literal,
};

/// What resolution needs from the run: project methods and process variables.
pub trait Names {
    /// The index of the project method with this normalised name, if there is one.
    fn method(&mut self, normalized: &str) -> Option<usize>;
    /// The slot of a process variable, created when `create` is set.
    fn process_var(&mut self, normalized: &str, create: bool) -> Option<usize>;
    /// Calls `f` with each name to suggest for a misspelt one (method and
    /// variable names): the name as written and its normalised form.
    fn each_known_name(&self, f: &mut dyn FnMut(&str, &str));
    /// The source text a span covers (for `.source` of a formula).
    fn snippet(&self, span: Span) -> String;
    /// The index of the user class with this name (case-sensitive), if the project has it.
    fn class(&mut self, name: &str) -> Option<usize>;
}

/// Resolves one parsed method.
pub fn resolve_method(name: &str, method: &ast::Method, names: &mut dyn Names) -> (MethodCode, Vec<Diagnostic>) {
    let mut body_stmts: &[ast::Stmt] = &method.body.stmts;
    let mut signature = None;
    if let Some(ast::Stmt { kind: ast::StmtKind::Declare(sig), .. }) = body_stmts.first() {
        signature = Some(sig);
        body_stmts = &body_stmts[1..];
    }
    let (code, mut diags) = resolve_body(name, None, signature, body_stmts, method.span.source, names, &[]);
    if !method.functions.is_empty() {
        diags.push(Diagnostic::error(
            "resolve",
            "`Function` and `Class constructor` belong in a class file (`Classes/<name>.4dm`), not in a method",
            method.functions[0].span,
        ));
    }
    (code, diags)
}

/// Resolves a REPL entry as a method whose first locals are `known` (those of
/// the earlier entries), in the same slots.
pub fn resolve_entry(
    name: &str,
    method: &ast::Method,
    names: &mut dyn Names,
    known: &[LocalInfo],
) -> (MethodCode, Vec<Diagnostic>) {
    resolve_body(name, None, None, &method.body.stmts, method.span.source, names, known)
}

/// Resolves the body of a method, a class function or a constructor, with
/// its declared parameters and result; `class` is the class it belongs to (for `Super`).
fn resolve_body(
    name: &str,
    class: Option<usize>,
    signature: Option<&ast::Signature>,
    body_stmts: &[ast::Stmt],
    source: crate::diag::SourceId,
    names: &mut dyn Names,
    known: &[LocalInfo],
) -> (MethodCode, Vec<Diagnostic>) {
    let mut r = Resolver {
        names,
        method: name.to_string(),
        locals: known.to_vec(),
        local_index: known
            .iter()
            .enumerate()
            .map(|(slot, l)| (normalize(l.name.trim_start_matches('$')), slot))
            .collect(),
        diags: Vec::new(),
        no_locals: false,
        class,
    };
    // Names assigned anywhere in the method are process variables, even when
    // read before their first assignment in the text (in a loop, say).
    let mut assigned = Vec::new();
    collect_assigned(body_stmts, &mut assigned);
    for name in assigned {
        r.names.process_var(&name, true);
    }
    let mut params = Vec::new();
    let mut variadic = None;
    let mut result = ResultKind::Legacy(None);
    if let Some(sig) = signature {
        for param in &sig.params {
            let ty = param.ty.as_ref().map_or(VarType::Variant, |t| r.var_type(t));
            match &param.name {
                Some(ident) => {
                    let slot = r.local(&ident.text[1..], Some(ty));
                    params.push(ParamInfo { slot, ty });
                }
                None => variadic = Some(ty),
            }
        }
        if let Some(decl) = &sig.result {
            let ty = decl.ty.as_ref().map_or(VarType::Variant, |t| r.var_type(t));
            result = match &decl.name {
                Some(ident) => ResultKind::Named(r.local(&ident.text[1..], Some(ty))),
                None => ResultKind::Typed(ty),
            };
        }
    }
    let body = r.block(body_stmts);
    if result == ResultKind::Legacy(None) {
        result = ResultKind::Legacy(r.local_index.get("0").copied());
    }
    let code = MethodCode {
        name: name.to_string(),
        source,
        locals: r.locals,
        params_in_place: params.iter().enumerate().all(|(i, p)| p.slot == i),
        params,
        variadic,
        result,
        body,
        constructor: None,
    };
    (code, r.diags)
}

/// Resolves a class file: its `Class extends` and `property` lines, its
/// constructor and its functions. `index` is the class's own index.
pub fn resolve_class(
    name: &str,
    index: usize,
    file: &ast::Method,
    names: &mut dyn Names,
) -> (super::program::ClassCode, Vec<Diagnostic>) {
    use super::program::{ClassCode, ClassFunction, PropertyCode};
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
                let parent_name = match (ty.head.text.as_str(), ty.path.as_slice()) {
                    (_, []) => ty.head.text.as_str(),
                    ("cs", [member]) => member.text.as_str(),
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
                    local_index: HashMap::new(),
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
        let (mut code, mut fdiags) =
            resolve_body(&method_name, Some(index), Some(&f.signature), &f.body.stmts, f.span.source, names, &[]);
        if f.kind == ast::FunctionKind::Constructor {
            code.constructor = Some(super::program::ConstructorOf { class: index, derived: class.parent.is_some() });
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

/// The names (normalised) that a method assigns to, declares or loops over:
/// its process variables.
pub fn assigned_names(method: &ast::Method) -> Vec<String> {
    let mut names = Vec::new();
    collect_assigned(&method.body.stmts, &mut names);
    names
}

/// The names a method assigns to, declares or loops over (process variables).
fn collect_assigned(stmts: &[ast::Stmt], out: &mut Vec<String>) {
    fn add(e: &ast::Expr, out: &mut Vec<String>) {
        if let ast::ExprKind::Name(n) = &e.kind
            && n.token.is_none()
        {
            out.push(normalize(&n.text));
        }
    }
    for stmt in stmts {
        match &stmt.kind {
            ast::StmtKind::Expr(e) => {
                // A command's by-reference arguments (`ARRAY TEXT(list; 0)`) create variables.
                if let ast::ExprKind::Postfix { base, ops } = &e.kind
                    && let ast::ExprKind::Name(name) = &base.kind
                    && let Some(PostfixOp::Call { args, .. }) = ops.first()
                    && let Some(id) = command_of(name)
                {
                    let spec = id.spec();
                    for (i, arg) in args.iter().enumerate() {
                        if spec.by_ref(i) {
                            add(arg, out);
                        }
                    }
                }
            }
            ast::StmtKind::Assign { target, .. } => add(target, out),
            ast::StmtKind::Var(decl) => decl.names.iter().for_each(|n| add(n, out)),
            ast::StmtKind::For { counter, .. } => add(counter, out),
            ast::StmtKind::ForEach { item, .. } => add(item, out),
            _ => {}
        }
        for block in child_blocks(&stmt.kind) {
            collect_assigned(&block.stmts, out);
        }
    }
}

/// The command a name designates, by token number or by name.
fn command_of(name: &ast::Name) -> Option<CommandId> {
    match name.token {
        Some(Token::Command(number)) => REGISTRY.by_number(number),
        Some(_) => None,
        None => REGISTRY.by_name(&normalize(&name.text)),
    }
}

fn child_blocks(kind: &ast::StmtKind) -> Vec<&ast::Block> {
    match kind {
        ast::StmtKind::If { then_block, else_block, .. } => {
            let mut v = vec![then_block];
            v.extend(else_block);
            v
        }
        ast::StmtKind::Case { branches, else_block } => {
            let mut v: Vec<&ast::Block> = branches.iter().map(|b| &b.body).collect();
            v.extend(else_block);
            v
        }
        ast::StmtKind::While { body, .. }
        | ast::StmtKind::Repeat { body, .. }
        | ast::StmtKind::For { body, .. }
        | ast::StmtKind::ForEach { body, .. }
        | ast::StmtKind::Use { body, .. } => vec![body],
        ast::StmtKind::Try { body, catch } => {
            let mut v = vec![body];
            v.extend(catch);
            v
        }
        _ => Vec::new(),
    }
}

/// The legacy declaration directives: command number and the type they declare.
const DIRECTIVES: &[(u32, &str, VarType)] = &[
    (283, "c_longint", VarType::Integer),
    (284, "c_text", VarType::Text),
    (285, "c_real", VarType::Real),
    (286, "c_picture", VarType::Picture),
    (301, "c_pointer", VarType::Pointer),
    (305, "c_boolean", VarType::Boolean),
    (306, "c_time", VarType::Time),
    (307, "c_date", VarType::Date),
    (604, "c_blob", VarType::Blob),
    (1216, "c_object", VarType::Object),
    (1488, "c_collection", VarType::Collection),
    (1683, "c_variant", VarType::Variant),
];

struct Resolver<'n> {
    names: &'n mut dyn Names,
    /// The name of the method being resolved (formulas run under it).
    method: String,
    locals: Vec<LocalInfo>,
    local_index: HashMap<String, usize>,
    diags: Vec<Diagnostic>,
    /// In `Formula from string` text, locals are an error (-10737).
    no_locals: bool,
    /// The class whose function is resolved, for `Super`.
    class: Option<usize>,
}

impl Resolver<'_> {
    /// The slot of a local (name without `$`), typed on first declaration.
    fn local(&mut self, name: &str, ty: Option<VarType>) -> usize {
        let key = normalize(name);
        if let Some(&slot) = self.local_index.get(&key) {
            if let Some(ty) = ty
                && self.locals[slot].ty == VarType::Variant
            {
                self.locals[slot].ty = ty;
                self.locals[slot].declared = true;
            }
            return slot;
        }
        let slot = self.locals.len();
        self.locals.push(LocalInfo {
            name: format!("${name}"),
            ty: ty.unwrap_or(VarType::Variant),
            declared: ty.is_some(),
        });
        self.local_index.insert(key, slot);
        slot
    }

    fn error(&mut self, message: impl Into<String>, span: Span) {
        self.diags.push(Diagnostic::error("resolve", message, span));
    }

    fn var_type(&mut self, ty: &ast::TypeRef) -> VarType {
        if !ty.path.is_empty() {
            // cs.X, 4D.X: instances are objects; a user class must exist.
            if let (Some(ClassWord::Cs), [class]) = (class_word(&ty.head), ty.path.as_slice())
                && self.names.class(&class.text).is_none()
            {
                self.diags.push(
                    Diagnostic::error("resolve", format!("unknown class `cs.{}`", class.text), class.span)
                        .with_label("no file of that name (case-sensitive) in the project's `Classes` folder"),
                );
            }
            return VarType::Object;
        }
        match normalize(&ty.head.text).as_str() {
            "text" | "string" | "alpha" => VarType::Text,
            "integer" | "longint" => VarType::Integer,
            "real" | "number" => VarType::Real,
            "boolean" => VarType::Boolean,
            "date" => VarType::Date,
            "time" => VarType::Time,
            "object" => VarType::Object,
            "collection" => VarType::Collection,
            "variant" => VarType::Variant,
            "pointer" => VarType::Pointer,
            "picture" => VarType::Picture,
            "blob" => VarType::Blob,
            other => {
                self.error(format!("unknown type `{other}`"), ty.span);
                VarType::Variant
            }
        }
    }

    fn block(&mut self, stmts: &[ast::Stmt]) -> Vec<Stmt> {
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
                stop: stop.as_ref().map(|s| match s {
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
                for name in &decl.names {
                    match &name.kind {
                        ast::ExprKind::Local(n) => slots.push(self.local(n, ty.or(Some(VarType::Variant)))),
                        _ => self
                            .error("only local variables (`$name`) can be declared with `var` in fourd yet", name.span),
                    }
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

    /// `C_TEXT($a; $b)` and its kin: declarations. `C_TEXT(Method; $1)`, which
    /// declares another method's parameters for the compiler, does nothing.
    fn directive(&mut self, e: &ast::Expr) -> Option<Option<Stmt>> {
        let ast::ExprKind::Postfix { base, ops } = &e.kind else { return None };
        let ast::ExprKind::Name(name) = &base.kind else { return None };
        let [PostfixOp::Call { args, .. }] = ops.as_slice() else { return None };
        let key = normalize(&name.text);
        let key = key.strip_prefix("_o_").unwrap_or(&key);
        let ty = DIRECTIVES.iter().find_map(|(number, directive, ty)| match name.token {
            Some(Token::Command(n)) => (n == *number).then_some(*ty),
            _ => (*directive == key).then_some(*ty),
        })?;
        if args.first().is_some_and(|a| matches!(a.kind, ast::ExprKind::Name(_))) {
            return Some(None);
        }
        let mut slots = Vec::new();
        for arg in args {
            match &arg.kind {
                ast::ExprKind::Local(n) if n.parse::<u32>().is_err() => slots.push(self.local(n, Some(ty))),
                ast::ExprKind::Local(_) | ast::ExprKind::ParamIndirect(_) => {}
                ast::ExprKind::Name(n) => {
                    self.names.process_var(&normalize(&n.text), true);
                }
                ast::ExprKind::Interprocess(n) => {
                    self.interprocess(n);
                }
                _ => self.error("a directive declares variables", arg.span),
            }
        }
        Some(Some(Stmt::Declare { slots, init: None, span: e.span }))
    }

    fn assign(&mut self, target: &ast::Expr, op: AssignOp, value: &ast::Expr, span: Span) -> Stmt {
        // `$t := $t + a + b`: append in place when no part reads `$t` again.
        if let (ast::ExprKind::Local(name), AssignOp::Assign, ast::ExprKind::Binary { first, rest }) =
            (&target.kind, op, &value.kind)
            && matches!(&first.kind, ast::ExprKind::Local(n) if normalize(n) == normalize(name))
            && rest.iter().all(|(op, part)| *op == BinOp::Add && !mentions_local(part, name))
            && name.parse::<u32>().is_err()
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
        Stmt::Assign { target: place, op, value: self.expr(value), span }
    }

    fn place(&mut self, target: &ast::Expr) -> Place {
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
                    },
                    PostfixOp::Deref(_) => Place::Deref { pointer: Box::new(self.expr(&object())), span: target.span },
                    PostfixOp::DerefMember(ident) => {
                        let pointer = self.expr(&object());
                        let pointed = Expr::new(ExprKind::Deref(Box::new(pointer)), prefix_span);
                        Place::Member {
                            object: Box::new(pointed),
                            name: ident.text.clone().into_boxed_str(),
                            span: target.span,
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

    fn expr(&mut self, e: &ast::Expr) -> Expr {
        let expr = self.expr_of(e);
        publishing(expr)
    }

    /// The slot of the interprocess variable `<>name`.
    fn interprocess(&mut self, name: &str) -> usize {
        let key = format!("<>{}", normalize(name));
        self.names.process_var(&key, true).unwrap_or_default()
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
                    _ => ExprKind::Binary { first: Box::new(first), rest },
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
            ast::ExprKind::Table(_) | ast::ExprKind::Field { .. } => {
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

    /// `cs.Name`: the class, known when resolving (class names are case-sensitive).
    fn class_ref(&mut self, ident: &ast::Ident) -> Expr {
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

    /// `Super` outside the functions of a class.
    fn super_outside(&mut self, span: Span) -> Expr {
        let message = "`Super` is used only in the constructor and the functions of a class";
        self.diags.push(Diagnostic::error("-10746", message, span));
        unsupported(message, span)
    }

    fn postfix_ops(&mut self, mut value: Expr, rest: &[PostfixOp], span: Span) -> Expr {
        let mut ops = rest.iter().peekable();
        while let Some(op) = ops.next() {
            let op_span = Span { end: op_end(op, span), ..span };
            // `.name(args)`: a member function call.
            if let (PostfixOp::Member(ident), Some(PostfixOp::Call { args, span: call_span })) = (op, ops.peek()) {
                let call_span = Span { end: call_span.end, ..span };
                let args = args.iter().map(|a| self.expr(a)).collect();
                value = Expr::new(
                    ExprKind::MemberCall {
                        object: Box::new(value),
                        name: ident.text.clone().into_boxed_str(),
                        function: commands::collections::lookup(&ident.text),
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
                    ExprKind::Member { object: Box::new(value), name: ident.text.clone().into_boxed_str() },
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
                        ExprKind::Member { object: Box::new(pointed), name: ident.text.clone().into_boxed_str() },
                        op_span,
                    )
                }
            };
        }
        value
    }

    /// A name, with the arguments of its call (empty without parentheses).
    fn name(&mut self, name: &ast::Name, args: &[ast::Expr], span: Span) -> Expr {
        match class_word(name) {
            Some(ClassWord::This) if args.is_empty() => return Expr::new(ExprKind::This, span),
            Some(ClassWord::Cs) if args.is_empty() => return Expr::new(ExprKind::ClassStore, span),
            Some(ClassWord::Super) => {
                let args = args.iter().map(|a| self.expr(a)).collect();
                return match self.class {
                    Some(class) => Expr::new(ExprKind::SuperCall { class, args }, span),
                    None => self.super_outside(span),
                };
            }
            _ => {}
        }
        let is_formula = match name.token {
            Some(Token::Command(number)) => number == FORMULA,
            Some(_) => false,
            None => normalize(&name.text) == "formula" && self.names.method("formula").is_none(),
        };
        if is_formula {
            return self.formula(args, span);
        }
        match name.token {
            Some(Token::Command(number)) => match REGISTRY.by_number(number) {
                Some(id) => self.command(id, args, span),
                None => self.unsupported_command(&format!("{}` (command {number})", name.text.trim()), span),
            },
            Some(Token::Constant(theme, index)) => {
                match constants::by_token(theme, index).or_else(|| constants::by_name(&normalize(&name.text))) {
                    Some(id) => constant(id.spec().value, span),
                    None => {
                        let message = format!("the constant `{}` is not supported by fourd", name.text.trim());
                        self.diags.push(Diagnostic::warning("not supported", message.clone(), span));
                        unsupported(&message, span)
                    }
                }
            }
            Some(Token::Plugin(..)) => {
                let message = format!("the plug-in command `{}` is not supported by fourd", name.text.trim());
                self.diags.push(Diagnostic::warning("not supported", message.clone(), span));
                unsupported(&message, span)
            }
            None => self.plain_name(name, args, span),
        }
    }

    fn plain_name(&mut self, name: &ast::Name, args: &[ast::Expr], span: Span) -> Expr {
        let key = normalize(&name.text);
        // 4D does not let a method take a command's name: a command wins.
        if let Some(id) = REGISTRY.by_name(&key) {
            return self.command(id, args, span);
        }
        // A project method wins over a variable of the same name (interpreted 4D).
        if let Some(method) = self.names.method(&key) {
            let args = args.iter().map(|a| self.expr(a)).collect();
            return Expr::new(ExprKind::MethodCall { method, args }, span);
        }
        if args.is_empty() {
            let special = match key.as_str() {
                "this" => Some(ExprKind::This),
                "error" => Some(ExprKind::SystemVar(SystemVar::Error)),
                "error method" => Some(ExprKind::SystemVar(SystemVar::ErrorMethod)),
                "error line" => Some(ExprKind::SystemVar(SystemVar::ErrorLine)),
                "error formula" => Some(ExprKind::SystemVar(SystemVar::ErrorFormula)),
                _ => None,
            };
            if let Some(kind) = special {
                return Expr::new(kind, span);
            }
        }
        if let Some(id) = REGISTRY.by_name(&key) {
            return self.command(id, args, span);
        }
        if let Some(id) = constants::by_name(&key) {
            return constant(id.spec().value, span);
        }
        if args.is_empty()
            && let Some(slot) = self.names.process_var(&key, false)
        {
            return Expr::new(ExprKind::Process(slot), span);
        }
        if key == "true" || key == "false" {
            return Expr::new(ExprKind::Literal(Literal::Bool(key == "true")), span);
        }
        if let Some(number) = REGISTRY.known_number(&key) {
            return self.unsupported_command(&format!("{}` (command {number})", name.text.trim()), span);
        }
        let mut diag = Diagnostic::error("resolve", format!("unknown name `{}`", name.text.trim()), span)
            .with_label("not a variable, a project method or a command fourd supports");
        if let Some(suggestion) = self.suggest(&key) {
            diag = diag.with_help(format!("did you mean `{suggestion}`?"));
        }
        self.diags.push(diag);
        unsupported(&format!("unknown name `{}`", name.text.trim()), span)
    }

    fn unsupported_command(&mut self, quoted_name: &str, span: Span) -> Expr {
        let message = format!("`{quoted_name} is not supported by fourd");
        self.diags.push(Diagnostic::warning("not supported", message.clone(), span));
        unsupported(&message, span)
    }

    fn command(&mut self, id: CommandId, args: &[ast::Expr], span: Span) -> Expr {
        let spec = id.spec();
        let star = args.iter().any(|a| matches!(&a.kind, ast::ExprKind::Marker(m) if m == "*"));
        let marker = args.iter().find_map(|a| match &a.kind {
            ast::ExprKind::Marker(m) if m != "*" => MARKERS.iter().copied().find(|known| known == m),
            _ => None,
        });
        let values: Vec<&ast::Expr> = args.iter().filter(|a| !matches!(&a.kind, ast::ExprKind::Marker(_))).collect();
        let count = values.len();
        if count < usize::from(spec.min_args) || (spec.max_args != u8::MAX && count > usize::from(spec.max_args)) {
            let expected = match (spec.min_args, spec.max_args) {
                (a, b) if a == b => format!("{a}"),
                (a, u8::MAX) => format!("at least {a}"),
                (a, b) => format!("{a} to {b}"),
            };
            self.error(format!("`{}` takes {expected} arguments, not {count}", spec.name), span);
        }
        let args = values
            .into_iter()
            .enumerate()
            .map(|(i, a)| {
                if spec.by_ref(i) {
                    self.reference(a)
                } else if spec.by_place(i) && is_variable(a) {
                    let place = self.place(a);
                    Expr::new(ExprKind::PointerTo(Box::new(place)), a.span)
                } else {
                    self.expr(a)
                }
            })
            .collect();
        if spec.number == commands::COUNT_PARAMETERS {
            return Expr::new(ExprKind::CountParameters, span);
        }
        Expr::new(ExprKind::Command { id, args, star, marker }, span)
    }

    /// A by-reference argument: a pointer to the variable (or a pointer's target) it names.
    fn reference(&mut self, arg: &ast::Expr) -> Expr {
        if !is_variable(arg) {
            self.error("a variable is expected here: this argument is passed by reference", arg.span);
            return unsupported("a variable is expected here", arg.span);
        }
        let place = self.place(arg);
        Expr::new(ExprKind::PointerTo(Box::new(place)), arg.span)
    }

    /// Whether a plain name (normalised) can only be a variable.
    fn is_variable_name(&mut self, key: &str) -> bool {
        !matches!(key, "this" | "error" | "error method" | "error line" | "error formula")
            && REGISTRY.by_name(key).is_none()
            && constants::by_name(key).is_none()
            && self.names.method(key).is_none()
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
            ExprKind::Unsupported(_) => return inner,
            _ => {
                self.error("`->` points to a variable, an array or an array element", operand.span);
                return unsupported("`->` points to a variable, an array or an array element", span);
            }
        };
        Expr::new(ExprKind::PointerTo(Box::new(place)), span)
    }

    /// `Formula(expression)`: the expression resolved as the body of its own
    /// small method; the locals it uses are captured by value when it is created.
    fn formula(&mut self, args: &[ast::Expr], span: Span) -> Expr {
        let [expr] = args else {
            self.error("`Formula` takes one expression", span);
            return unsupported("`Formula` takes one expression", span);
        };
        let source = self.names.snippet(expr.span).trim().to_string();
        let (code, locals) = resolve_formula_code(&self.method, expr, &mut *self.names, false, &mut self.diags);
        let captures = locals.iter().map(|(inner, name)| (self.local(name, None), *inner)).collect();
        Expr::new(ExprKind::Formula { code: Arc::new(code), captures, source: source.into_boxed_str() }, span)
    }

    /// The closest known name, if one is close enough to be a likely typo.
    fn suggest(&self, key: &str) -> Option<String> {
        let len = key.chars().count();
        let max = (len / 3).max(1);
        let mut best: Option<(usize, String)> = None;
        let mut consider = |shown: &str, normalized: &str| {
            // Names whose lengths differ by more than `max` cannot be near enough.
            if normalized.len().abs_diff(key.len()) > max * 4 || normalized.chars().count().abs_diff(len) > max {
                return;
            }
            let Some(d) = edit_distance_within(key, normalized, max) else { return };
            // The nearest name; the first in alphabetical order among equals.
            if d > 0 && best.as_ref().is_none_or(|(b, name)| d < *b || (d == *b && shown < name.as_str())) {
                best = Some((d, shown.to_string()));
            }
        };
        for c in commands::table::COMMANDS {
            consider(c.name, &normalize(c.name));
        }
        self.names.each_known_name(&mut consider);
        for l in &self.locals {
            consider(&l.name, &normalize(&l.name));
        }
        best.map(|(_, name)| name)
    }
}

/// Whether `arg` names a variable, an array element or a pointer's target:
/// something a by-reference argument can designate.
/// The words of classes: `This`, `Super` and `cs`, by name or token.
#[derive(Clone, Copy, PartialEq)]
enum ClassWord {
    This,
    Super,
    Cs,
}

fn class_word(name: &ast::Name) -> Option<ClassWord> {
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
fn place_root(place: &Place) -> Option<usize> {
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

fn is_variable(arg: &ast::Expr) -> bool {
    match &arg.kind {
        ast::ExprKind::Local(_) | ast::ExprKind::ParamIndirect(_) | ast::ExprKind::Interprocess(_) => true,
        ast::ExprKind::Name(name) => name.token.is_none(),
        ast::ExprKind::Postfix { ops, .. } => {
            matches!(ops.last(), Some(PostfixOp::Deref(_) | PostfixOp::ArrayElement(_)))
        }
        _ => false,
    }
}

/// The number of the `Formula` command.
const FORMULA: u32 = 1597;

/// The comparison markers a command may take as an argument.
const MARKERS: &[&str] = &[">", "<", "=", "#", ">=", "<=", "%"];

/// Resolves the expression of a formula into the code of a small method
/// named after `method`; returns it with the locals it uses (slot, name without `$`).
fn resolve_formula_code(
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
        local_index: HashMap::new(),
        diags: Vec::new(),
        no_locals,
        class: None,
    };
    // `Formula(method)`: the call's arguments go to the method.
    let forward = match &expr.kind {
        ast::ExprKind::Name(n) if n.token.is_none() => r.names.method(&normalize(&n.text)),
        _ => None,
    };
    let value = match forward {
        Some(method) => Expr::new(ExprKind::ForwardCall { method }, expr.span),
        None => r.expr(expr),
    };
    let body = vec![Stmt::Return { value: Some(value), span: expr.span }];
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
        constructor: None,
    };
    (code, captured)
}

/// Resolves the text of `Formula from string`: an expression that may not use locals.
pub fn resolve_formula_text(
    method: &str,
    parsed: &ast::Method,
    names: &mut dyn Names,
) -> Result<MethodCode, Vec<Diagnostic>> {
    let expr = match parsed.body.stmts.as_slice() {
        [ast::Stmt { kind: ast::StmtKind::Expr(e), .. }] => e,
        _ => return Err(vec![Diagnostic::error("resolve", "a formula is one expression", parsed.span)]),
    };
    let mut diags = Vec::new();
    let (code, _) = resolve_formula_code(method, expr, names, true, &mut diags);
    if diags.iter().any(Diagnostic::is_error) { Err(diags) } else { Ok(code) }
}

fn number(n: f64, span: Span) -> Expr {
    Expr::new(ExprKind::Literal(Literal::Number(n)), span)
}

fn constant(value: ConstValue, span: Span) -> Expr {
    let literal = match value {
        ConstValue::Number(n) => Literal::Number(n),
        ConstValue::Text(t) => text_literal(t),
    };
    Expr::new(ExprKind::Literal(literal), span)
}

fn unsupported(message: &str, span: Span) -> Expr {
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
fn mentions_local(e: &ast::Expr, name: &str) -> bool {
    let key = normalize(name);
    let mut found = false;
    visit(e, &mut |e| {
        if let ast::ExprKind::Local(n) = &e.kind
            && normalize(n) == key
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

/// Levenshtein distance, for "did you mean".
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur: Vec<usize> = Vec::with_capacity(b.len() + 1);
    for (i, ca) in a.chars().enumerate() {
        cur.clear();
        cur.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The edit distance of two names when it is at most `max`, without
/// allocating for short ASCII names; `None` when it is larger.
fn edit_distance_within(a: &str, b: &str, max: usize) -> Option<usize> {
    const SHORT: usize = 64;
    let (x, y) = (a.as_bytes(), b.as_bytes());
    if !a.is_ascii() || !b.is_ascii() || y.len() >= SHORT {
        let d = edit_distance(a, b);
        return (d <= max).then_some(d);
    }
    let mut prev = [0usize; SHORT];
    let mut cur = [0usize; SHORT];
    for (j, p) in prev.iter_mut().enumerate().take(y.len() + 1) {
        *p = j;
    }
    for (i, &ca) in x.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, &cb) in y.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[y.len()];
    (d <= max).then_some(d)
}
