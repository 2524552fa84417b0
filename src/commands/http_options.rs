//! The options and credentials of the HTTP client commands: `HTTP SET
//! OPTION`, `HTTP GET OPTION`, `HTTP AUTHENTICATE`. 4D keeps them per
//! process; a 4D process is one OS thread for its whole life in fourd, so
//! they live in a thread-local and die with the process.

use std::cell::RefCell;
use std::time::Duration;

use super::http_send::{AuthMethod, Credentials, Outgoing};
use super::{Args, Ctx, bad_argument};
use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::value::Value;

/// The selectors (documented values).
pub mod selector {
    pub const TIMEOUT: i64 = 1;
    pub const FOLLOW_REDIRECT: i64 = 2;
    pub const MAX_REDIRECT: i64 = 3;
    pub const DISPLAY_AUTH_DIAL: i64 = 4;
    pub const RESET_AUTH_SETTINGS: i64 = 5;
    pub const COMPRESSION: i64 = 6;
    pub const CLIENT_LOG: i64 = 7;
}

/// The options of one process, and its credentials.
#[derive(Clone, Debug)]
struct ClientState {
    /// Seconds.
    timeout: u32,
    follow_redirect: bool,
    max_redirect: u32,
    reset_auth: bool,
    compression: bool,
    server: Option<Credentials>,
    proxy: Option<Credentials>,
}

impl Default for ClientState {
    fn default() -> Self {
        // 4D's documented defaults.
        ClientState {
            timeout: 120,
            follow_redirect: true,
            max_redirect: 2,
            reset_auth: false,
            compression: false,
            server: None,
            proxy: None,
        }
    }
}

thread_local! {
    static STATE: RefCell<ClientState> = RefCell::new(ClientState::default());
}

/// The request `HTTP Get` or `HTTP Request` sends, with the process's options.
pub(crate) fn outgoing(method: &str, url: &str, headers: Vec<(String, String)>, body: Vec<u8>) -> Outgoing {
    STATE.with(|s| {
        let s = s.borrow();
        Outgoing {
            method: method.to_string(),
            url: url.to_string(),
            headers,
            body,
            timeout: Some(Duration::from_secs(u64::from(s.timeout))),
            max_redirects: if s.follow_redirect { s.max_redirect } else { 0 },
            compression: s.compression,
            server: s.server.clone(),
            proxy: s.proxy.clone(),
            via: None,
        }
    })
}

/// After each `HTTP Get` or `HTTP Request`: the credentials are forgotten
/// when `HTTP reset auth settings` asks it.
pub(crate) fn after_request() {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        if s.reset_auth {
            s.server = None;
            s.proxy = None;
        }
    });
}

/// A 0-or-1 value.
fn flag(value: f64, what: &str) -> Result<bool, RuntimeError> {
    match value {
        0.0 => Ok(false),
        1.0 => Ok(true),
        _ => Err(bad_argument(&format!("the value of {what} is 0 or 1, not {value}"))),
    }
}

/// `HTTP SET OPTION(option; value)` (1160).
pub(crate) fn http_set_option(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let option = args.number(0)?;
    let value = args.number(1)?;
    let whole = value.trunc();
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        match option as i64 {
            selector::TIMEOUT if whole >= 1.0 && whole <= f64::from(u32::MAX) => s.timeout = whole as u32,
            selector::TIMEOUT => return Err(bad_argument(&format!("HTTP timeout is at least 1 second, not {value}"))),
            selector::FOLLOW_REDIRECT => s.follow_redirect = flag(value, "HTTP follow redirect")?,
            selector::MAX_REDIRECT if whole >= 0.0 && whole <= f64::from(u32::MAX) => s.max_redirect = whole as u32,
            selector::MAX_REDIRECT => {
                return Err(bad_argument(&format!("HTTP max redirect cannot be negative ({value})")));
            }
            selector::DISPLAY_AUTH_DIAL => {
                if flag(value, "HTTP display auth dial")? {
                    return Err(RuntimeError::new(
                        codes::NOT_SUPPORTED,
                        "HTTP display auth dial: fourd shows no dialog; use HTTP AUTHENTICATE",
                    ));
                }
            }
            selector::RESET_AUTH_SETTINGS => s.reset_auth = flag(value, "HTTP reset auth settings")?,
            selector::COMPRESSION => s.compression = flag(value, "HTTP compression")?,
            selector::CLIENT_LOG if value == 0.0 => {}
            selector::CLIENT_LOG => {
                return Err(RuntimeError::new(
                    codes::NOT_SUPPORTED,
                    "HTTP client log: fourd writes no HTTP client log",
                ));
            }
            _ => return Err(bad_argument(&format!("{option} is not an option of HTTP SET OPTION"))),
        }
        Ok(Value::Undefined)
    })
}

/// `HTTP GET OPTION(option; value)` (1159).
pub(crate) fn http_get_option(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let option = args.number(0)?;
    let value = STATE.with(|s| {
        let s = s.borrow();
        Ok(match option as i64 {
            selector::TIMEOUT => f64::from(s.timeout),
            selector::FOLLOW_REDIRECT => f64::from(u8::from(s.follow_redirect)),
            selector::MAX_REDIRECT => f64::from(s.max_redirect),
            selector::DISPLAY_AUTH_DIAL | selector::CLIENT_LOG => 0.0,
            selector::RESET_AUTH_SETTINGS => f64::from(u8::from(s.reset_auth)),
            selector::COMPRESSION => f64::from(u8::from(s.compression)),
            _ => return Err(bad_argument(&format!("{option} is not an option of HTTP GET OPTION"))),
        })
    })?;
    let target = args.pointer(1)?;
    ctx.host.assign(&target, Value::Real(value))?;
    Ok(Value::Undefined)
}

/// `HTTP AUTHENTICATE(name; password {; authMethod}{; *})` (1161).
pub(crate) fn http_authenticate(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let name = args.text(0)?.to_string();
    let password = args.text(1)?.to_string();
    let method = match if args.len() > 2 { args.number(2)? } else { 0.0 } {
        0.0 => AuthMethod::Auto,
        1.0 => AuthMethod::Basic,
        2.0 => AuthMethod::Digest,
        other => return Err(bad_argument(&format!("the authentication method is 0, 1 or 2, not {other}"))),
    };
    let credentials = Some(Credentials { name, password, method });
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        if args.star { s.proxy = credentials } else { s.server = credentials }
    });
    Ok(Value::Undefined)
}
