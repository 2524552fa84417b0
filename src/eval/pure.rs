//! Numeric specialisations of project methods: typed nodes chosen after
//! resolution.
//!
//! A project method whose declared parameters and result are numbers
//! (Integer or Real) may, for a given number of arguments, run only
//! statements that read and write numeric locals, compare numbers and call
//! such methods (`fib`). For each count of arguments, [`lower`] builds that
//! path as a [`PureCode`]: `Count parameters` is known, so the branches it
//! decides are dropped, and what remains is a small tree of `f64`
//! operations with no `Value`, no stack of values and no frame of the
//! generic walker (`exec::pure` walks it).
//!
//! Such code has no effect but on its own locals, so when it meets what it
//! does not decide (a `%` by zero, the call depth limit, a request from
//! another process, a callee not yet loaded) it gives up, and the call is run
//! again from its start by the generic walker, which gives 4D's error or
//! result. Values follow the generic walker exactly: every number is an
//! `f64`, an Integer variable keeps `x as i32` of what it is given (as
//! `store_converted` does), and operators are `exec::expr::arithmetic` and
//! `compare_numbers`.

use super::program::{Expr, ExprKind, Literal, MethodCode, NumTree, Place, ResultKind, Stmt, VarType};
use crate::eval::exec::{compare_numbers, is_comparison};
use crate::syntax::ast::{AssignOp, BinOp};

/// The numeric path of a method for one count of arguments.
#[derive(Debug)]
pub struct PureCode {
    /// How many locals the method has (all start at 0).
    pub nlocals: usize,
    /// For each argument passed (parameter `i` is local `i`), whether its
    /// parameter is an Integer.
    pub params: Box<[bool]>,
    pub body: Vec<PStmt>,
    pub result: PResult,
}

/// Where a specialised method's result comes from.
#[derive(Clone, Copy, Debug)]
pub enum PResult {
    /// `#DECLARE(...) : Integer` (or Real): the value of `return`, as an Integer when `true`.
    Typed { integer: bool },
    /// `#DECLARE(...) -> $r : Integer` (or Real): the local's value at the end.
    Named { slot: usize, integer: bool },
}

/// A statement of a specialised method.
#[derive(Debug)]
#[repr(u8)]
pub enum PStmt {
    /// `$local := value`, truncated to an Integer when `integer`.
    Set {
        slot: usize,
        integer: bool,
        value: PExpr,
    },
    If {
        cond: PCond,
        then_block: Vec<PStmt>,
        else_block: Vec<PStmt>,
    },
    While {
        cond: PCond,
        body: Vec<PStmt>,
    },
    Repeat {
        body: Vec<PStmt>,
        until: PCond,
    },
    For {
        slot: usize,
        integer: bool,
        start: PExpr,
        end: PExpr,
        step: Option<PExpr>,
        body: Vec<PStmt>,
    },
    Return(Option<PExpr>),
    /// `If (cond) return value End if`, a guard: one step, no block.
    ReturnIf {
        cond: PCond,
        value: Option<PExpr>,
    },
}

/// A number computed by a specialised method. The frequent shapes have
/// nodes of their own, so that the walker decides them in one step. The tag
/// is a byte of its own (`repr(u8)`), as `program::ExprKind`'s is, so that a
/// `match` reads it without decoding it from a field's spare values.
#[derive(Debug)]
#[repr(u8)]
pub enum PExpr {
    Number(f64),
    Local(usize),
    /// `$local op number` under `+ - * / %`.
    LocalNumber(BinOp, usize, f64),
    /// `$local op $local` under `+ - * / %`.
    LocalLocal(BinOp, usize, usize),
    /// `$local % n`, `n` a number whose Integer is not 0.
    LocalModulo(usize, i32),
    /// `value % n`, `n` a number whose Integer is not 0 (so no error can come of it).
    ModuloBy(Box<PExpr>, i32),
    Add(Box<(PExpr, PExpr)>),
    Subtract(Box<(PExpr, PExpr)>),
    Multiply(Box<(PExpr, PExpr)>),
    /// `/` and `%`.
    Op(BinOp, Box<(PExpr, PExpr)>),
    /// A project method called with these arguments (its own numeric path
    /// for that count, or the generic walker).
    Call {
        method: usize,
        args: Box<[PExpr]>,
    },
}

impl PExpr {
    /// `$local op n`.
    fn local_number(op: BinOp, slot: usize, n: f64) -> PExpr {
        match op {
            // As `arithmetic` takes it: the divisor's Integer.
            BinOp::Modulo if n as i32 != 0 => PExpr::LocalModulo(slot, n as i32),
            _ => PExpr::LocalNumber(op, slot, n),
        }
    }

    fn op(op: BinOp, left: PExpr, right: PExpr) -> PExpr {
        match (op, left, right) {
            (_, PExpr::Local(slot), PExpr::Number(n)) => PExpr::local_number(op, slot, n),
            (_, PExpr::Local(a), PExpr::Local(b)) => PExpr::LocalLocal(op, a, b),
            // As `arithmetic` takes it: the divisor's Integer.
            (BinOp::Modulo, l, PExpr::Number(n)) if n as i32 != 0 => PExpr::ModuloBy(Box::new(l), n as i32),
            (BinOp::Add, l, r) => PExpr::Add(Box::new((l, r))),
            (BinOp::Subtract, l, r) => PExpr::Subtract(Box::new((l, r))),
            (BinOp::Multiply, l, r) => PExpr::Multiply(Box::new((l, r))),
            (_, l, r) => PExpr::Op(op, Box::new((l, r))),
        }
    }
}

/// A condition of a specialised method.
#[derive(Debug)]
#[repr(u8)]
pub enum PCond {
    /// `$local op number`.
    LocalNumber(BinOp, usize, f64),
    Compare(BinOp, Box<(PExpr, PExpr)>),
    Const(bool),
}

/// A `For` loop of numeric locals inside any method, run on the numeric
/// walker from copies of the frame's numeric locals; the locals it assigns
/// are written back when it ends.
#[derive(Debug)]
pub struct PureLoop {
    /// The method's locals: for each, whether it is numeric and an Integer
    /// (`Some(true)`), a Real (`Some(false)`), or of another type.
    pub locals: Box<[Option<bool>]>,
    /// The loop (a `PStmt::For`).
    pub body: Vec<PStmt>,
    /// The slots the loop assigns.
    pub writes: Box<[usize]>,
}

/// Replaces, in `code`'s body, each `For` loop over numeric locals that runs
/// only numeric statements with a [`Stmt::NumericLoop`].
pub fn lower_loops(code: &mut MethodCode) {
    let mut body = std::mem::take(&mut code.body);
    loops_in(code, &mut body);
    code.body = body;
}

fn loops_in(code: &MethodCode, stmts: &mut [Stmt]) {
    for stmt in stmts {
        match stmt {
            Stmt::For { counter: Place::Local(_), .. } => {
                let lowering = Lowering { code, nargs: None };
                match lowering.stmt(stmt) {
                    Some(lowered) => {
                        let mut writes = Vec::new();
                        assigned(std::slice::from_ref(&lowered), &mut writes);
                        writes.sort_unstable();
                        writes.dedup();
                        let locals = code.locals.iter().map(|l| numeric_type(l.ty)).collect();
                        let generic = std::mem::replace(stmt, Stmt::Break);
                        *stmt = Stmt::NumericLoop {
                            path: Box::new(PureLoop { locals, body: vec![lowered], writes: writes.into() }),
                            generic: Box::new(generic),
                        };
                    }
                    None => {
                        if let Stmt::For { body, .. } = stmt {
                            loops_in(code, body);
                        }
                    }
                }
            }
            Stmt::If { then_block, else_block, .. } => {
                loops_in(code, then_block);
                loops_in(code, else_block);
            }
            Stmt::Case { branches, else_block } => {
                for (_, body) in branches {
                    loops_in(code, body);
                }
                loops_in(code, else_block);
            }
            Stmt::While { body, .. }
            | Stmt::Repeat { body, .. }
            | Stmt::For { body, .. }
            | Stmt::ForEach { body, .. }
            | Stmt::Use { body, .. } => loops_in(code, body),
            Stmt::Try { body, catch } => {
                loops_in(code, body);
                loops_in(code, catch);
            }
            _ => {}
        }
    }
}

/// The slots numeric statements assign.
fn assigned(stmts: &[PStmt], out: &mut Vec<usize>) {
    for stmt in stmts {
        match stmt {
            PStmt::Set { slot, .. } => out.push(*slot),
            PStmt::For { slot, body, .. } => {
                out.push(*slot);
                assigned(body, out);
            }
            PStmt::If { then_block, else_block, .. } => {
                assigned(then_block, out);
                assigned(else_block, out);
            }
            PStmt::While { body, .. } | PStmt::Repeat { body, .. } => assigned(body, out),
            PStmt::Return(_) | PStmt::ReturnIf { .. } => {}
        }
    }
}

/// The numeric path of `code` for each count of arguments from 0 to the
/// number of declared parameters (`None` where there is none); empty when
/// the method's signature is not numeric.
pub fn lower(code: &MethodCode) -> Box<[Option<PureCode>]> {
    let result = match code.result {
        ResultKind::Typed(ty) => numeric_type(ty).map(|integer| PResult::Typed { integer }),
        ResultKind::Named(slot) => numeric_type(code.locals[slot].ty).map(|integer| PResult::Named { slot, integer }),
        ResultKind::Legacy(_) => None,
    };
    let Some(result) = result else { return Box::default() };
    if code.variadic.is_some()
        || code.constructor.is_some()
        || code.promotes.is_some()
        || !code.params.iter().all(|p| numeric_type(p.ty).is_some())
        || !code.params_in_place
        || code.body.is_empty()
    {
        return Box::default();
    }
    (0..=code.params.len())
        .map(|nargs| {
            let lowering = Lowering { code, nargs: Some(nargs) };
            let body = lowering.block(&code.body)?;
            Some(PureCode {
                nlocals: code.locals.len(),
                params: code.params[..nargs].iter().map(|p| p.ty == VarType::Integer).collect(),
                body,
                result,
            })
        })
        .collect()
}

/// The lowering of one method for one count of arguments, or of a loop
/// (`nargs` unknown: `Count parameters` and `return` are then not lowered).
struct Lowering<'c> {
    code: &'c MethodCode,
    nargs: Option<usize>,
}

impl Lowering<'_> {
    /// Whether `slot` is a local declared Integer (`Some(true)`) or Real.
    fn numeric_local(&self, slot: usize) -> Option<bool> {
        numeric_type(self.code.locals.get(slot)?.ty)
    }

    fn block(&self, stmts: &[Stmt]) -> Option<Vec<PStmt>> {
        let mut out = Vec::with_capacity(stmts.len());
        for stmt in stmts {
            match stmt {
                // A branch `Count parameters` decides: only the branch taken.
                Stmt::If { cond, then_block, else_block } => match self.cond(cond)? {
                    PCond::Const(taken) => out.extend(self.block(if taken { then_block } else { else_block })?),
                    cond => {
                        let then_block = self.block(then_block)?;
                        let else_block = self.block(else_block)?;
                        out.push(match (<[PStmt; 1]>::try_from(then_block), else_block.is_empty()) {
                            (Ok([PStmt::Return(value)]), true) => PStmt::ReturnIf { cond, value },
                            (Ok(then_block), _) => PStmt::If { cond, then_block: Vec::from(then_block), else_block },
                            (Err(then_block), _) => PStmt::If { cond, then_block, else_block },
                        });
                    }
                },
                Stmt::Case { branches, else_block } => out.extend(self.case(branches, else_block)?),
                _ => out.push(self.stmt(stmt)?),
            }
        }
        Some(out)
    }

    /// `Case of` as nested `If`s, the branches decided by `Count parameters` dropped.
    fn case(&self, branches: &[(Expr, Vec<Stmt>)], else_block: &[Stmt]) -> Option<Vec<PStmt>> {
        let Some(((cond, body), rest)) = branches.split_first() else {
            return self.block(else_block);
        };
        match self.cond(cond)? {
            PCond::Const(true) => self.block(body),
            PCond::Const(false) => self.case(rest, else_block),
            cond => {
                Some(vec![PStmt::If { cond, then_block: self.block(body)?, else_block: self.case(rest, else_block)? }])
            }
        }
    }

    fn stmt(&self, stmt: &Stmt) -> Option<PStmt> {
        Some(match stmt {
            Stmt::SetLocal { slot, value, .. }
            | Stmt::Assign { target: Place::Local(slot), op: AssignOp::Assign, value, .. } => {
                PStmt::Set { slot: *slot, integer: self.numeric_local(*slot)?, value: self.expr(value)? }
            }
            Stmt::While { cond, body } => PStmt::While { cond: self.cond(cond)?, body: self.block(body)? },
            Stmt::Repeat { body, until } => PStmt::Repeat { body: self.block(body)?, until: self.cond(until)? },
            Stmt::For { counter: Place::Local(slot), start, end, step, body, .. } => PStmt::For {
                slot: *slot,
                integer: self.numeric_local(*slot)?,
                start: self.expr(start)?,
                end: self.expr(end)?,
                step: match step {
                    Some(step) => Some(self.expr(step)?),
                    None => None,
                },
                body: self.block(body)?,
            },
            Stmt::Return { value, .. } if self.nargs.is_some() => PStmt::Return(match value {
                Some(value) => Some(self.expr(value)?),
                None => None,
            }),
            _ => return None,
        })
    }

    /// A condition: a comparison of two numbers.
    fn cond(&self, e: &Expr) -> Option<PCond> {
        let (op, left, right) = match &e.kind {
            ExprKind::LocalNumber { slot, op, number } => {
                self.numeric_local(*slot)?;
                (*op, PExpr::Local(*slot), PExpr::Number(*number))
            }
            ExprKind::Numeric { tree, .. } => match &**tree {
                NumTree::Compare(op, left, right) => (*op, self.tree(left)?, self.tree(right)?),
                _ => return None,
            },
            ExprKind::Binary { first, rest } => {
                let ((op, last), init) = rest.split_last()?;
                (*op, self.chain(first, init)?, self.expr(last)?)
            }
            _ => return None,
        };
        if !is_comparison(op) {
            return None;
        }
        Some(match (left, right) {
            (PExpr::Number(x), PExpr::Number(y)) => PCond::Const(compare_numbers(op, x, y)?),
            (PExpr::Local(slot), PExpr::Number(y)) => PCond::LocalNumber(op, slot, y),
            (left, right) => PCond::Compare(op, Box::new((left, right))),
        })
    }

    /// A number.
    fn expr(&self, e: &Expr) -> Option<PExpr> {
        Some(match &e.kind {
            ExprKind::Literal(Literal::Number(n)) => PExpr::Number(*n),
            ExprKind::Local(slot) => {
                self.numeric_local(*slot)?;
                PExpr::Local(*slot)
            }
            ExprKind::CountParameters => PExpr::Number(self.nargs? as f64),
            ExprKind::LocalNumber { slot, op, number } if is_arithmetic(*op) => {
                self.numeric_local(*slot)?;
                PExpr::local_number(*op, *slot, *number)
            }
            ExprKind::Numeric { tree, .. } => self.tree(tree)?,
            ExprKind::Binary { first, rest } => self.chain(first, rest)?,
            ExprKind::MethodCall { method, args } => {
                PExpr::Call { method: *method, args: args.iter().map(|a| self.expr(a)).collect::<Option<_>>()? }
            }
            _ => return None,
        })
    }

    /// `first op x op y...` under arithmetic operators, left to right.
    fn chain(&self, first: &Expr, rest: &[(BinOp, Expr)]) -> Option<PExpr> {
        let mut acc = self.expr(first)?;
        for (op, operand) in rest {
            if !is_arithmetic(*op) {
                return None;
            }
            acc = PExpr::op(*op, acc, self.expr(operand)?);
        }
        Some(acc)
    }

    fn tree(&self, tree: &NumTree) -> Option<PExpr> {
        Some(match tree {
            NumTree::Number(n) => PExpr::Number(*n),
            NumTree::Local(slot) => {
                self.numeric_local(*slot)?;
                PExpr::Local(*slot)
            }
            NumTree::CountParameters => PExpr::Number(self.nargs? as f64),
            NumTree::Op(op, left, right) => PExpr::op(*op, self.tree(left)?, self.tree(right)?),
            NumTree::Compare(..) | NumTree::Member { .. } | NumTree::ParamMember { .. } => return None,
        })
    }
}

fn is_arithmetic(op: BinOp) -> bool {
    matches!(op, BinOp::Add | BinOp::Subtract | BinOp::Multiply | BinOp::Divide | BinOp::Modulo)
}

/// Whether a variable of type `ty` is numeric: an Integer (`Some(true)`) or a Real.
fn numeric_type(ty: VarType) -> Option<bool> {
    match ty {
        VarType::Integer => Some(true),
        VarType::Real => Some(false),
        _ => None,
    }
}
