//! Names and calls: what a name designates (command, project method,
//! constant, process variable...), command calls with their argument checks
//! and by-reference arguments, and the "did you mean" of an unknown name.

use crate::commands::constants::{self, ConstValue};
use crate::commands::{self, CommandId, CommandSpec, REGISTRY};
use crate::diag::{Diagnostic, Span};
use crate::eval::program::{Expr, ExprKind, Literal, SystemVar, site, text_literal};
use crate::names::normalize;
use crate::syntax::ast::{self, PostfixOp, Token};

use super::Resolver;
use super::classes::{ClassWord, class_word};
use super::expr::unsupported;

impl Resolver<'_> {
    /// A name, with the arguments of its call (empty without parentheses).
    pub(super) fn name(&mut self, name: &ast::Name, args: &[ast::Expr], span: Span) -> Expr {
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
            // A command wins over a project method of the same name, as in 4D.
            None => normalize(&name.text) == "formula",
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
                    Some(id) => constant(id.value(), span),
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
            return constant(id.value(), span);
        }
        if args.is_empty()
            && let Some(value) = self.names.xliff_constant(&key)
        {
            return constant(value, span);
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
        if args.is_empty() && constants::is_known(&key) {
            let message = format!("the constant `{}` is not supported by fourd", name.text.trim());
            self.diags.push(Diagnostic::warning("not supported", message.clone(), span));
            return unsupported(&message, span);
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
        let mut impossible = None;
        if count < usize::from(spec.min_args) || (spec.max_args != u8::MAX && count > usize::from(spec.max_args)) {
            let expected = match (spec.min_args, spec.max_args) {
                (a, b) if a == b => format!("{a}"),
                (a, u8::MAX) => format!("at least {a}"),
                (a, b) => format!("{a} to {b}"),
            };
            let star = if spec.star { " besides a `*`" } else { "" };
            let message = format!("`{}` takes {expected} arguments{star}, not {count}", spec.name);
            impossible = Some(self.signature_warning(message, spec, span));
        } else if let Some(signature) = commands::signatures::of(id)
            && !signature.allows(count)
        {
            let message = format!("`{}` has no documented form with {count} arguments", spec.name);
            impossible = Some(self.signature_warning(message, spec, span));
        }
        if star && !spec.star {
            let at =
                args.iter().find(|a| matches!(&a.kind, ast::ExprKind::Marker(m) if m == "*")).map_or(span, |a| a.span);
            let message = format!("`{}` takes no `*` argument", spec.name);
            impossible = impossible.or(Some(self.signature_warning(message, spec, at)));
        }
        // `EXECUTE METHOD(name; *; params...)`: no result variable.
        let refs = !(star && spec.number == commands::EXECUTE_METHOD);
        let args = values
            .into_iter()
            .enumerate()
            .map(|(i, a)| {
                if refs && spec.by_ref(i) {
                    self.reference(a)
                } else if spec.by_place(i) && self.names_a_variable(a) {
                    let place = self.place(a);
                    Expr::new(ExprKind::PointerTo(Box::new(place)), a.span)
                } else {
                    self.expr(a)
                }
            })
            .collect();
        // The arguments were resolved for their own diagnostics; a call no
        // form takes cannot run.
        if let Some(message) = impossible {
            return Expr::new(ExprKind::BadCall(message), span);
        }
        if spec.number == commands::COUNT_PARAMETERS {
            return Expr::new(ExprKind::CountParameters, span);
        }
        let args = if spec.number == commands::NEW_OBJECT && !star && marker.is_none() {
            match new_object(args, span) {
                Ok(expr) => return expr,
                Err(args) => args,
            }
        } else {
            args
        };
        Expr::new(ExprKind::Command { id, args, star, marker }, span)
    }

    /// A warning on a call that matches no documented form of its command,
    /// with the command's documented signature as help; its message back, for
    /// the error the call gives if it is reached.
    fn signature_warning(&mut self, message: String, spec: &CommandSpec, span: Span) -> String {
        let mut diag = Diagnostic::warning("arity", message.clone(), span);
        if let Some(signature) = spec.signature() {
            let forms = if signature.contains(" | ") { "forms" } else { "form" };
            diag = diag.with_help(format!("the documented {forms}: {signature}"));
        }
        self.diags.push(diag);
        message
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

    /// Whether an argument names a variable: `This` and the names of
    /// commands, constants and methods do not (`OB SET(This; ...)` changes
    /// the object `This` is, it does not create a variable named "this").
    fn names_a_variable(&mut self, arg: &ast::Expr) -> bool {
        match &arg.kind {
            ast::ExprKind::Name(name) if name.token.is_none() => self.is_variable_name(&normalize(&name.text)),
            _ => is_variable(arg),
        }
    }

    /// Whether a plain name (normalised) can only be a variable.
    pub(super) fn is_variable_name(&mut self, key: &str) -> bool {
        !matches!(key, "this" | "error" | "error method" | "error line" | "error formula")
            && REGISTRY.by_name(key).is_none()
            && constants::by_name(key).is_none()
            && self.names.method(key).is_none()
            && self.names.xliff_constant(key).is_none()
    }

    /// The closest known name, if one is close enough to be a likely typo.
    fn suggest(&mut self, key: &str) -> Option<String> {
        let mut nearest = Nearest::new(key);
        nearest.offer(self.names.nearest_known(key));
        for l in &self.locals {
            nearest.consider(&l.name, &normalize(&l.name));
        }
        nearest.best.map(|(_, name)| name)
    }
}

/// The name nearest to a misspelt one (normalised `key`) among those
/// considered: within an edit distance of a third of its length, the nearest,
/// and the first in alphabetical order among equals.
pub struct Nearest<'k> {
    key: &'k str,
    len: usize,
    max: usize,
    /// The distance and the name as written.
    pub best: Option<(usize, String)>,
}

impl<'k> Nearest<'k> {
    pub fn new(key: &'k str) -> Nearest<'k> {
        let len = key.chars().count();
        Nearest { key, len, max: (len / 3).max(1), best: None }
    }

    /// Considers a name: as written (`shown`) and normalised.
    pub fn consider(&mut self, shown: &str, normalized: &str) {
        // Names whose lengths differ by more than `max` cannot be near enough.
        let max = self.max;
        if normalized.len().abs_diff(self.key.len()) > max * 4 || normalized.chars().count().abs_diff(self.len) > max {
            return;
        }
        let Some(d) = edit_distance_within(self.key, normalized, max) else { return };
        if d > 0 && self.better(d, shown) {
            self.best = Some((d, shown.to_string()));
        }
    }

    /// Takes the nearest of another set of names, found by another [`Nearest`] for the same key.
    pub fn offer(&mut self, found: Option<(usize, String)>) {
        if let Some((d, shown)) = found
            && self.better(d, &shown)
        {
            self.best = Some((d, shown));
        }
    }

    fn better(&self, d: usize, shown: &str) -> bool {
        self.best.as_ref().is_none_or(|(b, name)| d < *b || (d == *b && shown < name.as_str()))
    }
}

/// The command, project method or process variable nearest to the
/// misspelt (normalised) `key`, with its distance (see [`Nearest`]).
pub fn nearest_known(key: &str, names: &dyn super::Names) -> Option<(usize, String)> {
    static COMMAND_KEYS: std::sync::LazyLock<Vec<String>> =
        std::sync::LazyLock::new(|| commands::table::COMMANDS.iter().map(|c| normalize(c.name)).collect());
    let mut nearest = Nearest::new(key);
    for (c, normalized) in commands::table::COMMANDS.iter().zip(COMMAND_KEYS.iter()) {
        nearest.consider(c.name, normalized);
    }
    names.each_known_name(&mut |shown, normalized| nearest.consider(shown, normalized));
    nearest.best
}

/// Whether `arg` names a variable, an array element or a pointer's target:
/// something a by-reference argument can designate.
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

fn constant(value: ConstValue, span: Span) -> Expr {
    let literal = match value {
        ConstValue::Number(n) => Literal::Number(n),
        ConstValue::Text(t) => text_literal(t),
    };
    Expr::new(ExprKind::Literal(literal), span)
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

/// `New object(name; value; ...)` as an [`ExprKind::NewObject`], when every
/// name is a text literal and no two are the same (else the arguments back).
fn new_object(args: Vec<Expr>, span: Span) -> Result<Expr, Vec<Expr>> {
    if !args.len().is_multiple_of(2) {
        return Err(args);
    }
    let mut names: Vec<Box<str>> = Vec::with_capacity(args.len() / 2);
    for pair in args.chunks(2) {
        let ExprKind::Literal(Literal::Text(name, _)) = &pair[0].kind else { return Err(args) };
        if names.contains(name) {
            return Err(args);
        }
        names.push(name.clone());
    }
    let values = args.into_iter().skip(1).step_by(2).collect();
    Ok(Expr::new(ExprKind::NewObject { site: site(), names: names.into_boxed_slice(), values }, span))
}
