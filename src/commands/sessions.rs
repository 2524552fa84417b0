//! Sessions as 4D code sees them: the commands `Session`, `Session storage`,
//! `Session info` and `Process activity`, and the members of the
//! `4D.Session` object (`../shared/spec/4d-processes-sessions.md` §4).
//!
//! A session is the native `crate::session::Session`; the `4D.Session`
//! object that stands for it is a shared object made once per session (so
//! every process of the session gets the same one), whose properties are
//! computed from the session by [`member`] and whose functions are [`call`].

use std::sync::Arc;

// Rows are built with `f`, short for `members::member`.
use super::members::{MemberSpec, member as f};
use super::{Args, Ctx};
use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::shared::SharedObject;
use crate::runtime::value::{Props, Value, key};
use crate::session::{Session, SessionKind};

/// The `4D.Session` object of `session`: the same object each time.
pub fn session_object(session: &Arc<Session>) -> Value {
    let handle = session.handle(|| {
        let native: Arc<dyn std::any::Any + Send + Sync> = Arc::clone(session) as _;
        SharedObject::new_native(Arc::downgrade(&native))
    });
    Value::SharedObject(handle)
}

/// The session a `4D.Session` object stands for.
pub fn session_of(object: &SharedObject) -> Option<Arc<Session>> {
    object.native()?.downcast::<Session>().ok()
}

/// `Session` (1714): the running process's session; Null outside a run.
pub(crate) fn session(ctx: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(ctx.host.current_session().map_or(Value::Null, |s| session_object(&s)))
}

/// `Session storage(id)` (1839, formerly `Session storage by ID`): the
/// storage of the session with that id; Null for an unknown id.
pub(crate) fn session_storage(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let id = args.text(0)?;
    Ok(ctx.host.find_session(id).map_or(Value::Null, |s| Value::SharedObject(Arc::clone(&s.storage))))
}

/// `Session info(id)` (1844): the `.info` object of the session with that id; Null for an unknown id.
pub(crate) fn session_info(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let id = args.text(0)?;
    Ok(ctx.host.find_session(id).map_or(Value::Null, |s| info(&s)))
}

/// `Process activity({sessionID}{;}{options})` (1495, formerly `Get process
/// activity`): `{processes, sessions}`; `options` 1 gives only the
/// processes, 2 only the sessions; with a session id, that session and its
/// processes (Null for an unknown id). Each process is described as
/// `Process info` does, with its session's `.info` as `session`.
pub(crate) fn process_activity(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let (filter, options) = match (args.get(0), args.len()) {
        (Value::Text(id), 1) => (Some(id.as_str().to_string()), 0.0),
        (Value::Text(id), _) => (Some(id.as_str().to_string()), args.number(1)?),
        (_, 0) => (None, 0.0),
        _ => (None, args.number(0)?),
    };
    let options = options.trunc() as i64;
    if !(0..=2).contains(&options) {
        return Err(RuntimeError::new(
            codes::BAD_ARGUMENTS,
            format!("Process activity takes the option 0, 1 or 2, not {options}"),
        ));
    }
    let sessions: Vec<Arc<Session>> = match &filter {
        Some(id) => match ctx.host.find_session(id) {
            Some(session) => vec![session],
            None => return Ok(Value::Null),
        },
        None => ctx.host.sessions(),
    };
    let mut result = Props::default();
    if options != 2 {
        let processes: Vec<Value> = ctx
            .host
            .running_processes()
            .into_iter()
            .filter_map(|p| {
                let session = sessions.iter().find(|s| s.id.as_str() == p.session_id)?;
                let described = super::processes::info_object(p);
                if options == 0
                    && let Value::Object(o) = &described
                {
                    o.borrow_mut().props.insert(key("session"), info(session));
                }
                Some(described)
            })
            .collect();
        result.insert(key("processes"), Value::new_collection(processes));
    }
    if options != 1 {
        result.insert(key("sessions"), Value::new_collection(sessions.iter().map(|s| info(s)).collect()));
    }
    Ok(Value::new_object(result))
}

/// The `.info` of a session (also `Session info` and the sessions of
/// `Process activity`).
pub fn info(session: &Session) -> Value {
    let created = jiff::Timestamp::try_from(session.created)
        .map(|t| t.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string())
        .unwrap_or_default();
    let mut props = Props::default();
    props.insert(key("type"), Value::text(session.kind.name()));
    props.insert(key("userName"), Value::text(&*session.user_name()));
    props.insert(key("machineName"), Value::text(machine_name()));
    props.insert(key("systemUserName"), Value::text(system_user_name()));
    props.insert(key("IPAddress"), Value::text("localhost"));
    props.insert(key("hostType"), Value::text(host_type()));
    props.insert(key("creationDateTime"), Value::text(created));
    props.insert(key("state"), Value::text("active"));
    props.insert(key("ID"), Value::text(session.id.as_str()));
    Value::new_object(props)
}

/// The name of this machine.
fn machine_name() -> String {
    std::env::var("HOSTNAME")
        .ok()
        .filter(|n| !n.is_empty())
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok().map(|n| n.trim().to_string()))
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| String::from("localhost"))
}

/// The user running fourd.
fn system_user_name() -> String {
    std::env::var("USER").or_else(|_| std::env::var("USERNAME")).unwrap_or_default()
}

/// `hostType`: 4D knows "windows" and "mac"; fourd says "linux" elsewhere.
fn host_type() -> &'static str {
    if cfg!(windows) {
        "windows"
    } else if cfg!(target_os = "macos") {
        "mac"
    } else {
        "linux"
    }
}

/// A property of a `4D.Session`: `id`, `storage`, `userName`, `info`;
/// `idleTimeout` and `expirationDate` of a web session (undefined for the
/// others, where 4D says they are not available).
pub fn member(session: &Session, name: &str) -> Value {
    match name {
        "id" => Value::text(session.id.as_str()),
        "storage" => Value::SharedObject(Arc::clone(&session.storage)),
        "userName" => Value::text(&*session.user_name()),
        "info" => info(session),
        "idleTimeout" if session.kind == SessionKind::Web => Value::Real(f64::from(session.idle_timeout())),
        "expirationDate" if session.kind == SessionKind::Web => session
            .expires_at()
            .and_then(|at| jiff::Timestamp::try_from(at).ok())
            .map_or(Value::Undefined, |t| Value::text(t.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string())),
        _ => Value::Undefined,
    }
}

/// `session.name:=value`: only a web session's `idleTimeout` can be set.
pub fn set_member(session: &Session, name: &str, value: &Value) -> Result<(), RuntimeError> {
    match (name, value.as_number()) {
        ("idleTimeout", Some(minutes)) if session.kind == SessionKind::Web => {
            session.set_idle_timeout(minutes.trunc() as i64);
            Ok(())
        }
        _ => Err(RuntimeError::new(
            codes::READ_ONLY_PROPERTY,
            format!("`{name}` of a {} session cannot be set", session.kind.name()),
        )),
    }
}

/// The functions of a `4D.Session` (the member table of its kind).
pub static MEMBERS: &[MemberSpec<Session>] = &[
    f("clearPrivileges", (0, 0), clear_privileges),
    f("createOTP", (0, 1), create_otp),
    f("demote", (1, 1), demote),
    f("getPrivileges", (0, 0), get_privileges),
    f("hasPrivilege", (1, 1), has_privilege),
    f("isGuest", (0, 0), is_guest),
    f("promote", (1, 1), promote),
    f("restore", (1, 1), restore),
    f("setPrivileges", (1, 1), set_privileges),
];

/// The first argument of `.name()` as a text (`what` says what it stands for).
fn text_arg(args: &Args<'_>, name: &str, what: &str) -> Result<String, RuntimeError> {
    match args.values.first() {
        Some(Value::Text(t)) => Ok(t.as_str().to_string()),
        other => Err(RuntimeError::new(
            codes::BAD_ARGUMENTS,
            format!("`.{name}()` takes {what} as a text, not {}", other.map_or("nothing", Value::type_name)),
        )),
    }
}

/// `.hasPrivilege(privilege)`: whether the session has it (set with
/// `.setPrivileges()`, or included by one set), or the running process has it
/// promoted. False for a name roles.json does not declare.
fn has_privilege(ctx: &mut Ctx<'_>, session: &Session, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let name = text_arg(args, "hasPrivilege", "a privilege")?;
    let Some(roles) = ctx.host.roles() else { return Ok(Value::Bool(false)) };
    let Some(declared) = roles.privilege(&name) else { return Ok(Value::Bool(false)) };
    Ok(Value::Bool(session.has_privilege(declared) || ctx.host.is_promoted(declared)))
}

/// `.getPrivileges()`: the session's privileges, expanded through roles and
/// `includes`, in their order in roles.json; promoted ones are not among them.
fn get_privileges(_: &mut Ctx<'_>, session: &Session, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::new_collection(session.privileges().into_iter().map(Value::text).collect()))
}

/// `.setPrivileges(privileges)`: replaces the session's privileges with the
/// declared ones among those given, expanded (roles to their privileges,
/// privileges through `includes`); undeclared names are left out silently.
/// A web session also takes the `userName` given. True, or False when the
/// project has no roles.json (nothing is declared, so no privilege is set).
fn set_privileges(ctx: &mut Ctx<'_>, session: &Session, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let given = privileges_of(args.get(0))?;
    let roles = ctx.host.roles();
    match &roles {
        Some(roles) => session.set_privileges(
            roles.expand(given.privileges.iter().map(String::as_str), given.roles.iter().map(String::as_str)),
        ),
        None => session.set_privileges(std::iter::empty::<&str>()),
    }
    if session.kind == SessionKind::Web
        && let Some(user) = given.user
    {
        session.set_user_name(&user);
    }
    Ok(Value::Bool(roles.is_some()))
}

/// `.clearPrivileges()`: the privileges set with `.setPrivileges()` go;
/// those promoted on processes stay.
fn clear_privileges(_: &mut Ctx<'_>, session: &Session, _: &Args<'_>) -> Result<Value, RuntimeError> {
    session.clear_privileges();
    Ok(Value::Bool(true))
}

/// `.isGuest()`.
fn is_guest(_: &mut Ctx<'_>, session: &Session, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Bool(session.is_guest()))
}

/// `.createOTP({lifespan})`: by default the idle timeout of a web session, 10 seconds otherwise.
fn create_otp(ctx: &mut Ctx<'_>, session: &Session, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let lifespan = match args.values.first() {
        Some(v) => v.as_number().map_or(0, |n| n.max(0.0) as u64),
        None if session.kind == SessionKind::Web => u64::from(session.idle_timeout()) * 60,
        None => crate::session::MIN_OTP_LIFESPAN,
    };
    Ok(Value::text(ctx.host.create_otp(session, lifespan).unwrap_or_default()))
}

/// `.promote(privilege)`: puts the privilege (and those it includes) on the
/// running process until the calling method returns; its id, from 1 up. 0,
/// and nothing done, for a privilege roles.json does not declare or one
/// already promoted on the process.
fn promote(ctx: &mut Ctx<'_>, _: &Session, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let name = text_arg(args, "promote", "a privilege")?;
    let Some(roles) = ctx.host.roles() else { return Ok(Value::Real(0.0)) };
    let Some(declared) = roles.privilege(&name) else { return Ok(Value::Real(0.0)) };
    if ctx.host.is_promoted(declared) {
        return Ok(Value::Real(0.0));
    }
    let privileges = roles.expand_privileges([declared]).into_iter().map(Box::from).collect();
    Ok(Value::Real(f64::from(ctx.host.promote(privileges))))
}

/// `.demote(promoteId)`: ends a promotion of the running process; nothing
/// for an id it does not have.
fn demote(ctx: &mut Ctx<'_>, _: &Session, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let id = match args.values.first() {
        Some(value) => value.as_number().ok_or_else(|| {
            RuntimeError::new(
                codes::BAD_ARGUMENTS,
                format!("`.demote()` takes a promotion id as a number, not {}", value.type_name()),
            )
        })?,
        None => 0.0,
    };
    if id >= 1.0 && id <= f64::from(u32::MAX) && id.fract() == 0.0 {
        ctx.host.demote(id as u32);
    }
    Ok(Value::Undefined)
}

/// `.restore(token)`: in a web session, moves the running process to the
/// session that created the one-time token (used up); False elsewhere, and
/// for a used, expired or unknown token or an expired session.
fn restore(ctx: &mut Ctx<'_>, session: &Session, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let token = text_arg(args, "restore", "a token")?;
    if session.kind != SessionKind::Web {
        return Ok(Value::Bool(false));
    }
    Ok(Value::Bool(ctx.host.restore_session(&token)))
}

/// What `.setPrivileges()` is given: privilege names, role names, a user name.
#[derive(Default)]
struct Given {
    privileges: Vec<String>,
    roles: Vec<String>,
    user: Option<String>,
}

/// The names `.setPrivileges()` is given: a text of comma-separated
/// privilege names, a collection of them, or an object with `privileges`
/// and `roles` (each a text or a collection) and `userName`.
fn privileges_of(value: &Value) -> Result<Given, RuntimeError> {
    fn names(value: &Value, out: &mut Vec<String>) -> Result<(), RuntimeError> {
        match value {
            Value::Text(t) => {
                out.extend(t.as_str().split(',').map(str::trim).filter(|n| !n.is_empty()).map(String::from));
            }
            Value::Collection(c) => {
                for item in c.borrow().iter() {
                    names(item, out)?;
                }
            }
            Value::SharedCollection(c) => {
                for item in c.values() {
                    names(&item, out)?;
                }
            }
            Value::Undefined | Value::Null => {}
            other => {
                return Err(RuntimeError::new(
                    codes::BAD_ARGUMENTS,
                    format!("privileges and roles are given as a text or a collection, not {}", other.type_name()),
                ));
            }
        }
        Ok(())
    }
    let mut given = Given::default();
    let props = match value {
        Value::Object(o) => Some(o.borrow().props.clone()),
        Value::SharedObject(o) => Some(o.props()),
        _ => None,
    };
    match props {
        Some(props) => {
            names(props.get("privileges").unwrap_or(&Value::Undefined), &mut given.privileges)?;
            names(props.get("roles").unwrap_or(&Value::Undefined), &mut given.roles)?;
            if let Some(Value::Text(name)) = props.get("userName") {
                given.user = Some(name.as_str().to_string());
            }
        }
        None => names(value, &mut given.privileges)?,
    }
    Ok(given)
}
