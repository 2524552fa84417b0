//! The native session table: 4D sessions by id, each with its kind, storage,
//! user name, privileges, creation and last-use time and idle timeout
//! (`../shared/spec/4d-processes-sessions.md` §4, §6). The 4D commands that
//! show sessions (`Session`, `Session storage`, `Process activity`,
//! `4D.Session`) live in `commands` and `eval`, on top of this API.
//!
//! Uses `runtime` (the storage is a `SharedObject`) and nothing above it; no
//! syntax, commands or evaluator here.
//!
//! Decisions:
//! - An id is 32 uppercase hexadecimal digits without dashes, from the uuid
//!   crate's fast random version 4 source. Parsing accepts the 32 digits in
//!   either case and nothing else (no dashes, braces, spaces or sign), so
//!   `Session storage` finds a session by a lowercased id too.
//! - Only web sessions expire, when their idle timeout has passed since their
//!   last use; standalone, stored-procedures and remote sessions live until
//!   removed (the run's end, or the client's disconnection). `expires_at` is
//!   `None` for them.
//! - The idle timeout is in minutes, 60 by default; a smaller value is raised
//!   to 60, a larger one than the largest 4D Integer lowered to it. It is kept
//!   for every kind, but only a web session's expires.
//! - Last use is wall-clock time, touched by each successful lookup (not by
//!   `sessions()`); an expired session found by a lookup is removed then, and
//!   the others by `expire`, which a server calls now and then.
//! - A session keeps privilege names as given, compared exactly (case
//!   included), each once in the order first given; `set_privileges`
//!   replaces them, `add_privileges` adds. A web session is a guest until
//!   privileges are first set. What the names mean is the project's
//!   roles.json (`roles.rs`, [`Roles`]), read once when a run starts: the
//!   `4D.Session` members give the session only declared privileges,
//!   expanded through roles and `includes` and spelt as declared, so that
//!   the exact comparison here is a comparison in any case of 4D code's
//!   names.
//! - `.setPrivileges()` replaces the session's privileges (4D's
//!   documentation does not say; its examples clear them first, which
//!   replacing makes harmless). Names roles.json does not declare are left
//!   out silently; it returns True. Without a roles.json no privilege is
//!   declared: the privileges are set to none and it returns False (the
//!   rest — a web session's `userName`, the end of its guest status — still
//!   happens).
//! - `.promote()` works in every kind of session (21 R3 leaves desktop
//!   sessions open): the privilege goes on the running process, not the
//!   session, until the method that called `.promote()` returns (or
//!   `.demote(id)`); ids count from 1 per process. A `promote` permission of
//!   type `method` in roles.json promotes every call of that project method
//!   for its duration. `.getPrivileges()` never lists promoted privileges;
//!   `.hasPrivilege()` sees them on the running process only, and
//!   `.clearPrivileges()` leaves them.
//! - One-time tokens (`.createOTP()`) are kept by the session table, in an
//!   index of their own (token → session id and expiry), so that
//!   `.restore()` and a `$4DSID` URL find a token's session with one lookup.
//!   A token is used up by its first use, valid or not; it restores nothing
//!   once expired, or when its session has expired. `.restore()` works only
//!   in a web session (False elsewhere, as 20 R9 documents).
//! - A session's storage is created empty with `SharedObject::new_storage()`
//!   and never joins a group; it is freed when the last `Arc<Session>` goes.
//! - Session singletons are kept per session by class index; the first
//!   instance kept wins.

mod entry;
mod id;
pub mod roles;
mod table;

#[cfg(test)]
mod tests;

pub use entry::{DEFAULT_IDLE_TIMEOUT, MAX_IDLE_TIMEOUT, Session};
pub use id::{ParseSessionIdError, SessionId};
pub use roles::{Roles, RolesError};
pub use table::{MIN_OTP_LIFESPAN, SessionTable};

/// The kinds of session (spec §4.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SessionKind {
    /// A single-user run: one session for every process (`run`, `check`,
    /// `test`, `repl`).
    Standalone,
    /// The one session of every process started by `Execute on server`.
    StoredProcedures,
    /// A web user session (scalable sessions).
    Web,
    /// A remote 4D user's session, server side.
    Remote,
}

impl SessionKind {
    /// The session's `type` in `.info` and `Process activity`.
    pub fn name(&self) -> &'static str {
        match self {
            SessionKind::Standalone => "standalone",
            SessionKind::StoredProcedures => "storedProcedure",
            SessionKind::Web => "web",
            SessionKind::Remote => "remote",
        }
    }
}
