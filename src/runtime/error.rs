//! Runtime errors: a 4D error code, a message, where it happened and the chain of calls.

use crate::diag::Span;

/// One frame of the chain of calls, innermost first.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    /// The method (or `Class.function`) that was running.
    pub method: String,
    /// Where in it: the statement or call that was being run.
    pub span: Span,
}

/// A 4D runtime error on its way up the chain of calls.
#[derive(Clone, Debug)]
pub struct RuntimeError(pub Box<ErrorInfo>);

/// What a [`RuntimeError`] carries; boxed so that `Result` stays small.
#[derive(Clone, Debug)]
pub struct ErrorInfo {
    /// The 4D error code (`-10518` for a failed `ASSERT`).
    pub code: i32,
    pub message: String,
    /// The four-character origin: `4DRT` for the runtime, `host` for `throw`.
    pub component: String,
    /// Where the error was raised, once known.
    pub span: Option<Span>,
    /// The chain of calls, innermost first, filled while unwinding.
    pub frames: Vec<Frame>,
    /// The object given to `throw`, whose other properties `Last errors` shows.
    pub thrown: Option<crate::runtime::value::Value>,
    /// Whether the error is already on the process's error stack.
    pub recorded: bool,
    /// Whether it was already offered to the `ON ERR CALL` handler.
    pub offered: bool,
}

impl RuntimeError {
    /// An error of the 4D runtime (`4DRT`).
    pub fn new(code: i32, message: impl Into<String>) -> RuntimeError {
        RuntimeError(Box::new(ErrorInfo {
            code,
            message: message.into(),
            component: String::from("4DRT"),
            span: None,
            frames: Vec::new(),
            thrown: None,
            recorded: false,
            offered: false,
        }))
    }

    pub fn code(&self) -> i32 {
        self.0.code
    }

    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// Sets where the error was raised, unless already known.
    pub fn at(mut self, span: Span) -> RuntimeError {
        if self.0.span.is_none() {
            self.0.span = Some(span);
        }
        self
    }
}

/// Which errors an `ON ERR CALL` handler catches (its `scope` parameter).
/// Handlers belong to the project that installs them, the host or a
/// component: an error in a project's code goes to that project's handlers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorScope {
    /// `ek local` (0): the errors of the installing process.
    Local,
    /// `ek global` (1): the errors of every process (a process's local
    /// handler comes first).
    Global,
    /// `ek errors from components` (2): the errors of components that have
    /// no handler of their own, in every process.
    Components,
}

impl ErrorScope {
    /// The scope of a `scope` parameter's value.
    pub fn from_number(n: f64) -> Option<ErrorScope> {
        match n as i64 {
            0 => Some(ErrorScope::Local),
            1 => Some(ErrorScope::Global),
            2 => Some(ErrorScope::Components),
            _ => None,
        }
    }
}

/// Installed error handlers: a method name by installing project (its
/// context: 0 for the host, k for component k) and scope.
#[derive(Clone, Debug, Default)]
pub struct ErrorHandlers(Vec<(u16, ErrorScope, String)>);

impl ErrorHandlers {
    /// The handler that project `context` installed for `scope`.
    pub fn get(&self, context: u16, scope: ErrorScope) -> Option<&str> {
        self.0.iter().find(|(c, s, _)| *c == context && *s == scope).map(|(_, _, name)| name.as_str())
    }

    /// Installs `method` for project `context` and `scope`, or with `None`
    /// removes the handler there.
    pub fn set(&mut self, context: u16, scope: ErrorScope, method: Option<String>) {
        self.0.retain(|(c, s, _)| !(*c == context && *s == scope));
        if let Some(method) = method {
            self.0.push((context, scope, method));
        }
    }
}

/// The error state of a process: handlers, the current error stack and the
/// `Error`... system variables.
#[derive(Debug, Default)]
pub struct ErrorState {
    /// The methods installed by `ON ERR CALL` for the process (`ek local`),
    /// by the project that installed them; for code run outside a run's
    /// processes, the application-wide ones too (see [`ErrorScope`]).
    pub handlers: ErrorHandlers,
    /// Bumped at each `ON ERR CALL`, so that a `Try` knows whether the handler
    /// was installed inside it (then the handler is called) or before it.
    pub generation: u64,
    /// The errors of the last error event, oldest first (`Last errors`).
    pub last: Vec<RuntimeError>,
    /// `Error`, `Error method`, `Error line`, `Error formula`.
    pub error: i32,
    pub error_method: String,
    pub error_line: i32,
    pub error_formula: String,
    /// `SET ASSERT ENABLED(...; *)`: this process's own setting, and how many
    /// run-wide settings there had been when it was made (a later run-wide
    /// one overrides it).
    pub asserts: Option<(bool, u64)>,
    /// Whether the errors on the stack were dealt with (by a handler or a
    /// `Try`): the next error then starts a new stack.
    pub settled: bool,
    /// Errors thrown in deferred mode, with the call depth that raises them on return.
    pub deferred: Vec<(usize, RuntimeError)>,
}

/// Error codes fourd raises. Where 4D documents a code it is used; the others
/// are fourd's own choice, listed in DECISIONS.md.
pub mod codes {
    /// `ASSERT` failed (documented).
    pub const ASSERT_FAILED: i32 = -10518;
    /// Operands of an operator have incompatible types.
    pub const INCOMPATIBLE_TYPES: i32 = -10502;
    /// A command or method got a wrong number or kind of arguments.
    pub const BAD_ARGUMENTS: i32 = -10503;
    /// A property was read or written on something that is not an object.
    pub const NOT_AN_OBJECT: i32 = -10507;
    /// An index is outside a collection, array or text.
    pub const INDEX_OUT_OF_RANGE: i32 = -10508;
    /// Division by zero in an integer operation.
    pub const DIVISION_BY_ZERO: i32 = -10509;
    /// The method or function calls itself too deeply.
    pub const STACK_FULL: i32 = -10510;
    /// A name that is neither a variable, a method nor a supported command.
    pub const UNKNOWN_NAME: i32 = -10511;
    /// A value of the wrong type for the variable it is assigned to.
    pub const TYPE_MISMATCH: i32 = -10512;
    /// A feature fourd does not run (`Begin SQL`, an unsupported command).
    pub const NOT_SUPPORTED: i32 = -10513;
    /// A shared object or collection changed outside `Use` (fourd's choice:
    /// the documentation gives no code).
    pub const OUTSIDE_USE: i32 = -10516;
    /// A shared object or collection of one group stored into another group.
    pub const OTHER_GROUP: i32 = -10517;
    /// A `Use` that would wait forever: the processes wait for each other (fourd's addition).
    pub const DEADLOCK: i32 = -10519;
    /// A value a shared object or collection cannot hold (documented).
    pub const NOT_SHAREABLE: i32 = -10721;
    /// The process was aborted (`ABORT PROCESS BY ID`): not an error to report,
    /// and neither `Try` nor a handler stops it.
    pub const ABORTED: i32 = -10520;
    /// `New process` while too many processes run at once (fourd's limit).
    pub const TOO_MANY_PROCESSES: i32 = -10515;
    /// `OB Instance of` got something that is not a class object (documented).
    pub const NOT_A_CLASS: i32 = -10745;
    /// `This` used before `Super()` in a derived constructor (documented).
    pub const THIS_BEFORE_SUPER: i32 = -10743;
    /// `Super()` outside a constructor or called twice (documented).
    pub const SUPER_MISUSED: i32 = -10746;
    /// A derived constructor that did not call `Super()` (documented).
    pub const CONSTRUCTORS_NOT_CALLED: i32 = -10748;
    /// Assigning a computed property that has no `Function set`: fourd's code
    /// (the documentation gives none; 4D's own message says the property is read-only).
    pub const READ_ONLY_PROPERTY: i32 = -10700;
    /// A nil pointer, or a pointer to a local whose method has returned, was dereferenced.
    pub const NIL_POINTER: i32 = -10514;
    /// A text or a collection would grow past fourd's limits
    /// (`runtime::types::MAX_TEXT_BYTES`, `MAX_ELEMENTS`): 4D's "not enough
    /// memory to perform this operation".
    pub const NOT_ENOUGH_MEMORY: i32 = -108;
}
