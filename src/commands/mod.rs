//! The one command table and the handlers of 4D's built-in commands.
//!
//! A command is one row of `table.rs` (number, name, argument counts, theme,
//! handler) and one handler function with the shape every handler has:
//! `fn(&mut Ctx, &Args) -> Result<Value, RuntimeError>`. Resolution finds a
//! row by number (tokenized source) or by the longest run of words; the
//! evaluator then calls the handler through its index. Commands never see the
//! AST; they reach the evaluator only through the [`Host`] trait in [`Ctx`].

mod arrays;
pub mod asynchronous;
mod blob;
mod blob_compression;
pub mod catalog;
mod charsets;
pub mod collections;
pub mod constants;
pub mod crypto;
mod date_time;
mod design;
mod errors;
pub mod external;
pub mod files;
pub mod http_agent;
mod http_client;
mod http_options;
pub mod http_request;
pub mod http_send;
mod json_schema;
mod language;
pub mod localization;
mod math;
pub mod members;
mod messages;
mod objects;
mod password;
mod pictures;
mod processes;
pub mod sessions;
mod signals;
pub mod signatures;
mod string;
mod system;
pub mod system_worker;
pub mod table;
pub mod tags;
mod tools;
mod variable_blob;
pub mod web;
mod web_forms;
pub mod web_options;
pub mod xml;

pub use language::{COUNT_PARAMETERS, EXECUTE_METHOD};
pub use objects::NEW_OBJECT;
use std::collections::HashMap;
use std::sync::LazyLock;

use crate::runtime::error::{ErrorState, RuntimeError, codes};
use crate::runtime::value::{ArrayRef, CollectionRef, ObjectRef, Pointer, Value};

/// A command handler.
pub type Handler = fn(&mut Ctx<'_>, &Args<'_>) -> Result<Value, RuntimeError>;

/// The themes of the 4D reference ("Commands by theme").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Arrays,
    Blob,
    Files,
    Formulas,
    Interruptions,
    Language,
    Math,
    Messages,
    ObjectsLanguage,
    Pictures,
    Processes,
    Sessions,
    DateAndTime,
    Environment,
    String,
    SystemEnvironment,
    SystemDocuments,
    Tools,
    HttpClient,
    WebServer,
    Xml,
    XmlDom,
}

impl Theme {
    pub fn name(self) -> &'static str {
        match self {
            Theme::Arrays => "Arrays",
            Theme::Blob => "BLOB",
            Theme::Files => "Files",
            Theme::Formulas => "Formulas",
            Theme::Interruptions => "Interruptions",
            Theme::Language => "Language",
            Theme::Math => "Math",
            Theme::Messages => "Messages",
            Theme::ObjectsLanguage => "Objects (Language)",
            Theme::Pictures => "Pictures",
            Theme::Processes => "Processes",
            Theme::Sessions => "Sessions",
            Theme::DateAndTime => "Date and Time",
            Theme::Environment => "Environment",
            Theme::String => "String",
            Theme::SystemEnvironment => "System Environment",
            Theme::SystemDocuments => "System Documents",
            Theme::Tools => "Tools",
            Theme::HttpClient => "HTTP Client",
            Theme::WebServer => "Web Server",
            Theme::Xml => "XML",
            Theme::XmlDom => "XML DOM",
        }
    }
}

/// One row of the command table.
#[derive(Debug)]
pub struct CommandSpec {
    pub number: u32,
    /// The exact 4D spelling.
    pub name: &'static str,
    pub min_args: u8,
    /// `u8::MAX` for a variadic command.
    pub max_args: u8,
    pub theme: Theme,
    pub handler: Handler,
    /// The arguments passed by reference (bit `i` for argument `i`): the
    /// handler receives a pointer to the variable (`ARRAY TEXT($a; 2)`).
    pub refs: u8,
    /// The arguments passed by reference when they are a variable and by
    /// value otherwise (bit `i` for argument `i`): `OB SET($o; ...)` creates
    /// the object of a variable that holds none, `OB SET($a.b; ...)` changes
    /// the object `$a.b` holds.
    pub places: u8,
    /// Whether a `*` argument is documented (`Position(...; *)`). The `*` is
    /// not counted in `min_args` and `max_args`; a `*` passed to a command
    /// that documents none is an error.
    pub star: bool,
}

/// Builds a table row.
pub const fn cmd(number: u32, name: &'static str, args: (u8, u8), theme: Theme, handler: Handler) -> CommandSpec {
    CommandSpec { number, name, min_args: args.0, max_args: args.1, theme, handler, refs: 0, places: 0, star: false }
}

impl CommandSpec {
    /// The same row, with the arguments of `mask` passed by reference.
    pub const fn refs(mut self, mask: u8) -> CommandSpec {
        self.refs = mask;
        self
    }

    /// The same row, with the arguments of `mask` passed by reference when they are variables.
    pub const fn places(mut self, mask: u8) -> CommandSpec {
        self.places = mask;
        self
    }

    /// The same row, taking a `*` argument.
    pub const fn star(mut self) -> CommandSpec {
        self.star = true;
        self
    }

    /// The documented signature (`Position ( find ; aString {; start ...} ) : Integer`).
    pub fn signature(&self) -> Option<&'static str> {
        signatures::by_name(self.name).map(|s| s.signature)
    }

    /// The documented types of the parameters of the first form, in order
    /// (`["Text", "Text", "Integer", "Integer", "Operator"]` for `Position`);
    /// `None` when the docs were not read for this row.
    pub fn parameter_types(&self) -> Option<&'static [&'static str]> {
        signatures::by_name(self.name).and_then(|s| s.parameter_types.as_deref())
    }

    /// The documented type of the function result (`Integer` for `Position`);
    /// `None` for a command that returns nothing, or when not known.
    pub fn result_type(&self) -> Option<&'static str> {
        signatures::by_name(self.name).and_then(|s| s.result_type)
    }

    /// Whether the docs call the command thread safe; `None` when they do not say.
    pub fn thread_safe(&self) -> Option<bool> {
        signatures::by_name(self.name).and_then(|s| s.thread_safe)
    }

    /// Whether argument `i` is passed by reference.
    /// Beyond the eighth argument, the last two bits of the mask repeat
    /// (commands taking pairs of arguments, `SORT ARRAY`'s arrays).
    pub fn by_ref(&self, i: usize) -> bool {
        let bit = if i < 8 { i } else { 6 + i % 2 };
        self.refs & (1 << bit) != 0
    }

    /// Whether argument `i` is passed by reference when it is a variable.
    pub fn by_place(&self, i: usize) -> bool {
        i < 8 && self.places & (1 << i) != 0
    }
}

/// An index into [`table::COMMANDS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CommandId(pub u16);

impl CommandId {
    pub fn spec(self) -> &'static CommandSpec {
        &table::COMMANDS[self.0 as usize]
    }
}

/// Lookup of commands by number and by normalised name.
pub struct Registry {
    by_number: HashMap<u32, CommandId>,
    by_name: HashMap<String, CommandId>,
    /// Every known 4D command's name (normalised) and number, implemented or not.
    known: HashMap<String, u32>,
}

/// The registry, built once from the table.
pub static REGISTRY: LazyLock<Registry> = LazyLock::new(|| {
    let mut by_number = HashMap::new();
    let mut by_name = HashMap::new();
    for (index, spec) in table::COMMANDS.iter().enumerate() {
        let id = CommandId(u16::try_from(index).unwrap_or(u16::MAX));
        by_number.insert(spec.number, id);
        by_name.insert(crate::names::normalize(spec.name), id);
    }
    let known: HashMap<String, u32> =
        catalog::CATALOG.iter().map(|&(number, name)| (crate::names::normalize(name), number)).collect();
    // A command's former names (`Get process activity`) call it too, even
    // when the name is also catalogued under another number.
    for &(number, name) in catalog::CATALOG {
        if let Some(&id) = by_number.get(&number) {
            by_name.entry(crate::names::normalize(name)).or_insert(id);
        }
    }
    Registry { by_number, by_name, known }
});

impl Registry {
    pub fn by_number(&self, number: u32) -> Option<CommandId> {
        self.by_number.get(&number).copied()
    }

    /// The command named exactly `normalized` (lower case, single spaces).
    pub fn by_name(&self, normalized: &str) -> Option<CommandId> {
        self.by_name.get(normalized).copied()
    }

    /// The number of the 4D command named `normalized`, implemented by fourd or not.
    pub fn known_number(&self, normalized: &str) -> Option<u32> {
        self.known.get(normalized).copied()
    }
}

/// Where output goes: the terminal in `fourd run`, a buffer in tests.
pub trait Output {
    fn stdout(&mut self, text: &str);
    fn stderr(&mut self, text: &str);
    /// Writes what waits for its end of line (output kept by lines).
    fn flush(&mut self) {}
}

/// A process as `Process info` describes it.
pub struct ProcessInfo {
    pub number: i32,
    pub name: String,
    pub state: i32,
    pub worker: bool,
    pub started: std::time::SystemTime,
    /// The id of the process's session.
    pub session_id: String,
    /// The system's id of the process's thread, and the processor time it
    /// used in seconds, where the system tells them.
    pub system_id: Option<u64>,
    pub cpu_time: Option<f64>,
}

/// The kinds of methods `METHOD GET PATHS` lists (its `Path ...` constants).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DesignKind {
    ProjectMethod,
    DatabaseMethod,
    Class,
}

/// A method or class of the project, and its file.
#[derive(Clone, Debug)]
pub struct DesignObject {
    pub kind: DesignKind,
    /// As 4D spells it (`onStartup`, a class's name).
    pub name: String,
    pub file: std::path::PathBuf,
}

/// One level of `Call chain`.
#[derive(Clone, Debug)]
pub struct CallLevel {
    /// `projectMethod`, `databaseMethod`, `classFunction` or `formula`.
    pub kind: &'static str,
    pub name: String,
    /// The line running at that level (from 1).
    pub line: usize,
    /// The text of that line, when the source is known.
    pub code: Option<String>,
}

/// What a command may ask of the evaluator.
pub trait Host {
    /// Where output goes.
    fn output(&mut self) -> &mut dyn Output;
    /// The number of arguments the running method received.
    fn count_parameters(&self) -> usize;
    /// The name of the running method.
    fn current_method_name(&self) -> String;
    /// `Call chain`: the running calls of the process, innermost first.
    fn call_chain(&self) -> Vec<CallLevel>;
    /// Runs a formula, or the project method a text names, with `This` and arguments.
    fn call(&mut self, function: &Value, this: &Value, args: Vec<Value>) -> Result<Value, RuntimeError>;
    /// `call` with the arguments lent (a callback called once an element
    /// builds no vector for them).
    fn call_with(&mut self, function: &Value, this: &Value, args: &[Value]) -> Result<Value, RuntimeError> {
        self.call(function, this, args.to_vec())
    }
    /// `New process(method; stack; name; args...; *)`: the new process's
    /// number (that of the running process named `name` with `unique`).
    fn new_process(
        &mut self,
        method: &str,
        stack: f64,
        name: &str,
        args: &[Value],
        unique: bool,
        on_server: bool,
    ) -> Result<i32, RuntimeError>;
    /// The session of the running process (none outside a run).
    fn current_session(&self) -> Option<std::sync::Arc<crate::session::Session>>;
    /// The session with this id, if the run has it.
    fn find_session(&self, id: &str) -> Option<std::sync::Arc<crate::session::Session>>;
    /// The sessions of the run.
    fn sessions(&self) -> Vec<std::sync::Arc<crate::session::Session>>;
    /// The project's privileges and roles (its roles.json, read when the run
    /// started); `None` when the project has none, or outside a run.
    fn roles(&self) -> Option<std::sync::Arc<crate::session::Roles>>;
    /// `.createOTP()`: a new one-time token of `session`, valid for
    /// `lifespan_secs` seconds, kept in the run's session table; `None`
    /// outside a run.
    fn create_otp(&mut self, session: &crate::session::Session, lifespan_secs: u64) -> Option<String>;
    /// `.restore(token)`: moves the running process to the session that
    /// created the one-time token (used up); whether it did (False for a
    /// used, expired or unknown token, or an expired session).
    fn restore_session(&mut self, token: &str) -> bool;
    /// `.promote()`: puts `privileges` (expanded, spelt as declared) on the
    /// running process until the running method returns or `.demote(id)`;
    /// the promotion's id, from 1 up.
    fn promote(&mut self, privileges: Vec<Box<str>>) -> u32;
    /// `.demote(id)`: ends that promotion of the running process, if it is on.
    fn demote(&mut self, id: u32);
    /// Whether `privilege` (spelt as declared) is promoted on the running
    /// process (by `.promote()` or a roles.json promotion of a running method).
    fn is_promoted(&self, privilege: &str) -> bool;
    /// The processes that have not ended.
    fn running_processes(&self) -> Vec<ProcessInfo>;
    /// `Storage`: the run's storage, a shared object.
    fn storage(&self) -> Value;
    /// The number and the name of the running process.
    fn current_process(&self) -> (i32, String);
    /// `Process state(number)`.
    fn process_state(&self, number: i32) -> i32;
    /// `Process number(name)`: 0 when no running process has that name.
    fn process_number(&self, name: &str) -> i32;
    /// `CALL WORKER(process; function; args...)`.
    fn call_worker(&mut self, target: &Value, function: &Value, args: &[Value]) -> Result<(), RuntimeError>;
    /// `KILL WORKER({process})`: the running process's worker when `None`.
    fn kill_worker(&mut self, target: Option<&Value>) -> Result<(), RuntimeError>;
    /// `DELAY PROCESS(number; ticks)`.
    fn delay_process(&mut self, number: i32, ticks: f64);
    /// `PAUSE PROCESS(number)`.
    fn pause_process(&mut self, number: i32);
    /// `ABORT PROCESS BY ID(id)`.
    fn abort_process(&mut self, id: i32) -> Result<(), RuntimeError>;
    /// `QUIT 4D`: tells the run to quit (every process is aborted, this one
    /// too: the error returned stops it).
    fn quit(&mut self) -> RuntimeError;
    /// What `Process info` tells of a process; `None` for a number never given.
    fn process_info(&self, number: i32) -> Option<ProcessInfo>;
    /// `signal.wait(timeout)`: waits (state `Waiting for internal flag`)
    /// until the signal is triggered or the time is over, answering the
    /// requests of other processes for this one's variables meanwhile.
    fn wait_signal(
        &mut self,
        signal: &std::sync::Arc<crate::runtime::shared::SharedObject>,
        timeout: Option<std::time::Duration>,
    ) -> bool;
    /// `GET PROCESS VARIABLE`: the values of `sources` (process or
    /// interprocess variables, or elements of their arrays) in process
    /// `number`; `None` when no such process runs.
    fn process_variables(&mut self, number: i32, sources: &[Pointer]) -> Result<Option<Vec<Value>>, RuntimeError>;
    /// `SET PROCESS VARIABLE` (`arrays` false) and `VARIABLE TO VARIABLE`
    /// (`arrays` true, an array may be written as a whole): writes variables
    /// of process `number`; false when no such process runs.
    fn set_process_variables(
        &mut self,
        number: i32,
        writes: Vec<(Pointer, Value)>,
        arrays: bool,
    ) -> Result<bool, RuntimeError>;
    /// `Semaphore(name; ticks)`: whether another process holds it (after
    /// waiting up to `ticks`); False when the running process now holds it.
    fn semaphore(&mut self, name: &str, ticks: f64) -> bool;
    /// Marks the running process as waiting for a signal (`Waiting for
    /// internal flag`), or as executing again.
    fn set_waiting(&mut self, waiting: bool);
    /// `CLEAR SEMAPHORE(name)`, if the running process set it.
    fn clear_semaphore(&mut self, name: &str);
    /// `Test semaphore(name)`.
    fn test_semaphore(&self, name: &str) -> bool;
    /// `RESUME PROCESS(number)`.
    fn resume_process(&mut self, number: i32);
    /// The value of what a pointer designates.
    fn deref(&mut self, pointer: &Pointer) -> Result<Value, RuntimeError>;
    /// Assigns through a pointer, as `p->:=value` does.
    fn assign(&mut self, pointer: &Pointer, value: Value) -> Result<(), RuntimeError>;
    /// The `Type` of the variable a pointer designates (its declared type).
    fn variable_type(&mut self, pointer: &Pointer) -> Result<i32, RuntimeError>;
    /// A pointer to the process variable (or `name{n}` array element) named by a text.
    fn variable_pointer(&mut self, name: &str) -> Option<Pointer>;
    /// The class of a value (`OB Class`, `OB Instance of`); `None` when it is no object.
    fn class_of(&mut self, value: &Value) -> Result<Option<std::rc::Rc<crate::runtime::class::Class>>, RuntimeError>;
    /// The class object that stands for a class.
    fn class_object(&mut self, class: &crate::runtime::class::Class) -> Result<Value, RuntimeError>;
    /// `class.new(...)`: a new instance of the class whose class object is `class`.
    fn instantiate(&mut self, class: &Value, args: Vec<Value>) -> Result<Value, RuntimeError>;
    /// A formula object built from source text (`Formula from string`).
    /// `Formula from string`: resolved in the calling code's context (host
    /// or component), or the host's when `in_host` is set.
    fn formula_from_string(&mut self, source: &str, in_host: bool) -> Result<Value, RuntimeError>;
    /// Runs one line of code given as text as a line of the running method (`EXECUTE FORMULA`).
    fn execute_formula(&mut self, source: &str) -> Result<(), RuntimeError>;
    /// Lines of code given as text, resolved as the body of a method named
    /// `name`, as a formula object to `call`.
    fn method_from_string(&mut self, name: &str, source: &str) -> Result<Value, RuntimeError>;
    /// The source text of argument `i` of the running command, as written.
    fn argument_source(&self, i: usize) -> String;
    /// The process's error state: the `ON ERR CALL` handler, `Last errors`...
    fn errors(&mut self) -> &mut ErrorState;
    /// `ON ERR CALL(method; scope)`: installs (`None`: removes) the handler of
    /// the calling code's project for `scope`.
    fn set_error_handler(&mut self, scope: crate::runtime::error::ErrorScope, method: Option<String>);
    /// Whether assertions are on in this process (`Get assert enabled`).
    fn asserts_enabled(&self) -> bool;
    /// `SET ASSERT ENABLED`: for this process only, or for the whole run.
    fn set_asserts(&mut self, on: bool, this_process_only: bool);
    /// `Method called on error(scope)`: the handler of the calling code's project for `scope`.
    fn error_handler(&self, scope: crate::runtime::error::ErrorScope) -> Option<String>;
    /// The value given with `--user-param` (`Get database parameter(User param value)`).
    fn user_param(&self) -> String;
    /// Raises `error` when the running method returns (`throw` in deferred mode).
    fn defer(&mut self, error: RuntimeError);
    /// The names of the project's methods, sorted (`METHOD GET NAMES`).
    fn method_names(&mut self) -> Vec<String>;
    /// The names of the project's components, in the order they were loaded.
    fn component_names(&mut self) -> Vec<String>;
    /// The project's methods, database methods and classes, with their files (`METHOD GET PATHS`).
    fn design_objects(&mut self) -> Vec<DesignObject>;
    /// The arguments the running method received.
    fn parameters(&self) -> Vec<Value>;
    /// The folder of the running project, and whether it is a 4D project
    /// (`Project/Sources` inside) rather than a folder of loose methods;
    /// `None` when the run gives no access to the disk.
    fn project_folder(&self) -> Option<(std::path::PathBuf, bool)>;
    /// The documents the running process has open (`Open document`).
    fn documents(&mut self) -> &mut files::documents::Documents;
    /// The request a web process is handling, none outside a web process.
    fn web(&mut self) -> Option<&mut web::WebExchange>;
    /// The options of the run's web server (`WEB SET OPTION`).
    fn web_options(&mut self) -> std::sync::Arc<web_options::WebOptions>;
    /// The run's XLIFF localization (`Localized string`).
    fn localization(&mut self) -> std::sync::Arc<localization::Localization>;
    /// The XML documents the running process has open (`DOM Parse XML source`).
    fn xml(&mut self) -> &mut xml::XmlDocuments;
    /// What `SET ENVIRONMENT VARIABLE` set in the running process.
    fn environment(&mut self) -> &mut external::Environment;
    /// Registers `object`, an asynchronous object (`4D.SystemWorker`,
    /// `4D.HTTPRequest`) with id `id`, with the running process, which keeps
    /// it until its last event: the sink where its threads post its events,
    /// which come back into the process's box.
    fn start_async(
        &mut self,
        object: &Value,
        id: u64,
    ) -> Result<std::sync::Arc<dyn asynchronous::EventSink>, RuntimeError>;
    /// `.wait()`: handles the process's messages and events until the
    /// object `id` says its wait is over, or `timeout` has passed.
    fn wait_async(&mut self, id: u64, timeout: Option<std::time::Duration>) -> Result<(), RuntimeError>;
}

/// The only thing a command receives besides its arguments.
pub struct Ctx<'a> {
    pub host: &'a mut dyn Host,
}

impl Ctx<'_> {
    pub fn out(&mut self) -> &mut dyn Output {
        self.host.output()
    }

    /// Sets the system variable `OK` to 1 or 0.
    pub fn set_ok(&mut self, ok: bool) -> Result<(), RuntimeError> {
        match self.host.variable_pointer("OK") {
            Some(pointer) => self.host.assign(&pointer, Value::Real(if ok { 1.0 } else { 0.0 })),
            None => Ok(()),
        }
    }

    /// The array a by-reference argument designates, created by `create` when
    /// the variable does not hold an array yet.
    pub fn array(&mut self, args: &Args<'_>, i: usize) -> Result<ArrayRef, RuntimeError> {
        let pointer = args.pointer(i)?;
        match self.host.deref(&pointer)? {
            Value::Array(a) => Ok(a),
            other => Err(RuntimeError::new(
                codes::BAD_ARGUMENTS,
                format!("argument {} must be an array, not {}", i + 1, other.type_name()),
            )),
        }
    }
}

// ------------------------------------------------------------ arguments

/// The arguments of one call: the values, and whether a `*` marker was passed
/// (`Lowercase($t; *)`, `Current date(*)`). The count was checked against the
/// table before the handler runs.
pub struct Args<'a> {
    pub values: &'a [Value],
    pub star: bool,
    /// A comparison marker passed as an argument (`SORT ARRAY($a; >)`).
    pub marker: Option<&'a str>,
}

impl Args<'_> {
    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    pub fn get(&self, i: usize) -> &Value {
        self.values.get(i).unwrap_or(&Value::Undefined)
    }

    /// The argument at `i` as a number (undefined reads as 0).
    pub fn number(&self, i: usize) -> Result<f64, RuntimeError> {
        match self.get(i) {
            Value::Real(n) => Ok(*n),
            Value::Long(n) => Ok(f64::from(*n)),
            Value::Undefined => Ok(0.0),
            other => Err(wrong_type(i, "a number", other)),
        }
    }

    /// The argument at `i` as a text (undefined reads as "").
    pub fn text(&self, i: usize) -> Result<&str, RuntimeError> {
        match self.get(i) {
            Value::Text(t) => Ok(t.as_str()),
            Value::Undefined => Ok(""),
            other => Err(wrong_type(i, "a text", other)),
        }
    }

    /// The pointer at `i` (a by-reference argument, or a Pointer value).
    pub fn pointer(&self, i: usize) -> Result<Pointer, RuntimeError> {
        match self.get(i) {
            Value::Pointer(p) => Ok(Pointer::clone(p)),
            other => Err(wrong_type(i, "a pointer or a variable", other)),
        }
    }

    /// The argument at `i` as a Boolean (undefined reads as False).
    pub fn boolean(&self, i: usize) -> Result<bool, RuntimeError> {
        match self.get(i) {
            Value::Bool(b) => Ok(*b),
            Value::Undefined => Ok(false),
            other => Err(wrong_type(i, "a Boolean", other)),
        }
    }

    /// The argument at `i` as an object reference (`None` for null or undefined).
    /// A shared object comes as a copy of its first level, for reading.
    pub fn object(&self, i: usize) -> Result<Option<ObjectRef>, RuntimeError> {
        match self.get(i) {
            Value::Object(o) => Ok(Some(o.clone())),
            Value::SharedObject(o) => {
                Ok(Some(std::rc::Rc::new(std::cell::RefCell::new(crate::runtime::value::Object {
                    props: o.props(),
                    ..Default::default()
                }))))
            }
            Value::Null | Value::Undefined => Ok(None),
            other => Err(wrong_type(i, "an object", other)),
        }
    }

    /// The argument at `i` as a collection reference (`None` for null or undefined).
    /// A shared collection comes as a copy of its elements, for reading.
    pub fn collection(&self, i: usize) -> Result<Option<CollectionRef>, RuntimeError> {
        match self.get(i) {
            Value::SharedCollection(c) => Ok(Some(std::rc::Rc::new(std::cell::RefCell::new(c.values())))),
            Value::Collection(c) => Ok(Some(c.clone())),
            Value::Null | Value::Undefined => Ok(None),
            other => Err(wrong_type(i, "a collection", other)),
        }
    }
}

/// A bad argument, in the words of the 4D error for it.
pub(crate) fn bad_argument(what: &str) -> RuntimeError {
    RuntimeError::new(codes::BAD_ARGUMENTS, what.to_string())
}

pub(crate) fn wrong_type(i: usize, expected: &str, found: &Value) -> RuntimeError {
    RuntimeError::new(codes::BAD_ARGUMENTS, format!("argument {} must be {expected}, not {}", i + 1, found.type_name()))
}
