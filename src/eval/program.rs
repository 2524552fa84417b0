//! The resolved program: what the evaluator walks.
//!
//! Every name has been resolved: locals to frame slots, parameters to their
//! position, process variables to table slots, commands to their table row,
//! constants to their value, project methods to a method index. The
//! evaluator never looks a name up by string. The code of formulas is held by
//! `Rc`; sharing programs between the threads of several 4D processes will
//! turn these into `Arc`.

use std::sync::Arc;

use crate::commands::CommandId;
use crate::commands::members::MemberIds;
use crate::diag::{SourceId, Span};
pub use crate::runtime::types::VarType;
use crate::syntax::ast::{AssignOp, BinOp};

/// A resolved project method.
#[derive(Debug)]
pub struct MethodCode {
    pub name: String,
    pub source: SourceId,
    /// Local variables by slot, with their names (for messages and the REPL).
    pub locals: Vec<LocalInfo>,
    /// The slots of the declared parameters, in order (`#DECLARE`).
    pub params: Vec<ParamInfo>,
    /// Whether the declared parameters hold local slots 0, 1... in order, so
    /// that the arguments passed become those locals where they lie.
    pub params_in_place: bool,
    /// Whether a variadic `...` tail was declared.
    pub variadic: Option<VarType>,
    pub result: ResultKind,
    pub body: Vec<Stmt>,
    /// The numeric path of the method for each count of arguments
    /// (`eval::pure`); empty for most methods.
    pub pure: Box<[Option<super::pure::PureCode>]>,
    /// For a `Class constructor`: its class, and whether the class extends another.
    pub constructor: Option<ConstructorOf>,
    /// `"publishedWeb":true` in the method's attributes: `/4DACTION/` may run it.
    pub published_web: bool,
    /// The privileges a call of this project method is promoted to (a
    /// `promote` permission of roles.json), through `includes`; `None` for
    /// nearly every method, whose calls then never look at promotions.
    pub promotes: Option<std::sync::Arc<[Box<str>]>>,
    /// The project the code belongs to: the host (`components::HOST`) or a
    /// component; names looked up while it runs (`cs`, `Storage`, methods by
    /// name) are looked up there.
    pub context: u16,
}

/// What a constructor belongs to (for `Super()` and the checks around it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConstructorOf {
    pub class: usize,
    /// `Class extends`: `Super()` must run before `This` is used.
    pub derived: bool,
}

/// A resolved user class (`Classes/<name>.4dm`).
#[derive(Debug)]
pub struct ClassCode {
    /// The class name as the file is named (class names are case-sensitive).
    pub name: String,
    /// Its index in the run's class table (the same in every process).
    pub index: usize,
    /// `Class extends`: the index of the parent class; `None` for `4D.Object`.
    pub parent: Option<usize>,
    pub constructor: Option<ClassFunction>,
    /// `Function name`, `Function get name`, `Function set name`, by name (case-sensitive).
    pub functions: std::collections::HashMap<Box<str>, ClassFunction>,
    pub getters: std::collections::HashMap<Box<str>, ClassFunction>,
    pub setters: std::collections::HashMap<Box<str>, ClassFunction>,
    /// `property` declarations, in order.
    pub properties: Vec<PropertyCode>,
    /// `shared Class constructor`: instances are shared objects.
    pub shared: bool,
    /// `singleton Class constructor`: one instance (`cs.X.me`) per process, or per run when shared.
    pub singleton: bool,
    /// `session singleton Class constructor`.
    pub session_singleton: bool,
}

/// A function of a class (or its constructor).
#[derive(Debug, Clone)]
pub struct ClassFunction {
    pub code: Arc<MethodCode>,
    /// `shared Function`: runs inside `Use (This)`.
    pub shared: bool,
    /// The source text of the function (`.source` of its `4D.Function`).
    pub source: Arc<str>,
}

/// A `property` declaration.
#[derive(Debug)]
pub struct PropertyCode {
    pub name: Box<str>,
    pub ty: VarType,
    /// The initial value's expression, as the body of a small method run with `This`.
    pub init: Option<Arc<MethodCode>>,
}

/// A local variable.
#[derive(Clone, Debug)]
pub struct LocalInfo {
    pub name: String,
    /// The declared type; `Variant` when undeclared.
    pub ty: VarType,
    /// Whether `var` or a directive declared it (`Type` then gives the declared type).
    pub declared: bool,
}

/// The position read by an [`ExprKind::CharIs`].
#[derive(Clone, Copy, Debug)]
pub enum CharPosition {
    Local(usize),
    Number(f64),
}

/// The tree of an [`ExprKind::Numeric`], in 4D's left-to-right order.
#[derive(Clone, Debug)]
pub enum NumTree {
    Number(f64),
    Local(usize),
    CountParameters,
    /// `$local.name`: the property of a plain object held by a local, read
    /// at the position the place `site` keeps for the object's layout (the
    /// generic form reads it, and keeps the position, the first time).
    Member {
        slot: usize,
        site: u32,
    },
    /// `$n.name` (`n` a number literal, 1 or more), as `Member` for the
    /// parameter `$n` (a formula's `$1`, a callback's object).
    ParamMember {
        n: usize,
        site: u32,
    },
    /// An arithmetic operator (`+ - * / %`).
    Op(BinOp, Box<NumTree>, Box<NumTree>),
    /// A comparison; only at the top of a tree (its value is a Boolean).
    Compare(BinOp, Box<NumTree>, Box<NumTree>),
}

/// A declared parameter: its slot and type, and where it is declared.
#[derive(Clone, Copy, Debug)]
pub struct ParamInfo {
    pub slot: usize,
    pub ty: VarType,
    pub span: crate::diag::Span,
}

/// How a method produces its result.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ResultKind {
    /// Legacy: whatever `$0` holds at the end (the slot of `$0`, if used).
    Legacy(Option<usize>),
    /// `#DECLARE(...) -> $r : T`: the slot of `$r`.
    Named(usize),
    /// `#DECLARE(...) : T`: the value of `return expr`.
    Typed(VarType),
}

/// A resolved statement.
#[derive(Debug)]
pub enum Stmt {
    Expr(Expr),
    Assign {
        target: Place,
        op: AssignOp,
        value: Expr,
        span: Span,
    },
    /// `$local := value`: a number computed in place is stored without a
    /// `Value` in between.
    SetLocal {
        slot: usize,
        value: Expr,
        span: Span,
    },
    /// `$v := $v + a + b...`: appended in place, without copying the text.
    Append {
        slot: usize,
        parts: Vec<Expr>,
        span: Span,
    },
    /// `var $x : T` (re)initialises a typed local.
    Declare {
        slots: Vec<usize>,
        init: Option<Expr>,
        span: Span,
    },
    /// `C_LONGINT(vN)` and its kin on process and interprocess variables:
    /// each that holds nothing yet gets the empty value of its type.
    DeclareGlobal {
        vars: Vec<(Place, VarType)>,
    },
    If {
        cond: Expr,
        then_block: Vec<Stmt>,
        else_block: Vec<Stmt>,
    },
    Case {
        branches: Vec<(Expr, Vec<Stmt>)>,
        else_block: Vec<Stmt>,
    },
    While {
        cond: Expr,
        body: Vec<Stmt>,
    },
    Repeat {
        body: Vec<Stmt>,
        until: Expr,
    },
    For {
        counter: Place,
        start: Expr,
        end: Expr,
        step: Option<Expr>,
        body: Vec<Stmt>,
        span: Span,
    },
    ForEach {
        item: Place,
        source: Expr,
        begin: Option<Expr>,
        end: Option<Expr>,
        stop: Option<Stop>,
        body: Vec<Stmt>,
        span: Span,
    },
    Try {
        body: Vec<Stmt>,
        catch: Vec<Stmt>,
    },
    Return {
        value: Option<Expr>,
        span: Span,
    },
    Break,
    Continue,
    /// `Use (target) ... End use`: the body runs with the lock of the target's shared group.
    Use {
        target: Expr,
        body: Vec<Stmt>,
        span: Span,
    },
    /// A `For` loop of numeric locals run on the numeric walker
    /// (`eval::pure`), or as `generic` when that gives up.
    NumericLoop {
        path: Box<super::pure::PureLoop>,
        generic: Box<Stmt>,
    },
    /// A statement fourd parses but does not run (`Begin SQL`): an error when reached.
    Unsupported {
        what: String,
        span: Span,
    },
}

/// The `Until`/`While` of `For each`.
#[derive(Debug)]
pub enum Stop {
    Until(Expr),
    While(Expr),
}

/// Something that can be assigned to.
#[derive(Debug)]
pub enum Place {
    Local(usize),
    /// `$1`... or `${n}`: a parameter by its 1-based position.
    Param(Box<Expr>),
    Process(usize),
    /// `<>name`, by its slot among the process variables' slots.
    Interprocess(usize),
    /// A part of an interprocess variable (`<>a{2}`, `<>o.name`): written in
    /// the process's copy, which is then assigned to the variable.
    Publish {
        slot: usize,
        place: Box<Place>,
    },
    Member {
        object: Box<Expr>,
        name: Box<str>,
        span: Span,
        /// The place's number, for the layout the process keeps for it (`exec::sites`).
        site: u32,
    },
    Index {
        target: Box<Expr>,
        index: Box<Expr>,
        span: Span,
    },
    CharIndex {
        text: Box<Place>,
        index: Box<Expr>,
        span: Span,
    },
    /// `p->`: the variable a pointer designates.
    Deref {
        pointer: Box<Expr>,
        span: Span,
    },
    /// `$a{i}`: an array element.
    ArrayElement {
        array: Box<Expr>,
        index: Box<Expr>,
        span: Span,
    },
}

/// A system variable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SystemVar {
    Error,
    ErrorMethod,
    ErrorLine,
    ErrorFormula,
}

/// A literal value (no `Rc` here, so that programs can cross threads).
#[derive(Debug, Clone)]
pub enum Literal {
    Number(f64),
    /// A text and its number among the run's text literals (each process
    /// makes its `Text` once, in `Process::text_literal`).
    Text(Box<str>, u32),
    Bool(bool),
    Date {
        year: u16,
        month: u8,
        day: u8,
    },
    Time(i64),
    Null,
}

/// A resolved expression. Nodes are 16-byte aligned (80 bytes): measured
/// a little faster on `fib` than 8-byte aligned ones of the same size.
#[derive(Debug)]
#[repr(align(16))]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

/// The kinds of expression. The tag is a byte of its own (`repr(u8)`): when
/// the layout let the compiler hide the tag in a field's spare values, every
/// `match` on a kind took extra instructions to decode it (`fib`: 3.8% more
/// instructions, 11% slower).
#[derive(Debug)]
#[repr(u8)]
pub enum ExprKind {
    Literal(Literal),
    Local(usize),
    /// `$1`, `${n}`: the parameter at a 1-based position.
    Param(Box<Expr>),
    Process(usize),
    /// `<>name`: an interprocess variable, by its slot.
    Interprocess(usize),
    /// A call that may change the interprocess variables it is given in
    /// place (`APPEND TO ARRAY(<>a; 1)`, `<>c.push(1)`): they are assigned
    /// their new content after it.
    Publish {
        slots: Vec<usize>,
        call: Box<Expr>,
    },
    Command {
        id: CommandId,
        args: Vec<Expr>,
        star: bool,
        /// A comparison marker argument (`>`, `<`...).
        marker: Option<&'static str>,
    },
    MethodCall {
        method: usize,
        args: Vec<Expr>,
    },
    /// The body of `Formula(method)`: calls the method with the formula's own arguments.
    ForwardCall {
        method: usize,
    },
    /// `->place`
    PointerTo(Box<Place>),
    /// `p->`
    Deref(Box<Expr>),
    /// `$a{i}`
    ArrayElement {
        array: Box<Expr>,
        index: Box<Expr>,
    },
    /// `This`
    This,
    /// `cs.Name`: the class object of a user class, by index.
    ClassRef(usize),
    /// `cs` alone: the user class store.
    ClassStore,
    /// `Super(args)` in a function of the class at `class`: the parent's constructor.
    SuperCall {
        class: usize,
        args: Vec<Expr>,
    },
    /// `Super.name(args)` in a function of the class at `class`: the parent's function.
    SuperMember {
        class: usize,
        name: Box<str>,
        args: Vec<Expr>,
    },
    /// `Formula(expr)`: its code, the locals it captures (outer slot, inner slot), its source.
    Formula {
        code: Arc<MethodCode>,
        captures: Vec<(usize, usize)>,
        source: Box<str>,
    },
    SystemVar(SystemVar),
    /// `f(args)` on a value that is not a name: a formula call.
    CallValue {
        function: Box<Expr>,
        args: Vec<Expr>,
    },
    Binary {
        first: Box<Expr>,
        rest: Vec<(BinOp, Expr)>,
    },
    /// `$local op number` (`$n<2`, `$i%97`): a `Binary` evaluated without
    /// evaluating its operands as expressions.
    LocalNumber {
        slot: usize,
        op: BinOp,
        number: f64,
    },
    /// A `Binary` of locals, number literals and `Count parameters` under
    /// `+ - * / %` (with at most one comparison, last): computed on plain
    /// numbers when every local it reads holds one, else as `generic`.
    Numeric {
        tree: Box<NumTree>,
        generic: Box<Expr>,
    },
    /// `$text[[i]] = "c"` (or `#`), `i` a local or a number literal and `c` one
    /// ASCII character: decided on the local's bytes when it holds an ASCII
    /// text and `i` is inside it, else as `generic`.
    CharIs {
        slot: usize,
        index: CharPosition,
        byte: u8,
        equal: bool,
        generic: Box<Expr>,
    },
    /// `Count parameters` (command 259), answered from the running call.
    CountParameters,
    Negate(Box<Expr>),
    Member {
        object: Box<Expr>,
        name: Box<str>,
        /// The place's number, for the layout the process keeps for it (`exec::sites`).
        site: u32,
    },
    /// `New object(name; value; ...)` with every name a text literal, all
    /// different: the object is built with the layout the process keeps for
    /// the place (`exec::sites`), without a search per name.
    NewObject {
        site: u32,
        names: Box<[Box<str>]>,
        values: Vec<Expr>,
    },
    /// `value.name(args)`: a member function, with the rows of its name in
    /// the member tables (`commands::members`), or a formula the object holds.
    MemberCall {
        object: Box<Expr>,
        name: Box<str>,
        members: MemberIds,
        args: Vec<Expr>,
    },
    Index {
        target: Box<Expr>,
        index: Box<Expr>,
    },
    /// `target[index](args)`: the function a property (or an element) holds,
    /// called with `This` bound to `target`.
    IndexCall {
        target: Box<Expr>,
        index: Box<Expr>,
        args: Vec<Expr>,
    },
    CharIndex {
        text: Box<Expr>,
        index: Box<Expr>,
    },
    Ternary {
        cond: Box<Expr>,
        then_expr: Box<Expr>,
        else_expr: Box<Expr>,
    },
    Object(Vec<(Box<str>, Expr)>),
    Collection(Vec<Expr>),
    Try(Box<Expr>),
    /// A construct fourd parses but does not run yet: an error when evaluated.
    Unsupported(String),
    /// A command call that no documented form of the command takes (a
    /// warning at resolution): error -10503 when evaluated.
    BadCall(String),
}

/// The number of the next text literal resolved in this run.
static NEXT_TEXT_LITERAL: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

/// The number of the next place that keeps a layout (`exec::sites`).
static NEXT_SITE: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

/// A new place's number (see `ExprKind::Member`).
pub fn site() -> u32 {
    NEXT_SITE.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// A text literal with its own number.
pub fn text_literal(text: impl Into<Box<str>>) -> Literal {
    Literal::Text(text.into(), NEXT_TEXT_LITERAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
}

impl Expr {
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        Expr { kind, span }
    }
}

/// Resolved code is shared by the threads of a run's processes.
const _: () = {
    const fn shareable<T: Send + Sync>() {}
    shareable::<MethodCode>();
    shareable::<ClassCode>();
};
