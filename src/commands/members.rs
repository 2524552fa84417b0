//! The member tables: the functions that values of each kind carry
//! (`$c.push(1)`, `$f.call($o)`, `cs.Point.new(1; 2)`,
//! `Session.hasPrivilege("x")`), one table per kind of receiver, in the style
//! of the command table: a row is a name (case-sensitive, as 4D's are),
//! argument counts, flags and a handler that receives the receiver.
//!
//! The resolver turns a member name into its row in every table once
//! ([`member_ids`]), and checks the argument count from the row when it knows
//! the receiver's kind; the evaluator dispatches on the receiver's kind, checks
//! the count from the same row ([`MemberSpec::check`]) and calls the handler.
//! These tables are the only place a member name is matched: a user class's
//! functions are the class's own, and a formula stored in a property is found
//! by the property's name.
//!
//! Adding a member: one row here (or in the table of its kind), one handler,
//! one golden test.

use std::sync::Arc;

use super::{Args, Ctx};
use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::shared::SharedCollection;
use crate::runtime::value::{CollectionRef, Value};
use crate::session::Session;

/// A member handler: the receiver, then the arguments.
pub type MemberHandler<R> = fn(&mut Ctx<'_>, &R, &Args<'_>) -> Result<Value, RuntimeError>;

/// Any number of arguments.
pub const MANY: u8 = u8::MAX;

/// The function changes its receiver (on a shared collection, it runs under
/// the lock of the collection's group, which it takes itself).
pub const CHANGES_RECEIVER: u8 = 1;
/// Called on a shared collection, the function gives a shared collection of
/// the same group (`.filter()`, `.reverse()`); the others give standard ones.
pub const SHARED_RESULT: u8 = 2;

/// A collection function's handler for a shared collection it can work on
/// in place (the evaluator holds the group's lock when it changes it).
pub type SharedHandler = fn(&Arc<SharedCollection>, &Args<'_>) -> Result<Value, RuntimeError>;

/// A member function's handler for a call with one argument, which it is
/// given to keep (`.push(x)` stores it without a copy).
pub type SingleHandler<R> = fn(&R, Value) -> Result<Value, RuntimeError>;

/// One row of a member table.
pub struct MemberSpec<R: 'static> {
    pub name: &'static str,
    pub min_args: u8,
    /// [`MANY`] for a variadic function.
    pub max_args: u8,
    pub flags: u8,
    pub handler: MemberHandler<R>,
    /// For a collection function, its handler on a shared collection, when
    /// it has one; the others run on a copy of the elements.
    pub on_shared: Option<SharedHandler>,
    /// The handler for a call with exactly one argument, when the row has
    /// one: it does what `handler` does, given the argument by value.
    pub single: Option<SingleHandler<R>>,
}

/// Builds a row.
pub const fn member<R>(name: &'static str, args: (u8, u8), handler: MemberHandler<R>) -> MemberSpec<R> {
    MemberSpec { name, min_args: args.0, max_args: args.1, flags: 0, handler, on_shared: None, single: None }
}

impl<R> MemberSpec<R> {
    /// The same row, with `flags` set.
    pub const fn flags(mut self, flags: u8) -> MemberSpec<R> {
        self.flags |= flags;
        self
    }

    /// The same row, with its handler on a shared collection.
    pub const fn on_shared(mut self, handler: SharedHandler) -> MemberSpec<R> {
        self.on_shared = Some(handler);
        self
    }

    /// The same row, with its handler for a call with one argument.
    pub const fn single(mut self, handler: SingleHandler<R>) -> MemberSpec<R> {
        self.single = Some(handler);
        self
    }

    pub fn changes_receiver(&self) -> bool {
        self.flags & CHANGES_RECEIVER != 0
    }

    pub fn shared_result(&self) -> bool {
        self.flags & SHARED_RESULT != 0
    }

    /// Whether the function takes `count` arguments: the message of the error
    /// when it does not, which the resolver and the evaluator both give.
    pub fn arity_error(&self, count: usize) -> Option<String> {
        let fits =
            count >= usize::from(self.min_args) && (self.max_args == MANY || count <= usize::from(self.max_args));
        (!fits).then(|| format!("`.{}()` does not take {count} arguments", self.name))
    }

    /// [`MemberSpec::arity_error`] as the runtime error.
    pub fn check(&self, count: usize) -> Result<(), RuntimeError> {
        match self.arity_error(count) {
            None => Ok(()),
            Some(message) => Err(RuntimeError::new(codes::BAD_ARGUMENTS, message)),
        }
    }
}

/// The index of the row named `name` in `table`.
fn position<R>(table: &[MemberSpec<R>], name: &str) -> Option<u8> {
    table.iter().position(|spec| spec.name == name).and_then(|i| u8::try_from(i).ok())
}

/// The kinds of receiver that have a member table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReceiverKind {
    /// Collections, standard and shared (`4D.Collection`).
    Collection,
    /// Formula objects (`4D.Function`).
    Formula,
    /// Class objects (`4D.Class`, `cs.Name`).
    Class,
    /// `4D.Session` objects.
    Session,
    /// `4D.Blob` objects.
    Blob,
    /// `4D.Signal` objects.
    Signal,
    /// `4D.CryptoKey` objects.
    CryptoKey,
    /// `4D.File` objects.
    File,
    /// `4D.Folder` objects.
    Folder,
    /// `4D.FileHandle` objects.
    FileHandle,
    /// `4D.SystemWorker` objects.
    SystemWorker,
    /// `4D.HTTPRequest` objects.
    HttpRequest,
}

impl ReceiverKind {
    pub const ALL: [ReceiverKind; 12] = [
        ReceiverKind::Collection,
        ReceiverKind::Formula,
        ReceiverKind::Class,
        ReceiverKind::Session,
        ReceiverKind::Blob,
        ReceiverKind::Signal,
        ReceiverKind::CryptoKey,
        ReceiverKind::File,
        ReceiverKind::Folder,
        ReceiverKind::FileHandle,
        ReceiverKind::SystemWorker,
        ReceiverKind::HttpRequest,
    ];

    /// The kind of what command `spec` gives, when it has a member table.
    pub fn returned_by(spec: &super::CommandSpec) -> Option<ReceiverKind> {
        match spec.name {
            "New collection" | "New shared collection" => Some(ReceiverKind::Collection),
            "Session" => Some(ReceiverKind::Session),
            "New signal" => Some(ReceiverKind::Signal),
            "File" => Some(ReceiverKind::File),
            "Folder" => Some(ReceiverKind::Folder),
            _ => None,
        }
    }

    /// The 4D class of the receivers, as the documentation names it.
    pub fn class_name(self) -> &'static str {
        match self {
            ReceiverKind::Collection => "4D.Collection",
            ReceiverKind::Formula => "4D.Function",
            ReceiverKind::Class => "4D.Class",
            ReceiverKind::Session => "4D.Session",
            ReceiverKind::Blob => "4D.Blob",
            ReceiverKind::Signal => "4D.Signal",
            ReceiverKind::CryptoKey => "4D.CryptoKey",
            ReceiverKind::File => "4D.File",
            ReceiverKind::Folder => "4D.Folder",
            ReceiverKind::FileHandle => "4D.FileHandle",
            ReceiverKind::SystemWorker => "4D.SystemWorker",
            ReceiverKind::HttpRequest => "4D.HTTPRequest",
        }
    }

    /// The rows of this kind's table, as (name, min, max, flags), for listings.
    pub fn rows(self) -> Vec<(&'static str, u8, u8, u8)> {
        fn rows<R>(table: &[MemberSpec<R>]) -> Vec<(&'static str, u8, u8, u8)> {
            table.iter().map(|s| (s.name, s.min_args, s.max_args, s.flags)).collect()
        }
        match self {
            ReceiverKind::Collection => rows(super::collections::FUNCTIONS),
            ReceiverKind::Formula => rows(FORMULA),
            ReceiverKind::Class => rows(CLASS),
            ReceiverKind::Session => rows(super::sessions::MEMBERS),
            ReceiverKind::Blob => rows(BLOB),
            ReceiverKind::Signal => rows(super::signals::MEMBERS),
            ReceiverKind::CryptoKey => rows(super::crypto::MEMBERS),
            ReceiverKind::File => rows(super::files::objects::FILE),
            ReceiverKind::Folder => rows(super::files::objects::FOLDER),
            ReceiverKind::FileHandle => rows(super::files::handle::HANDLE),
            ReceiverKind::SystemWorker => rows(super::system_worker::MEMBERS),
            ReceiverKind::HttpRequest => rows(super::http_request::MEMBERS),
        }
    }

    /// The argument-count error of `name` called with `count` arguments on a
    /// receiver of this kind, if it is a row of the kind's table.
    pub fn arity_error(self, ids: MemberIds, count: usize) -> Option<String> {
        let row = |i: Option<u8>| i.map(usize::from);
        match self {
            ReceiverKind::Collection => super::collections::FUNCTIONS.get(row(ids.collection)?)?.arity_error(count),
            ReceiverKind::Formula => FORMULA.get(row(ids.formula)?)?.arity_error(count),
            ReceiverKind::Class => CLASS.get(row(ids.class)?)?.arity_error(count),
            ReceiverKind::Session => super::sessions::MEMBERS.get(row(ids.session)?)?.arity_error(count),
            ReceiverKind::Blob => BLOB.get(row(ids.blob)?)?.arity_error(count),
            ReceiverKind::Signal => super::signals::MEMBERS.get(row(ids.signal)?)?.arity_error(count),
            ReceiverKind::CryptoKey => super::crypto::MEMBERS.get(row(ids.crypto_key)?)?.arity_error(count),
            ReceiverKind::File => super::files::objects::FILE.get(row(ids.file)?)?.arity_error(count),
            ReceiverKind::Folder => super::files::objects::FOLDER.get(row(ids.folder)?)?.arity_error(count),
            ReceiverKind::FileHandle => super::files::handle::HANDLE.get(row(ids.file_handle)?)?.arity_error(count),
            ReceiverKind::SystemWorker => {
                super::system_worker::MEMBERS.get(row(ids.system_worker)?)?.arity_error(count)
            }
            ReceiverKind::HttpRequest => super::http_request::MEMBERS.get(row(ids.http_request)?)?.arity_error(count),
        }
    }
}

/// A member name's row in each table, found once by the resolver.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MemberIds {
    pub collection: Option<u8>,
    pub formula: Option<u8>,
    pub class: Option<u8>,
    pub session: Option<u8>,
    pub blob: Option<u8>,
    pub signal: Option<u8>,
    pub crypto_key: Option<u8>,
    pub file: Option<u8>,
    pub folder: Option<u8>,
    pub file_handle: Option<u8>,
    pub system_worker: Option<u8>,
    pub http_request: Option<u8>,
}

/// The rows named `name`.
pub fn member_ids(name: &str) -> MemberIds {
    MemberIds {
        collection: position(super::collections::FUNCTIONS, name),
        formula: position(FORMULA, name),
        class: position(CLASS, name),
        session: position(super::sessions::MEMBERS, name),
        blob: position(BLOB, name),
        signal: position(super::signals::MEMBERS, name),
        crypto_key: position(super::crypto::MEMBERS, name),
        file: position(super::files::objects::FILE, name),
        folder: position(super::files::objects::FOLDER, name),
        file_handle: position(super::files::handle::HANDLE, name),
        system_worker: position(super::system_worker::MEMBERS, name),
        http_request: position(super::http_request::MEMBERS, name),
    }
}

/// The collection function of row `id`.
pub fn collection(id: Option<u8>) -> Option<&'static MemberSpec<CollectionRef>> {
    super::collections::FUNCTIONS.get(usize::from(id?))
}

/// The formula function of row `id`.
pub fn formula(id: Option<u8>) -> Option<&'static MemberSpec<Value>> {
    FORMULA.get(usize::from(id?))
}

/// The class function of row `id`.
pub fn class(id: Option<u8>) -> Option<&'static MemberSpec<Value>> {
    CLASS.get(usize::from(id?))
}

/// The session function of row `id`.
pub fn session(id: Option<u8>) -> Option<&'static MemberSpec<Session>> {
    super::sessions::MEMBERS.get(usize::from(id?))
}

/// The functions of a formula object (`4D.Function`).
pub static FORMULA: &[MemberSpec<Value>] = &[member("apply", (0, 2), apply), member("call", (0, MANY), call)];

/// The `4D.Signal` function of row `id`.
pub fn signal(id: Option<u8>) -> Option<&'static MemberSpec<std::sync::Arc<crate::runtime::shared::SharedObject>>> {
    super::signals::MEMBERS.get(usize::from(id?))
}

/// The `4D.CryptoKey` function of row `id`.
pub fn crypto_key(id: Option<u8>) -> Option<&'static MemberSpec<std::sync::Arc<super::crypto::CryptoKey>>> {
    super::crypto::MEMBERS.get(usize::from(id?))
}

/// The `4D.Blob` function of row `id`.
pub fn blob(id: Option<u8>) -> Option<&'static MemberSpec<crate::runtime::value::Blob>> {
    BLOB.get(usize::from(id?))
}

/// The `4D.File` function of row `id`.
pub fn file(id: Option<u8>) -> Option<&'static MemberSpec<std::rc::Rc<crate::runtime::files::Item>>> {
    super::files::objects::FILE.get(usize::from(id?))
}

/// The `4D.Folder` function of row `id`.
pub fn folder(id: Option<u8>) -> Option<&'static MemberSpec<std::rc::Rc<crate::runtime::files::Item>>> {
    super::files::objects::FOLDER.get(usize::from(id?))
}

/// The `4D.FileHandle` function of row `id`.
pub fn file_handle(id: Option<u8>) -> Option<&'static MemberSpec<std::rc::Rc<crate::runtime::files::Handle>>> {
    super::files::handle::HANDLE.get(usize::from(id?))
}

/// The `4D.SystemWorker` function of row `id`.
pub fn system_worker(id: Option<u8>) -> Option<&'static MemberSpec<Value>> {
    super::system_worker::MEMBERS.get(usize::from(id?))
}

/// The `4D.HTTPRequest` function of row `id`.
pub fn http_request(id: Option<u8>) -> Option<&'static MemberSpec<Value>> {
    super::http_request::MEMBERS.get(usize::from(id?))
}

/// The functions of a `4D.Blob`.
pub static BLOB: &[MemberSpec<crate::runtime::value::Blob>] = &[member("slice", (0, 2), slice)];

/// `blob.slice({start {; end}})`: a new `4D.Blob` of the bytes from `start`
/// up to `end` (excluded); negative positions count from the end.
fn slice(_: &mut Ctx<'_>, bytes: &crate::runtime::value::Blob, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let len = bytes.len() as f64;
    let at = |i: usize, default: f64| -> Result<usize, RuntimeError> {
        let n = if args.len() > i { args.number(i)?.trunc() } else { default };
        let n = if n < 0.0 { (len + n).max(0.0) } else { n.min(len) };
        Ok(n as usize)
    };
    let start = at(0, 0.0)?;
    let end = at(1, len)?.max(start);
    Ok(crate::runtime::blob::blob_object(std::rc::Rc::new(bytes[start..end].to_vec())))
}

/// The functions of a class object (`4D.Class`).
pub static CLASS: &[MemberSpec<Value>] = &[member("new", (0, MANY), new)];

/// `formula.call({thisObj {; ...params}})`: runs the formula with `This`
/// bound to `thisObj`.
fn call(ctx: &mut Ctx<'_>, formula: &Value, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let this = args.values.first().cloned().unwrap_or_default();
    let params = args.values.iter().skip(1).cloned().collect();
    ctx.host.call(formula, &this, params)
}

/// `formula.apply({thisObj {; params}})`: as `call`, with the parameters in a collection.
fn apply(ctx: &mut Ctx<'_>, formula: &Value, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let this = args.values.first().cloned().unwrap_or_default();
    let params = match args.values.get(1) {
        Some(Value::Collection(c)) => c.borrow().clone(),
        None | Some(Value::Null | Value::Undefined) => Vec::new(),
        Some(other) => {
            return Err(RuntimeError::new(
                codes::BAD_ARGUMENTS,
                format!("`.apply()` takes its parameters in a collection, not {}", other.type_name()),
            ));
        }
    };
    ctx.host.call(formula, &this, params)
}

/// `class.new({...params})`: a new instance of the class.
fn new(ctx: &mut Ctx<'_>, class: &Value, args: &Args<'_>) -> Result<Value, RuntimeError> {
    ctx.host.instantiate(class, args.values.to_vec())
}
