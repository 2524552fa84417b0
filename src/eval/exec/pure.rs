//! Runs the numeric paths of project methods (`eval::pure`): locals and
//! arguments on a stack of `f64`, results as `f64`.
//!
//! Anything the path does not decide makes it give up ([`Bail`]): the call
//! that entered the numeric path is then run again by the generic walker
//! from its start (nothing outside the path's own locals was changed), with
//! the numeric paths off for what it calls, so that the work is done at most
//! twice.

use std::rc::Rc;
use std::sync::Arc;

use super::expr::{arithmetic, compare_numbers, number_of};
use super::{Flow, Frame, MAX_CALL_DEPTH, Process};
use crate::eval::control::ProcessEntry;
use crate::eval::program::{MethodCode, Stmt};
use crate::eval::pure::{PCond, PExpr, PResult, PStmt, PureCode, PureLoop};
use crate::runtime::error::RuntimeError;
use crate::runtime::value::Value;

/// Why a numeric path gave up.
#[derive(Clone, Copy, Debug)]
enum Bail {
    /// A project method the path calls is not loaded in this process yet.
    Load(usize),
    /// Anything else: the generic walker decides.
    Generic,
}

/// The walk of one numeric call and of the calls it makes.
/// The process's loaded methods, as `Process::loaded` holds them.
#[allow(clippy::redundant_allocation)]
type Loaded = [Option<Rc<Arc<MethodCode>>>];

struct Walker<'p> {
    loaded: &'p Loaded,
    /// The process's entry, whose flag says another process asked something of it.
    entry: Option<&'p ProcessEntry>,
    /// The locals of the running calls, one region per call.
    stack: Vec<f64>,
    depth: usize,
    /// The value of the last `return`.
    result: f64,
    /// Why the walk gave up (when a step returned `None`).
    bail: Bail,
}

impl Process<'_> {
    /// Runs project method `code` with the arguments on the stack from
    /// `start` on its numeric path, when it has one for that many arguments
    /// and they are numbers: `Ok` of its result (the stack is then as it
    /// was before the arguments); `Err(true)` when the path gave up,
    /// `Err(false)` when there is none: the generic walker must run it.
    pub(super) fn pure_method_call(&mut self, code: &Arc<MethodCode>, start: usize) -> Result<Value, bool> {
        if self.pure_off {
            return Err(false);
        }
        let nargs = self.stack.len() - start;
        let Some(Some(path)) = code.pure.get(nargs) else { return Err(false) };
        let arguments = |process: &Self, stack: &mut Vec<f64>| {
            stack.extend(process.stack[start..].iter().map_while(number_of));
            stack.len() == nargs
        };
        let x = self.walk(arguments, |walker| walker.call(path, 0))?;
        self.pop_to(start);
        let (PResult::Typed { integer } | PResult::Named { integer, .. }) = path.result;
        Ok(if integer { Value::Long(x as i32) } else { Value::Real(x) })
    }

    /// A [`Stmt::NumericLoop`]: on the numeric walker, or as `generic` when
    /// it could not start or gave up.
    pub(super) fn numeric_loop(
        &mut self,
        frame: &mut Frame<'_>,
        path: &PureLoop,
        generic: &Stmt,
    ) -> Result<Flow, RuntimeError> {
        match self.pure_loop(frame, path) {
            Ok(()) => Ok(Flow::Normal),
            Err(bailed) => self.after_bail(bailed, |process| process.stmt(frame, generic)),
        }
    }

    /// Runs `generic`, the generic walk of what a numeric path could not
    /// start (`bailed` false) or gave up (`bailed` true): in the second case
    /// what it calls runs on the generic walker too, so that no work is done
    /// more than twice.
    pub(super) fn after_bail<T>(&mut self, bailed: bool, generic: impl FnOnce(&mut Self) -> T) -> T {
        let pure_off = self.pure_off;
        self.pure_off = pure_off || bailed;
        let outcome = generic(self);
        self.pure_off = pure_off;
        outcome
    }

    /// Runs a [`PureLoop`] on copies of the frame's numeric locals, and
    /// writes back those it assigns: `Err(true)` when the walk gave up,
    /// `Err(false)` when it could not start (the frame is then unchanged).
    fn pure_loop(&mut self, frame: &Frame<'_>, path: &PureLoop) -> Result<(), bool> {
        if self.pure_off {
            return Err(false);
        }
        let base = frame.base;
        let locals = |process: &Self, stack: &mut Vec<f64>| {
            for (slot, numeric) in path.locals.iter().enumerate() {
                match numeric {
                    Some(_) => match number_of(&process.stack[base + slot]) {
                        Some(x) => stack.push(x),
                        None => return false,
                    },
                    None => stack.push(0.0),
                }
            }
            true
        };
        self.walk(locals, |walker| walker.block(&path.body, 0).map(|_| 0.0))?;
        for &slot in &path.writes {
            let x = self.pure_stack[slot];
            self.stack[base + slot] =
                if path.locals[slot] == Some(true) { Value::Long(x as i32) } else { Value::Real(x) };
        }
        Ok(())
    }

    /// Walks a numeric path: `fill` puts its first locals on the walker's
    /// stack (`false`: it cannot start), `run` walks. A callee not loaded yet
    /// is loaded and the walk started again from `fill` (each time with one
    /// more method loaded). The walker's stack is left in `pure_stack`.
    /// `Err(false)` when it could not start, `Err(true)` when it gave up.
    fn walk(
        &mut self,
        fill: impl Fn(&Self, &mut Vec<f64>) -> bool,
        run: impl Fn(&mut Walker<'_>) -> Option<f64>,
    ) -> Result<f64, bool> {
        let mut stack = std::mem::take(&mut self.pure_stack);
        let outcome = loop {
            stack.clear();
            if !fill(self, &mut stack) {
                break Err(false);
            }
            let mut walker = Walker {
                loaded: &self.loaded,
                entry: self.control.as_ref().map(|(_, entry)| &**entry),
                stack,
                depth: self.depth,
                result: 0.0,
                bail: Bail::Generic,
            };
            let outcome = run(&mut walker);
            stack = walker.stack;
            match (outcome, walker.bail) {
                (Some(x), _) => break Ok(x),
                (None, Bail::Load(method)) if self.pure_load(method) => {}
                (None, _) => break Err(true),
            }
        };
        self.pure_stack = stack;
        outcome
    }

    /// Loads project method `index` for a numeric path: `false` if it was
    /// loaded already or cannot be.
    fn pure_load(&mut self, index: usize) -> bool {
        match self.loaded.get(index) {
            Some(Some(_)) => false,
            _ => self.load(index).is_ok(),
        }
    }
}

impl Walker<'_> {
    /// Runs a numeric path whose arguments are on the stack from `base`.
    #[inline(always)]
    fn call(&mut self, path: &PureCode, base: usize) -> Option<f64> {
        self.depth += 1;
        if self.depth >= MAX_CALL_DEPTH || self.entry.is_some_and(ProcessEntry::needs_attention) {
            return None;
        }
        for (i, &integer) in path.params.iter().enumerate() {
            if integer && let Some(x) = self.stack.get_mut(base + i) {
                *x = truncate(*x);
            }
        }
        self.stack.resize(base + path.nlocals, 0.0);
        let returned = self.block(&path.body, base)?;
        let x = match path.result {
            PResult::Typed { integer } if returned => {
                if integer {
                    truncate(self.result)
                } else {
                    self.result
                }
            }
            // No `return` ran: the generic walker says what the caller gets.
            PResult::Typed { .. } => return None,
            PResult::Named { slot, .. } => self.stack[base + slot],
        };
        self.stack.truncate(base);
        self.depth -= 1;
        Some(x)
    }

    /// Runs statements: `Some(true)` when a `return` ran. The frequent
    /// statements are run here; the loops, in a function of their own, do not
    /// weigh on this one's frame.
    fn block(&mut self, stmts: &[PStmt], base: usize) -> Option<bool> {
        for stmt in stmts {
            match stmt {
                PStmt::Set { slot, integer, value } => {
                    let x = self.operand(value, base)?;
                    self.stack[base + slot] = if *integer { truncate(x) } else { x };
                }
                PStmt::If { cond, then_block, else_block } => {
                    let block = if self.cond(cond, base)? { then_block } else { else_block };
                    if self.block(block, base)? {
                        return Some(true);
                    }
                }
                PStmt::Return(value) => {
                    self.result = match value {
                        Some(value) => self.operand(value, base)?,
                        None => 0.0,
                    };
                    return Some(true);
                }
                PStmt::ReturnIf { cond, value } => {
                    if self.cond(cond, base)? {
                        self.result = match value {
                            Some(value) => self.operand(value, base)?,
                            None => 0.0,
                        };
                        return Some(true);
                    }
                }
                _ => {
                    if self.looping(stmt, base)? {
                        return Some(true);
                    }
                }
            }
        }
        Some(false)
    }

    /// A loop: `Some(true)` when a `return` ran.
    #[inline(never)]
    fn looping(&mut self, stmt: &PStmt, base: usize) -> Option<bool> {
        match stmt {
            PStmt::While { cond, body } => {
                while self.cond(cond, base)? {
                    if self.block(body, base)? {
                        return Some(true);
                    }
                    self.attend()?;
                }
            }
            PStmt::Repeat { body, until } => loop {
                if self.block(body, base)? {
                    return Some(true);
                }
                if self.cond(until, base)? {
                    break;
                }
                self.attend()?;
            },
            PStmt::For { slot, integer, start, end, step, body } => {
                // As `for_local`: bounds and step read once, the counter
                // followed when the body assigns it.
                let start = self.operand(start, base)?;
                let end = self.operand(end, base)?;
                let step = match step {
                    Some(step) => self.operand(step, base)?,
                    None => 1.0,
                };
                let store = |x: f64| if *integer { truncate(x) } else { x };
                let at = base + slot;
                self.stack[at] = store(start);
                loop {
                    let i = self.stack[at];
                    if (step >= 0.0 && i > end) || (step < 0.0 && i < end) {
                        break;
                    }
                    if self.block(body, base)? {
                        return Some(true);
                    }
                    self.attend()?;
                    self.stack[at] = store(self.stack[at] + step);
                }
            }
            PStmt::Set { .. } | PStmt::If { .. } | PStmt::Return(_) | PStmt::ReturnIf { .. } => {
                return self.block(std::slice::from_ref(stmt), base);
            }
        }
        Some(false)
    }

    #[inline(always)]
    fn cond(&mut self, cond: &PCond, base: usize) -> Option<bool> {
        match cond {
            PCond::LocalNumber(op, slot, y) => compare_numbers(*op, self.stack[base + slot], *y),
            PCond::Compare(op, operands) => {
                let x = self.operand(&operands.0, base)?;
                let y = self.operand(&operands.1, base)?;
                compare_numbers(*op, x, y)
            }
            PCond::Const(b) => Some(*b),
        }
    }

    fn expr(&mut self, e: &PExpr, base: usize) -> Option<f64> {
        match e {
            PExpr::Number(_)
            | PExpr::Local(_)
            | PExpr::LocalNumber(..)
            | PExpr::LocalLocal(..)
            | PExpr::LocalModulo(..) => self.leaf(e, base),
            PExpr::ModuloBy(value, n) => Some(modulo(self.operand(value, base)?, *n)),
            PExpr::Add(operands) => Some(self.operand(&operands.0, base)? + self.operand(&operands.1, base)?),
            PExpr::Subtract(operands) => Some(self.operand(&operands.0, base)? - self.operand(&operands.1, base)?),
            PExpr::Multiply(operands) => Some(self.operand(&operands.0, base)? * self.operand(&operands.1, base)?),
            PExpr::Op(op, operands) => {
                let x = self.operand(&operands.0, base)?;
                let y = self.operand(&operands.1, base)?;
                arithmetic(*op, x, y)
            }
            PExpr::Call { method, args } => self.method_call(*method, args, base),
        }
    }

    /// An operand: numbers and locals read here, without a call; so is
    /// `leaf % n` (a superinstruction: `($k*$k)%7` costs no call).
    #[inline(always)]
    fn operand(&mut self, e: &PExpr, base: usize) -> Option<f64> {
        match e {
            PExpr::ModuloBy(value, n) => match self.leaf(value, base) {
                Some(x) => Some(modulo(x, *n)),
                None => self.expr(e, base),
            },
            PExpr::Call { method, args } => self.method_call(*method, args, base),
            _ => match self.leaf(e, base) {
                Some(x) => Some(x),
                None => self.expr(e, base),
            },
        }
    }

    /// A number or a local, alone or with a number or a local: `None` for
    /// other expressions and for an operation that gives no number (which
    /// `expr` then answers).
    #[inline(always)]
    fn leaf(&self, e: &PExpr, base: usize) -> Option<f64> {
        match e {
            PExpr::Number(x) => Some(*x),
            PExpr::Local(slot) => Some(self.stack[base + slot]),
            PExpr::LocalNumber(op, slot, y) => arithmetic(*op, self.stack[base + slot], *y),
            PExpr::LocalLocal(op, a, b) => arithmetic(*op, self.stack[base + a], self.stack[base + b]),
            PExpr::LocalModulo(slot, n) => Some(modulo(self.stack[base + slot], *n)),
            _ => None,
        }
    }

    /// A call of project method `method`: its arguments pushed where its locals begin.
    #[inline(never)]
    fn method_call(&mut self, method: usize, args: &[PExpr], base: usize) -> Option<f64> {
        let loaded = self.loaded;
        let Some(Some(code)) = loaded.get(method) else {
            self.bail = Bail::Load(method);
            return None;
        };
        let path = code.pure.get(args.len())?.as_ref()?;
        let callee = self.stack.len();
        for arg in args {
            let x = self.operand(arg, base)?;
            self.stack.push(x);
        }
        self.call(path, callee)
    }

    /// A request of another process (`ABORT PROCESS BY ID`...) ends the
    /// numeric path: the generic walker attends to it.
    #[inline(always)]
    fn attend(&self) -> Option<()> {
        if self.entry.is_some_and(ProcessEntry::needs_attention) { None } else { Some(()) }
    }
}

/// `x % n` for a divisor whose Integer is not 0, as `arithmetic` computes it.
#[inline(always)]
fn modulo(x: f64, n: i32) -> f64 {
    f64::from((x as i32).wrapping_rem(n))
}

/// A number as an Integer variable keeps it (`store_converted`).
#[inline(always)]
fn truncate(x: f64) -> f64 {
    f64::from(x as i32)
}
