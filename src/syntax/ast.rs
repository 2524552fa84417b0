//! The syntax tree of a 4D method or class file: plain data, every node with a span.
//!
//! Binary operators, prefix operators and postfix chains are kept flat (a list
//! each) because 4D evaluates operators strictly left to right; this also keeps
//! the depth of the tree bounded by bracket nesting, whatever the input.

use crate::diag::Span;

/// A parsed `.4dm` file: a project method, or a class when it declares functions.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Method {
    /// The JSON of the `//%attributes = {...}` first line, when there is one.
    pub attributes: Option<Attributes>,
    /// `//%W-518.1`-style compiler pragmas, in order.
    pub pragmas: Vec<Pragma>,
    /// The statements before the first `Function` or `Class constructor`.
    pub body: Block,
    /// Class members (`Class constructor`, `Function`) with their bodies.
    pub functions: Vec<FunctionDef>,
    pub span: Span,
}

/// The parsed `//%attributes` line.
#[derive(Clone, Debug, PartialEq)]
pub struct Attributes {
    /// The JSON object as written.
    pub json: String,
    /// The values fourd reads.
    pub shared: bool,
    pub invisible: bool,
    pub published_web: bool,
    pub executed_on_server: bool,
    /// `"capable"`, `"incapable"` or `"indifferent"`, when given.
    pub preemptive: Option<String>,
    pub span: Span,
}

/// A `//%` pragma comment.
#[derive(Clone, Debug, PartialEq)]
pub struct Pragma {
    pub text: String,
    pub span: Span,
}

/// A sequence of statements.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Block {
    pub stmts: Vec<Stmt>,
}

impl Block {
    /// A finished block of these statements. Its vector is trimmed to its
    /// length: a block never grows again, most hold one or two statements,
    /// and a vector grown by pushes holds room for four.
    pub fn new(mut stmts: Vec<Stmt>) -> Block {
        stmts.shrink_to_fit();
        Block { stmts }
    }
}

/// A statement with its span.
#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

/// The statements of 4D.
#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// An expression evaluated for its effect: a call, a bare method name.
    Expr(Expr),
    /// `target := value`, `target += value`...
    Assign {
        target: Expr,
        op: AssignOp,
        value: Expr,
    },
    If {
        cond: Expr,
        then_block: Block,
        else_block: Option<Block>,
    },
    Case {
        branches: Vec<CaseBranch>,
        else_block: Option<Block>,
    },
    While {
        cond: Expr,
        body: Block,
    },
    Repeat {
        body: Block,
        until: Expr,
    },
    /// The expressions of `For` and `For each` (and its stop) are boxed, as are the
    /// contents of declarations, to keep every statement small.
    For {
        counter: Box<Expr>,
        start: Box<Expr>,
        end: Box<Expr>,
        step: Option<Box<Expr>>,
        body: Block,
    },
    ForEach {
        item: Box<Expr>,
        source: Box<Expr>,
        begin: Option<Box<Expr>>,
        end: Option<Box<Expr>>,
        stop: Option<Box<LoopStop>>,
        body: Block,
    },
    Use {
        target: Expr,
        body: Block,
    },
    Try {
        body: Block,
        catch: Option<Block>,
    },
    Return(Option<Expr>),
    Break,
    Continue,
    Var(VarDecl),
    Declare(Box<Signature>),
    Property(PropertyDecl),
    ClassExtends(TypeRef),
    /// A `Begin SQL` block, its body kept verbatim.
    Sql {
        text: String,
        body_span: Span,
    },
    /// A line that did not parse; its diagnostic was reported.
    Error,
}

/// `:=` or a compound assignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssignOp {
    Assign,
    Add,
    Subtract,
    Multiply,
    Divide,
}

impl AssignOp {
    pub fn as_str(self) -> &'static str {
        match self {
            AssignOp::Assign => ":=",
            AssignOp::Add => "+=",
            AssignOp::Subtract => "-=",
            AssignOp::Multiply => "*=",
            AssignOp::Divide => "/=",
        }
    }
}

/// `: cond` and its statements.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseBranch {
    pub cond: Expr,
    pub body: Block,
    pub span: Span,
}

/// The `Until`/`While` suffix of `For each`.
#[derive(Clone, Debug, PartialEq)]
pub enum LoopStop {
    Until(Expr),
    While(Expr),
}

/// `var $a; $b : Type := value`
#[derive(Clone, Debug, PartialEq)]
pub struct VarDecl {
    pub names: Vec<Expr>,
    pub ty: Option<Box<TypeRef>>,
    pub init: Option<Box<Expr>>,
}

/// `property a; b : Type := value`
#[derive(Clone, Debug, PartialEq)]
pub struct PropertyDecl {
    pub names: Vec<Ident>,
    pub ty: Option<Box<TypeRef>>,
    pub init: Option<Box<Expr>>,
}

/// A declared type: `Text`, `cs.Person`, `4D.File`.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeRef {
    /// The first name, possibly tokenized (`cs:C1710`).
    pub head: Name,
    /// The dotted members after it (`Person`).
    pub path: Vec<Ident>,
    pub span: Span,
}

/// A plain identifier (property, function or parameter name) with its span.
#[derive(Clone, Debug, PartialEq)]
pub struct Ident {
    pub text: String,
    pub span: Span,
}

/// Parameters and result of `#DECLARE`, `Function` or `Class constructor`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Signature {
    /// Whether a parameter list in parentheses was written.
    pub has_parens: bool,
    pub params: Vec<Param>,
    pub result: Option<ResultDecl>,
}

/// One declared parameter.
#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    /// `None` for the variadic `...`.
    pub name: Option<Ident>,
    pub ty: Option<TypeRef>,
    pub span: Span,
}

/// `-> $r : Type` or `: Type`.
#[derive(Clone, Debug, PartialEq)]
pub struct ResultDecl {
    pub name: Option<Ident>,
    pub ty: Option<TypeRef>,
    pub span: Span,
}

/// What a `Function` line declares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FunctionKind {
    Constructor,
    Function,
    Get,
    Set,
    Query,
    OrderBy,
}

/// A `Class constructor` or `Function` with its body.
#[derive(Clone, Debug, PartialEq)]
pub struct FunctionDef {
    pub kind: FunctionKind,
    /// Lower-case modifiers as written: `shared`, `singleton`, `session`, `exposed`, `local`, `onhttpget`.
    pub modifiers: Vec<String>,
    /// The function name; empty for a constructor.
    pub name: Ident,
    pub signature: Signature,
    pub body: Block,
    /// The declaration line.
    pub span: Span,
}

/// An expression with its span.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

/// The expressions of 4D.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Text(String),
    Number(f64),
    /// A date literal: year, month, day (all 0 for `!00-00-00!`).
    Date {
        year: u16,
        month: u8,
        day: u8,
    },
    /// A time literal, in seconds (may be negative or exceed 24 hours).
    Time(i64),
    Object(Vec<(Ident, Expr)>),
    Collection(Vec<Expr>),
    /// `$name`; `$1`... are locals named by digits.
    Local(String),
    /// `${expr}`
    ParamIndirect(Box<Expr>),
    /// `<>name`
    Interprocess(String),
    /// A command, constant, method or process variable name.
    Name(Name),
    /// `[Table]` or `[Table:n]`
    Table(TableRef),
    /// `[Table]Field` or `[Table:n]Field:m` (boxed, to keep every expression small).
    Field(Box<FieldRef>),
    /// Operands joined by binary operators, evaluated left to right.
    Binary {
        first: Box<Expr>,
        rest: Vec<(BinOp, Expr)>,
    },
    /// Prefix operators applied right to left to the operand.
    Prefix {
        ops: Vec<PrefixOp>,
        operand: Box<Expr>,
    },
    /// A primary followed by member accesses, indexes, calls and dereferences.
    Postfix {
        base: Box<Expr>,
        ops: Vec<PostfixOp>,
    },
    /// `cond ? a : b`
    Ternary {
        cond: Box<Expr>,
        then_expr: Box<Expr>,
        else_expr: Box<Expr>,
    },
    /// `Try(expr)`
    Try(Box<Expr>),
    /// `*`, `>`, `<` or a query comparator (`=`, `#`, `<=`...) passed alone as an argument.
    Marker(String),
    /// `&` or `|` as a query conjunction argument, optionally before its criterion.
    Conjunction {
        op: char,
        operand: Option<Box<Expr>>,
    },
    /// `target := value` inside call arguments (as in `Formula($1.x:=1)`).
    Assign {
        target: Box<Expr>,
        op: AssignOp,
        value: Box<Expr>,
    },
    /// An expression that did not parse; its diagnostic was reported.
    Error,
}

/// A name as written: its words and its token, if the file was saved tokenized.
/// Its span is that of its expression (or type): an expression is 56 bytes.
#[derive(Clone, Debug, PartialEq)]
pub struct Name {
    pub text: String,
    pub token: Option<Token>,
}

/// A token suffix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Token {
    /// `:C41`
    Command(u32),
    /// `:K8:3`: theme and index in the theme.
    Constant(u32, u32),
    /// `:P12000:19`
    Plugin(u32, u32),
}

/// `[Table]Field` or `[Table:n]Field:m`.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldRef {
    pub table: TableRef,
    pub field: String,
    pub number: Option<u32>,
}

/// `[Table]` or `[Table:n]`.
#[derive(Clone, Debug, PartialEq)]
pub struct TableRef {
    pub name: String,
    pub number: Option<u32>,
}

/// The binary operators of 4D.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Subtract,
    Multiply,
    Divide,
    IntDivide,
    Modulo,
    Power,
    Equal,
    NotEqual,
    Less,
    Greater,
    LessEqual,
    GreaterEqual,
    /// `&`: logical or bitwise AND.
    And,
    /// `|`: logical or bitwise OR.
    Or,
    /// `&&`
    AndThen,
    /// `||`
    OrElse,
    /// `^|`
    BitXor,
    ShiftLeft,
    ShiftRight,
    /// `?+`
    BitSet,
    /// `?-`
    BitClear,
    /// `??`
    BitTest,
    /// `*+`: a picture scaled horizontally.
    ScaleHorizontally,
    /// `*|`: a picture scaled vertically.
    ScaleVertically,
}

impl BinOp {
    pub fn from_symbol(text: &str) -> Option<BinOp> {
        Some(match text {
            "+" => BinOp::Add,
            "-" => BinOp::Subtract,
            "*" => BinOp::Multiply,
            "/" => BinOp::Divide,
            "\\" => BinOp::IntDivide,
            "%" => BinOp::Modulo,
            "^" => BinOp::Power,
            "=" => BinOp::Equal,
            "#" => BinOp::NotEqual,
            "<" => BinOp::Less,
            ">" => BinOp::Greater,
            "<=" => BinOp::LessEqual,
            ">=" => BinOp::GreaterEqual,
            "&" => BinOp::And,
            "|" => BinOp::Or,
            "&&" => BinOp::AndThen,
            "||" => BinOp::OrElse,
            "^|" => BinOp::BitXor,
            "<<" => BinOp::ShiftLeft,
            ">>" => BinOp::ShiftRight,
            "?+" => BinOp::BitSet,
            "?-" => BinOp::BitClear,
            "??" => BinOp::BitTest,
            "*+" => BinOp::ScaleHorizontally,
            "*|" => BinOp::ScaleVertically,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Subtract => "-",
            BinOp::Multiply => "*",
            BinOp::Divide => "/",
            BinOp::IntDivide => "\\",
            BinOp::Modulo => "%",
            BinOp::Power => "^",
            BinOp::Equal => "=",
            BinOp::NotEqual => "#",
            BinOp::Less => "<",
            BinOp::Greater => ">",
            BinOp::LessEqual => "<=",
            BinOp::GreaterEqual => ">=",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::AndThen => "&&",
            BinOp::OrElse => "||",
            BinOp::BitXor => "^|",
            BinOp::ShiftLeft => "<<",
            BinOp::ShiftRight => ">>",
            BinOp::BitSet => "?+",
            BinOp::BitClear => "?-",
            BinOp::BitTest => "??",
            BinOp::ScaleHorizontally => "*+",
            BinOp::ScaleVertically => "*|",
        }
    }
}

/// Prefix operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrefixOp {
    /// `-x`
    Negate,
    /// `->x`
    PointerTo,
}

/// One step of a postfix chain.
#[derive(Clone, Debug, PartialEq)]
pub enum PostfixOp {
    /// `.name`
    Member(Ident),
    /// `[expr]`
    Index(Expr),
    /// `[[expr]]`
    CharIndex(Expr),
    /// `{expr}`
    ArrayElement(Expr),
    /// `(args)`
    Call { args: Vec<Expr>, span: Span },
    /// `->`
    Deref(Span),
    /// `->name`: a property of the pointed object.
    DerefMember(Ident),
}
