//! Locals, types and declarations: frame slots of locals, declared types,
//! the legacy `C_TEXT`-style directives, and the names that become process variables.

use crate::commands::{CommandId, REGISTRY};
use crate::diag::Diagnostic;
use crate::eval::program::{LocalInfo, Place, Stmt, VarType};
use crate::names::normalize;
use crate::syntax::ast::{self, PostfixOp, Token};

use super::Resolver;
use super::classes::{ClassWord, class_word};

/// The names (normalised) that a method assigns to, declares or loops over:
/// its process variables.
pub fn assigned_names(method: &ast::Method) -> Vec<String> {
    let mut names = Vec::new();
    collect_assigned(&method.body.stmts, &mut names);
    names
}

/// [`assigned_names`] of statements read alone.
pub fn assigned_in(stmts: &[ast::Stmt]) -> Vec<String> {
    let mut names = Vec::new();
    collect_assigned(stmts, &mut names);
    names
}

/// The names a method assigns to, declares or loops over (process variables).
pub(super) fn collect_assigned(stmts: &[ast::Stmt], out: &mut Vec<String>) {
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
                // A directive (`C_LONGINT(vCount; vTotal)`) declares its
                // names, except in the compiler's form `C_TEXT(Method; $1)`.
                if let ast::ExprKind::Postfix { base, ops } = &e.kind
                    && let ast::ExprKind::Name(name) = &base.kind
                    && let [PostfixOp::Call { args, .. }] = ops.as_slice()
                    && directive_type(name).is_some()
                {
                    let method_form = args.len() > 1
                        && args[1..]
                            .iter()
                            .all(|a| matches!(&a.kind, ast::ExprKind::Local(n) if n.parse::<u32>().is_ok()));
                    for arg in args.iter().skip(usize::from(method_form)) {
                        add(arg, out);
                    }
                }
                // A command's by-reference arguments (`ARRAY TEXT(list; 0)`) create variables.
                else if let ast::ExprKind::Postfix { base, ops } = &e.kind
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

/// The type a directive name (`C_TEXT`, `_O_C_INTEGER`, `C_LONGINT:C283`)
/// declares; `None` for another name.
fn directive_type(name: &ast::Name) -> Option<VarType> {
    let key = normalize(&name.text);
    let key = key.strip_prefix("_o_").unwrap_or(&key);
    DIRECTIVES.iter().find_map(|(number, directive, ty)| match name.token {
        Some(Token::Command(n)) => (n == *number).then_some(*ty),
        _ => (*directive == key).then_some(*ty),
    })
}

/// The command a name designates, by token number or by name.
pub(super) fn command_of(name: &ast::Name) -> Option<CommandId> {
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

impl Resolver<'_> {
    /// The slot of a local (name without `$`), typed on first declaration.
    pub(super) fn local(&mut self, name: &str, ty: Option<VarType>) -> usize {
        crate::names::normalize_into(name, &mut self.key);
        if let Some(&slot) = self.local_index.get(self.key.as_str()) {
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
        self.local_index.insert(self.key.clone(), slot);
        slot
    }

    pub(super) fn var_type(&mut self, ty: &ast::TypeRef) -> VarType {
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

    /// `C_TEXT($a; $b)` and its kin: declarations. `C_TEXT(Method; $1)`, which
    /// declares another method's parameters for the compiler, does nothing.
    pub(super) fn directive(&mut self, e: &ast::Expr) -> Option<Option<Stmt>> {
        let ast::ExprKind::Postfix { base, ops } = &e.kind else { return None };
        let ast::ExprKind::Name(name) = &base.kind else { return None };
        let [PostfixOp::Call { args, .. }] = ops.as_slice() else { return None };
        let ty = directive_type(name)?;
        // `C_TEXT(Method; $1)`: the first name is a project method's.
        if let Some(ast::Expr { kind: ast::ExprKind::Name(first), .. }) = args.first()
            && first.token.is_none()
            && self.names.method(&normalize(&first.text)).is_some()
        {
            return Some(None);
        }
        let mut slots = Vec::new();
        let mut globals = Vec::new();
        for arg in args {
            match &arg.kind {
                ast::ExprKind::Local(n) if n.parse::<u32>().is_err() => slots.push(self.local(n, Some(ty))),
                ast::ExprKind::Local(_) | ast::ExprKind::ParamIndirect(_) => {}
                ast::ExprKind::Name(n) => {
                    if let Some(slot) = self.names.process_var(&normalize(&n.text), true) {
                        globals.push((Place::Process(slot), ty));
                    }
                }
                ast::ExprKind::Interprocess(n) => {
                    let slot = self.interprocess(n);
                    globals.push((Place::Interprocess(slot), ty));
                }
                _ => self.error("a directive declares variables", arg.span),
            }
        }
        if !globals.is_empty() {
            return Some(Some(Stmt::DeclareGlobal { vars: globals }));
        }
        Some(Some(Stmt::Declare { slots, init: None, span: e.span }))
    }

    /// The slot of the interprocess variable `<>name`.
    pub(super) fn interprocess(&mut self, name: &str) -> usize {
        let key = format!("<>{}", normalize(name));
        self.names.process_var(&key, true).unwrap_or_default()
    }
}
