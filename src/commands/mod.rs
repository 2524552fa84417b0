//! The one command table and the handlers of 4D's built-in commands.
//!
//! A command is one row of `table.rs` (number, name, argument counts, theme,
//! handler) and one handler function with the shape every handler has:
//! `fn(&mut Ctx, &Args) -> Result<Value, RuntimeError>`. Resolution finds a
//! row by number (tokenized source) or by the longest run of words; the
//! evaluator then calls the handler through its index. Commands never see the
//! AST; they reach the evaluator only through the [`Host`] trait in [`Ctx`].

pub mod collections;
pub mod constants;
mod date_time;
mod language;
mod math;
mod messages;
mod objects;
mod string;
pub mod table;
mod tools;

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::value::{CollectionRef, ObjectRef, Value};

/// A command handler.
pub type Handler = fn(&mut Ctx<'_>, &Args<'_>) -> Result<Value, RuntimeError>;

/// The themes of the 4D reference ("Commands by theme").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Language,
    Math,
    Messages,
    ObjectsLanguage,
    DateAndTime,
    String,
    Tools,
}

impl Theme {
    pub fn name(self) -> &'static str {
        match self {
            Theme::Language => "Language",
            Theme::Math => "Math",
            Theme::Messages => "Messages",
            Theme::ObjectsLanguage => "Objects (Language)",
            Theme::DateAndTime => "Date and Time",
            Theme::String => "String",
            Theme::Tools => "Tools",
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
}

/// Builds a table row.
pub const fn cmd(number: u32, name: &'static str, args: (u8, u8), theme: Theme, handler: Handler) -> CommandSpec {
    CommandSpec { number, name, min_args: args.0, max_args: args.1, theme, handler }
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
    Registry { by_number, by_name }
});

impl Registry {
    pub fn by_number(&self, number: u32) -> Option<CommandId> {
        self.by_number.get(&number).copied()
    }

    /// The command named exactly `normalized` (lower case, single spaces).
    pub fn by_name(&self, normalized: &str) -> Option<CommandId> {
        self.by_name.get(normalized).copied()
    }
}

/// Where output goes: the terminal in `fourd run`, a buffer in tests.
pub trait Output {
    fn stdout(&mut self, text: &str);
    fn stderr(&mut self, text: &str);
}

/// What a command may ask of the evaluator.
pub trait Host {
    /// The number of arguments the running method received.
    fn count_parameters(&self) -> usize;
    /// The name of the running method.
    fn current_method_name(&self) -> String;
}

/// The only thing a command receives besides its arguments.
pub struct Ctx<'a> {
    pub out: &'a mut dyn Output,
    pub host: &'a dyn Host,
}

// ------------------------------------------------------------ arguments

/// The arguments of one call: the values, and whether a `*` marker was passed
/// (`Lowercase($t; *)`, `Current date(*)`). The count was checked against the
/// table before the handler runs.
pub struct Args<'a> {
    pub values: &'a [Value],
    pub star: bool,
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

    /// The argument at `i` as an object reference (`None` for null or undefined).
    pub fn object(&self, i: usize) -> Result<Option<ObjectRef>, RuntimeError> {
        match self.get(i) {
            Value::Object(o) => Ok(Some(o.clone())),
            Value::Null | Value::Undefined => Ok(None),
            other => Err(wrong_type(i, "an object", other)),
        }
    }

    /// The argument at `i` as a collection reference (`None` for null or undefined).
    pub fn collection(&self, i: usize) -> Result<Option<CollectionRef>, RuntimeError> {
        match self.get(i) {
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

fn wrong_type(i: usize, expected: &str, found: &Value) -> RuntimeError {
    RuntimeError::new(codes::BAD_ARGUMENTS, format!("argument {} must be {expected}, not {}", i + 1, found.type_name()))
}
