//! AST to program: every name is resolved once, before anything runs.
//!
//! Locals get frame slots, `$1`... parameters their position, process
//! variables a slot in the run's table, commands their row in the command
//! table (by token number first, else by name), constants their value,
//! project methods an index in the run's method table. Problems are collected
//! as diagnostics; the program is returned with them.
//!
//! This file holds the entry points and the `Resolver` itself; the work is
//! split by concern: `scope.rs` (locals, types, declarations, process
//! variables), `stmt.rs` (statements and assignment targets), `expr.rs`
//! (expressions and postfix operations), `calls.rs` (names, commands, method
//! calls and their arguments), `formula.rs` (formulas) and `classes.rs` (class
//! files, `cs`, `This` and `Super`).

mod calls;
mod classes;
mod expr;
mod formula;
mod scope;
mod stmt;

use crate::diag::{Diagnostic, Span};
use crate::names::normalize;
use crate::syntax::ast;

use super::program::{LocalInfo, MethodCode, ParamInfo, ResultKind, VarType};

pub use calls::nearest_known;
pub use classes::resolve_class;
pub use formula::{resolve_formula_text, resolve_statement_text};
use scope::collect_assigned;
pub use scope::{assigned_in, assigned_names};

/// What resolution needs from the run: project methods and process variables.
pub trait Names {
    /// The index of the project method with this normalised name, if there is one.
    fn method(&mut self, normalized: &str) -> Option<usize>;
    /// The slot of a process variable, created when `create` is set.
    fn process_var(&mut self, normalized: &str, create: bool) -> Option<usize>;
    /// Calls `f` with each name to suggest for a misspelt one (method and
    /// variable names): the name as written and its normalised form.
    fn each_known_name(&self, f: &mut dyn FnMut(&str, &str));
    /// What [`nearest_known`] gives for `key` (a run may keep it: the same
    /// unknown name is often written many times).
    fn nearest_known(&mut self, key: &str) -> Option<(usize, String)>;
    /// The source text a span covers (for `.source` of a formula).
    fn snippet(&self, span: Span) -> String;
    /// The index of the user class with this name (case-sensitive), if the project has it.
    fn class(&mut self, name: &str) -> Option<usize>;
    /// The value of a constant that the project's XLIFF files declare.
    fn xliff_constant(&mut self, normalized: &str) -> Option<crate::commands::constants::ConstValue>;
    /// The context of the code being resolved: the host project's
    /// (`components::HOST`) or a component's.
    fn context(&self) -> u16 {
        crate::eval::components::HOST
    }
    /// The component context whose namespace is `name` (`cs.<name>`), when
    /// the code's own project has no class of that name.
    fn namespace(&self, _name: &str) -> Option<u16> {
        None
    }
    /// The class `name` of the component of context `context`.
    fn namespace_class(&mut self, _context: u16, _name: &str) -> Option<usize> {
        None
    }
}

/// Resolves one parsed method.
pub fn resolve_method(name: &str, method: &ast::Method, names: &mut dyn Names) -> (MethodCode, Vec<Diagnostic>) {
    resolve_method_keeping(name, method, names, Keep::Code)
}

/// What resolving a method finds, without keeping its code: each statement
/// at the top level of the body is resolved and dropped in turn, so that
/// `fourd check` of a large method never holds its whole program beside its AST.
pub fn check_method(name: &str, method: &ast::Method, names: &mut dyn Names) -> Vec<Diagnostic> {
    resolve_method_keeping(name, method, names, Keep::Diagnostics).1
}

/// Whether resolution keeps the resolved body or only its diagnostics.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Keep {
    Code,
    Diagnostics,
}

fn resolve_method_keeping(
    name: &str,
    method: &ast::Method,
    names: &mut dyn Names,
    keep: Keep,
) -> (MethodCode, Vec<Diagnostic>) {
    let mut body_stmts: &[ast::Stmt] = &method.body.stmts;
    let mut signature = None;
    if let Some(ast::Stmt { kind: ast::StmtKind::Declare(sig), .. }) = body_stmts.first() {
        signature = Some(&**sig);
        body_stmts = &body_stmts[1..];
    }
    let body = Body { signature, stmts: body_stmts, source: method.span.source, keep };
    let (mut code, mut diags) = resolve_body(name, None, body, names, &[]);
    code.published_web = method.attributes.as_ref().is_some_and(|a| a.published_web);
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
    let body = Body { signature: None, stmts: &method.body.stmts, source: method.span.source, keep: Keep::Code };
    resolve_body(name, None, body, names, known)
}

/// The body to resolve: its declared parameters and result, its statements,
/// the source they come from, and whether the resolved statements are kept.
struct Body<'a> {
    signature: Option<&'a ast::Signature>,
    stmts: &'a [ast::Stmt],
    source: crate::diag::SourceId,
    keep: Keep,
}

/// Resolves the body of a method, a class function or a constructor, with
/// its declared parameters and result; `class` is the class it belongs to (for `Super`).
fn resolve_body(
    name: &str,
    class: Option<usize>,
    body: Body<'_>,
    names: &mut dyn Names,
    known: &[LocalInfo],
) -> (MethodCode, Vec<Diagnostic>) {
    let Body { signature, stmts: body_stmts, source, keep } = body;
    let mut r = Resolver {
        names,
        method: name.to_string(),
        locals: known.to_vec(),
        local_index: known
            .iter()
            .enumerate()
            .map(|(slot, l)| (normalize(l.name.trim_start_matches('$')), slot))
            .collect(),
        key: String::new(),
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
                    params.push(ParamInfo { slot, ty, span: param.span });
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
    let body = match keep {
        Keep::Code => r.block(body_stmts),
        Keep::Diagnostics => {
            for stmt in body_stmts {
                drop(r.block(std::slice::from_ref(stmt)));
            }
            Vec::new()
        }
    };
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
        pure: Box::default(),
        constructor: None,
        published_web: false,
        promotes: None,
        context: r.names.context(),
    };
    (code, r.diags)
}

/// The slots of a method's locals by normalised name.
type LocalIndex = rustc_hash::FxHashMap<String, usize>;

struct Resolver<'n> {
    names: &'n mut dyn Names,
    /// The name of the method being resolved (formulas run under it).
    method: String,
    locals: Vec<LocalInfo>,
    local_index: LocalIndex,
    /// A buffer for the key of a name being looked up.
    key: String,
    diags: Vec<Diagnostic>,
    /// In `Formula from string` text, locals are an error (-10737).
    no_locals: bool,
    /// The class whose function is resolved, for `Super`.
    class: Option<usize>,
}

impl Resolver<'_> {
    fn error(&mut self, message: impl Into<String>, span: Span) {
        self.diags.push(Diagnostic::error("resolve", message, span));
    }
}
