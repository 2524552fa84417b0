//! A readable text dump of the AST, used by the syntax golden tests (`.ast` files).
//!
//! Statements are written one per line with their source line number; nested
//! blocks are indented. Expressions are written close to 4D source, with every
//! binary chain in parentheses so that the left-to-right grouping shows, and
//! multi-word names in backquotes (`` `New object`:C1471 ``), and tables marked
//! `T[Table:1]` so that they differ from collection literals.

use std::fmt::Write;

use super::ast::{
    Block, Expr, ExprKind, FunctionDef, FunctionKind, LoopStop, Method, Name, PostfixOp, PrefixOp, Signature, Stmt,
    StmtKind, Token, TypeRef,
};

/// Dumps a parsed file. `text` is its source, for line numbers.
pub fn dump(method: &Method, text: &str) -> String {
    let mut d = Dumper { out: String::new(), line_starts: line_starts(text) };
    if let Some(attrs) = &method.attributes {
        let _ = writeln!(d.out, "attributes {}", attrs.json);
    }
    for pragma in &method.pragmas {
        let _ = writeln!(d.out, "L{} pragma {}", d.line(pragma.span.start), pragma.text);
    }
    d.block(&method.body, 0);
    for function in &method.functions {
        d.function(function);
    }
    d.out
}

fn line_starts(text: &str) -> Vec<u32> {
    let bytes = text.as_bytes();
    let mut starts = vec![0u32];
    let mut i = 0;
    while i < bytes.len() {
        let end_len = match (bytes[i], bytes.get(i + 1)) {
            (b'\r', Some(b'\n')) => 2,
            (b'\r' | b'\n', _) => 1,
            _ => 0,
        };
        if end_len > 0 {
            i += end_len;
            starts.push(u32::try_from(i).unwrap_or(u32::MAX));
        } else {
            i += 1;
        }
    }
    starts
}

struct Dumper {
    out: String,
    line_starts: Vec<u32>,
}

impl Dumper {
    fn line(&self, offset: u32) -> usize {
        self.line_starts.partition_point(|&s| s <= offset)
    }

    fn indent(&mut self, depth: usize) {
        for _ in 0..depth {
            self.out.push_str("  ");
        }
    }

    fn head(&mut self, depth: usize, stmt: &Stmt) {
        self.indent(depth);
        let line = self.line(stmt.span.start);
        let _ = write!(self.out, "L{line} ");
    }

    fn word(&mut self, depth: usize, word: &str) {
        self.indent(depth);
        self.out.push_str(word);
        self.out.push('\n');
    }

    fn block(&mut self, block: &Block, depth: usize) {
        for stmt in &block.stmts {
            self.stmt(stmt, depth);
        }
    }

    fn stmt(&mut self, stmt: &Stmt, depth: usize) {
        self.head(depth, stmt);
        let line = match &stmt.kind {
            StmtKind::Expr(e) => format!("expr {}", expr(e)),
            StmtKind::Assign { target, op, value } => format!("{} {} {}", expr(target), op.as_str(), expr(value)),
            StmtKind::If { cond, then_block, else_block } => {
                let _ = writeln!(self.out, "if {}", expr(cond));
                self.block(then_block, depth + 1);
                if let Some(else_block) = else_block {
                    self.word(depth, "else");
                    self.block(else_block, depth + 1);
                }
                return;
            }
            StmtKind::Case { branches, else_block } => {
                self.out.push_str("case of\n");
                for branch in branches {
                    self.indent(depth + 1);
                    let _ = writeln!(self.out, "L{} : {}", self.line(branch.span.start), expr(&branch.cond));
                    self.block(&branch.body, depth + 2);
                }
                if let Some(else_block) = else_block {
                    self.word(depth + 1, "else");
                    self.block(else_block, depth + 2);
                }
                return;
            }
            StmtKind::While { cond, body } => {
                let _ = writeln!(self.out, "while {}", expr(cond));
                self.block(body, depth + 1);
                return;
            }
            StmtKind::Repeat { body, until } => {
                self.out.push_str("repeat\n");
                self.block(body, depth + 1);
                let _ = writeln!(self.out, "{}until {}", "  ".repeat(depth), expr(until));
                return;
            }
            StmtKind::For { counter, start, end, step, body } => {
                let step = step.as_ref().map(|s| format!("; {}", expr(s))).unwrap_or_default();
                let _ = writeln!(self.out, "for ({}; {}; {}{step})", expr(counter), expr(start), expr(end));
                self.block(body, depth + 1);
                return;
            }
            StmtKind::ForEach { item, source, begin, end, stop, body } => {
                let mut head = format!("for each ({}; {}", expr(item), expr(source));
                for bound in [begin, end].into_iter().flatten() {
                    let _ = write!(head, "; {}", expr(bound));
                }
                head.push(')');
                match stop.as_deref() {
                    Some(LoopStop::Until(c)) => {
                        let _ = write!(head, " until {}", expr(c));
                    }
                    Some(LoopStop::While(c)) => {
                        let _ = write!(head, " while {}", expr(c));
                    }
                    None => {}
                }
                let _ = writeln!(self.out, "{head}");
                self.block(body, depth + 1);
                return;
            }
            StmtKind::Use { target, body } => {
                let _ = writeln!(self.out, "use {}", expr(target));
                self.block(body, depth + 1);
                return;
            }
            StmtKind::Try { body, catch } => {
                self.out.push_str("try\n");
                self.block(body, depth + 1);
                if let Some(catch) = catch {
                    self.word(depth, "catch");
                    self.block(catch, depth + 1);
                }
                return;
            }
            StmtKind::Return(value) => match value {
                Some(v) => format!("return {}", expr(v)),
                None => String::from("return"),
            },
            StmtKind::Break => String::from("break"),
            StmtKind::Continue => String::from("continue"),
            StmtKind::Var(decl) => {
                let names: Vec<String> = decl.names.iter().map(expr).collect();
                let mut line = format!("var {}", names.join("; "));
                if let Some(ty) = &decl.ty {
                    let _ = write!(line, " : {}", type_ref(ty));
                }
                if let Some(init) = &decl.init {
                    let _ = write!(line, " := {}", expr(init));
                }
                line
            }
            StmtKind::Declare(sig) => format!("#DECLARE{}", signature(sig)),
            StmtKind::Property(decl) => {
                let names: Vec<&str> = decl.names.iter().map(|n| n.text.as_str()).collect();
                let mut line = format!("property {}", names.join("; "));
                if let Some(ty) = &decl.ty {
                    let _ = write!(line, " : {}", type_ref(ty));
                }
                if let Some(init) = &decl.init {
                    let _ = write!(line, " := {}", expr(init));
                }
                line
            }
            StmtKind::ClassExtends(ty) => format!("class extends {}", type_ref(ty)),
            StmtKind::Sql { text, .. } => format!("sql {text:?}"),
            StmtKind::Error => String::from("<error>"),
        };
        self.out.push_str(&line);
        self.out.push('\n');
    }

    fn function(&mut self, def: &FunctionDef) {
        let line = self.line(def.span.start);
        let mut head = format!("L{line} ");
        for modifier in &def.modifiers {
            let _ = write!(head, "{modifier} ");
        }
        head.push_str(match def.kind {
            FunctionKind::Constructor => "class constructor",
            FunctionKind::Function => "function",
            FunctionKind::Get => "function get",
            FunctionKind::Set => "function set",
            FunctionKind::Query => "function query",
            FunctionKind::OrderBy => "function orderBy",
        });
        if def.kind != FunctionKind::Constructor {
            let _ = write!(head, " {}", def.name.text);
        }
        head.push_str(&signature(&def.signature));
        let _ = writeln!(self.out, "{head}");
        self.block(&def.body, 1);
    }
}

fn signature(sig: &Signature) -> String {
    let mut out = String::new();
    if sig.has_parens {
        let params: Vec<String> = sig
            .params
            .iter()
            .map(|p| {
                let name = p.name.as_ref().map_or("...", |n| n.text.as_str());
                match &p.ty {
                    Some(ty) => format!("{name} : {}", type_ref(ty)),
                    None => name.to_string(),
                }
            })
            .collect();
        let _ = write!(out, "({})", params.join("; "));
    }
    if let Some(result) = &sig.result {
        if let Some(name) = &result.name {
            let _ = write!(out, " -> {}", name.text);
        }
        if let Some(ty) = &result.ty {
            let _ = write!(out, " : {}", type_ref(ty));
        }
    }
    out
}

fn type_ref(ty: &TypeRef) -> String {
    let mut out = name(&ty.head);
    for part in &ty.path {
        out.push('.');
        out.push_str(&part.text);
    }
    out
}

fn name(name: &Name) -> String {
    let mut out = if name.text.contains(' ') { format!("`{}`", name.text) } else { name.text.clone() };
    match name.token {
        Some(Token::Command(n)) => {
            let _ = write!(out, ":C{n}");
        }
        Some(Token::Constant(a, b)) => {
            let _ = write!(out, ":K{a}:{b}");
        }
        Some(Token::Plugin(a, b)) => {
            let _ = write!(out, ":P{a}:{b}");
        }
        None => {}
    }
    out
}

fn list(items: &[Expr]) -> String {
    items.iter().map(expr).collect::<Vec<_>>().join("; ")
}

/// One expression, close to 4D source.
pub fn expr(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Text(t) => format!("{t:?}"),
        ExprKind::Number(n) => format!("{n}"),
        ExprKind::Date { year, month, day } => format!("!{year:04}-{month:02}-{day:02}!"),
        ExprKind::Time(seconds) => {
            let sign = if *seconds < 0 { "-" } else { "" };
            let s = seconds.unsigned_abs();
            format!("?{sign}{:02}:{:02}:{:02}?", s / 3600, s / 60 % 60, s % 60)
        }
        ExprKind::Object(props) => {
            let props: Vec<String> = props.iter().map(|(k, v)| format!("{}: {}", k.text, expr(v))).collect();
            format!("{{{}}}", props.join("; "))
        }
        ExprKind::Collection(items) => format!("[{}]", list(items)),
        ExprKind::Local(n) => format!("${n}"),
        ExprKind::ParamIndirect(e) => format!("${{{}}}", expr(e)),
        ExprKind::Interprocess(n) => format!("<>{n}"),
        ExprKind::Name(n) => name(n),
        ExprKind::Table(t) => table(t),
        ExprKind::Field(f) => {
            let number = f.number.map(|n| format!(":{n}")).unwrap_or_default();
            format!("{}{}{number}", table(&f.table), f.field)
        }
        ExprKind::Binary { first, rest } => {
            let mut out = format!("({}", expr(first));
            for (op, operand) in rest {
                let _ = write!(out, " {} {}", op.as_str(), expr(operand));
            }
            out.push(')');
            out
        }
        ExprKind::Prefix { ops, operand } => {
            let ops: String = ops
                .iter()
                .map(|op| match op {
                    PrefixOp::Negate => "-",
                    PrefixOp::PointerTo => "->",
                })
                .collect();
            format!("({ops}{})", expr(operand))
        }
        ExprKind::Postfix { base, ops } => {
            let mut out = expr(base);
            for op in ops {
                match op {
                    PostfixOp::Member(m) => {
                        let _ = write!(out, ".{}", m.text);
                    }
                    PostfixOp::Index(i) => {
                        let _ = write!(out, "[{}]", expr(i));
                    }
                    PostfixOp::CharIndex(i) => {
                        let _ = write!(out, "[[{}]]", expr(i));
                    }
                    PostfixOp::ArrayElement(i) => {
                        let _ = write!(out, "{{{}}}", expr(i));
                    }
                    PostfixOp::Call { args, .. } => {
                        let _ = write!(out, "({})", list(args));
                    }
                    PostfixOp::Deref(_) => out.push_str("->"),
                    PostfixOp::DerefMember(m) => {
                        let _ = write!(out, "->{}", m.text);
                    }
                }
            }
            out
        }
        ExprKind::Ternary { cond, then_expr, else_expr } => {
            format!("({} ? {} : {})", expr(cond), expr(then_expr), expr(else_expr))
        }
        ExprKind::Try(e) => format!("Try({})", expr(e)),
        ExprKind::Marker(m) => m.clone(),
        ExprKind::Conjunction { op, operand } => match operand {
            Some(e) => format!("{op} {}", expr(e)),
            None => op.to_string(),
        },
        ExprKind::Assign { target, op, value } => format!("({} {} {})", expr(target), op.as_str(), expr(value)),
        ExprKind::Error => String::from("<error>"),
    }
}

fn table(t: &super::ast::TableRef) -> String {
    let number = t.number.map(|n| format!(":{n}")).unwrap_or_default();
    format!("T[{}{number}]", t.name)
}
