//! What a web process does with a request: finds or makes its web session
//! (the `4DSID_<project>` cookie, or a `$4DSID` one-time token), runs
//! `COMPILER_WEB`, `On Web Authentication`, then the `/4DACTION/` method or
//! `On Web Connection`, and turns what the 4D code sent into an answer.
//!
//! Decisions where 4D's documentation is silent (the README repeats them):
//! - `On Web Authentication` returning False answers 403 (fourd works in 4D's
//!   "custom" authentication mode, which has no password challenge to send);
//!   an error in it refuses the request the same way.
//! - A `/4DACTION/` method that does not exist, or is not published to the
//!   web, answers 404 either way, so that a client cannot tell which exist.
//! - The `/4DACTION/METHOD/param` parameter is what follows the method's
//!   name and its slash, up to the query, percent-decoded ("" when absent).
//! - 4D code that sends nothing gets an empty `200` page (`text/html`).
//! - `$1` of `On Web Authentication` and `On Web Connection` is the URL as
//!   the request line gives it (path and query, not decoded); `$2` is the
//!   request line and header fields joined by CR LF, a blank line, and the
//!   body, cut at 32 KB; the addresses are IPv6, an IPv4 one mapped
//!   (`::ffff:127.0.0.1`).
//! - A web process keeps its process variables from one request to the
//!   next, as 4D's pooled web processes do.
//! - Sessions are made for dynamic requests only: a static file never makes one.

use std::sync::Arc;

use super::http::{Answer, Job};
use crate::commands::web::{Sent, WebExchange, WebRequest};
use crate::eval::exec::Process;
use crate::eval::processes::WebThread;
use crate::runtime::error::RuntimeError;
use crate::runtime::value::Value;
use crate::session::{Session, SessionKind};

/// The longest `$2` of the web database methods (headers and body).
const CONTENT_LIMIT: usize = 32 * 1024;

/// What every web process knows of the server.
pub struct Site {
    /// The web root, canonical.
    pub root: Arc<std::path::Path>,
    pub scalable_sessions: bool,
    /// `4DSID_<project name>`.
    pub cookie_name: String,
    /// What follows the cookie's value: `; Path=/; SameSite=Strict; HttpOnly`.
    pub cookie_attributes: String,
}

/// The methods a web process has looked up: the run's table is behind a
/// lock that every process shares, so each web process keeps what it found
/// (a project's methods do not change while it is served).
#[derive(Default)]
struct Known {
    indexes: rustc_hash::FxHashMap<String, Option<usize>>,
    codes: rustc_hash::FxHashMap<usize, Arc<crate::eval::program::MethodCode>>,
}

impl Known {
    fn index(&mut self, process: &mut Process<'_>, name: &str) -> Option<usize> {
        if let Some(found) = self.indexes.get(name) {
            return *found;
        }
        let found = process.methods.method_index(name, crate::eval::components::HOST);
        self.indexes.insert(name.to_string(), found);
        found
    }

    /// The code of method `index`; a method that does not load (a syntax
    /// error) shows its diagnostics and is tried again next time.
    fn code(
        &mut self,
        process: &mut Process<'_>,
        thread: &WebThread<'_, '_, '_>,
        index: usize,
    ) -> Result<Arc<crate::eval::program::MethodCode>, RuntimeError> {
        if let Some(code) = self.codes.get(&index) {
            return Ok(Arc::clone(code));
        }
        let code =
            crate::eval::control::Methods::code(process.methods, index).inspect_err(|_| thread.show_diagnostics())?;
        self.codes.insert(index, Arc::clone(&code));
        Ok(code)
    }
}

/// The body of a web process: handles requests until the pool closes.
pub fn web_process(thread: WebThread<'_, '_, '_>, site: &Site, pool: &super::pool::Pool<Job>) {
    let mut known = Known::default();
    thread.with_process(|process| {
        while let Some(job) = pool.next() {
            let answer = handle(process, &thread, &mut known, site, job.request);
            process.web = None;
            // Between requests the process holds no web session, which may expire.
            thread.slot.set_session(Arc::clone(&thread.control.world.standalone));
            let _ = job.answer.send(answer);
        }
    });
}

fn handle(
    process: &mut Process<'_>,
    thread: &WebThread<'_, '_, '_>,
    known: &mut Known,
    site: &Site,
    request: WebRequest,
) -> Answer {
    let sent_cookie = cookie(&request, &site.cookie_name);
    let session_id = if site.scalable_sessions {
        let session = session_of(thread, &request, sent_cookie.as_deref());
        let id = session.id.as_str().to_string();
        thread.slot.set_session(session);
        Some(id)
    } else {
        None
    };
    let path = request.path().to_string();
    let is_action = super::http::is_action(&path);
    process.web = Some(Box::new(WebExchange::new(request, Arc::clone(&site.root), session_id)));
    let mut answer = match run_code(process, thread, known, &path, is_action) {
        Ok(()) => reply_of(process),
        Err(answer) => answer,
    };
    // The client's cookie names the session the request ended in: a new
    // one, or the one a token or `.restore()` brought back.
    if site.scalable_sessions {
        let session = thread.slot.session();
        if sent_cookie.as_deref() != Some(session.id.as_str()) {
            let cookie = format!("{}={}{}", site.cookie_name, session.id.as_str(), site.cookie_attributes);
            answer.headers.push((String::from("Set-Cookie"), cookie));
        }
    }
    answer
}

/// The web session of a request: the one of a valid `$4DSID` token, else
/// the live web session its cookie names, else a new one (a guest).
fn session_of(thread: &WebThread<'_, '_, '_>, request: &WebRequest, sent_cookie: Option<&str>) -> Arc<Session> {
    use crate::eval::control::Control;
    let sessions = thread.control.sessions();
    if let Some(session) = otp_session(sessions, request) {
        return session;
    }
    sent_cookie
        .and_then(|id| sessions.get(id))
        .filter(|session| session.kind == SessionKind::Web)
        .unwrap_or_else(|| sessions.create(SessionKind::Web, ""))
}

/// The session of the `$4DSID=<token>` of the URL's query, if the token is valid.
fn otp_session(sessions: &crate::session::SessionTable, request: &WebRequest) -> Option<Arc<Session>> {
    let token = request.query().split('&').find_map(|pair| pair.strip_prefix("$4DSID="))?;
    sessions.take_otp(token)
}

/// The value of cookie `name` in the request's `Cookie` fields.
fn cookie(request: &WebRequest, name: &str) -> Option<String> {
    request
        .headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case("Cookie"))
        .flat_map(|(_, v)| v.split(';'))
        .filter_map(|pair| pair.split_once('='))
        .find(|(n, _)| n.trim() == name)
        .map(|(_, v)| v.trim().to_string())
}

/// Runs the 4D code of a request; `Err` holds an answer that replaces what
/// the code sent (a refusal, an error).
fn run_code(
    process: &mut Process<'_>,
    thread: &WebThread<'_, '_, '_>,
    known: &mut Known,
    path: &str,
    is_action: bool,
) -> Result<(), Answer> {
    if let Some(index) = known.index(process, "COMPILER_WEB") {
        call(process, thread, known, index, Vec::new())
            .map_err(|_| Answer::page(500, "The request could not be handled."))?;
    }
    if let Some(index) = known.index(process, crate::eval::WEB_AUTHENTICATION_KEY) {
        let texts = database_method_args(process);
        match call(process, thread, known, index, texts) {
            Ok(Value::Bool(false)) => return Err(Answer::page(403, "The request was refused.")),
            Ok(_) => {}
            Err(_) => return Err(Answer::page(403, "The request was refused.")),
        }
    }
    if is_action {
        let rest = &path[path.len().min(10)..];
        let (name, param) = rest.split_once('/').unwrap_or((rest, ""));
        let name = decode(name);
        let param = decode(param);
        let index =
            (!name.is_empty() && !crate::eval::is_database_key(&name)).then(|| known.index(process, &name)).flatten();
        let Some(index) = index else { return Err(Answer::page(404, "There is no such page.")) };
        match known.code(process, thread, index) {
            Ok(code) if code.published_web => {}
            Ok(_) => return Err(Answer::page(404, "There is no such page.")),
            // A method that does not load (a syntax error) said why on standard error.
            Err(_) => return Err(Answer::page(500, "The request could not be handled.")),
        }
        call(process, thread, known, index, vec![Value::text(param)])
            .map_err(|_| Answer::page(500, "The request could not be handled."))?;
        return Ok(());
    }
    match known.index(process, crate::eval::WEB_CONNECTION_KEY) {
        Some(index) => {
            let texts = database_method_args(process);
            call(process, thread, known, index, texts)
                .map_err(|_| Answer::page(500, "The request could not be handled."))?;
            Ok(())
        }
        None => Err(Answer::page(404, "There is no such page.")),
    }
}

fn decode(text: &str) -> String {
    super::files::percent_decode(text.as_bytes())
        .map_or_else(|| text.to_string(), |bytes| String::from_utf8_lossy(&bytes).into_owned())
}

/// The six Text parameters of `On Web Authentication` and `On Web Connection`.
fn database_method_args(process: &Process<'_>) -> Vec<Value> {
    let Some(web) = process.web.as_deref() else { return Vec::new() };
    let request = &web.request;
    let mut content = request.head().into_bytes();
    content.extend_from_slice(b"\r\n\r\n");
    content.extend_from_slice(&request.body);
    content.truncate(CONTENT_LIMIT);
    let ip = |addr: std::net::SocketAddr| match addr.ip() {
        std::net::IpAddr::V4(v4) => v4.to_ipv6_mapped().to_string(),
        std::net::IpAddr::V6(v6) => v6.to_string(),
    };
    vec![
        Value::text(request.url.clone()),
        Value::text(String::from_utf8_lossy(&content).into_owned()),
        Value::text(ip(request.client)),
        Value::text(ip(request.server)),
        Value::text(""),
        Value::text(""),
    ]
}

/// Calls method `index` with `args`; an uncaught error is reported on
/// standard error (with the method and the web process) and returned.
fn call(
    process: &mut Process<'_>,
    thread: &WebThread<'_, '_, '_>,
    known: &mut Known,
    index: usize,
    args: Vec<Value>,
) -> Result<Value, RuntimeError> {
    let code = known.code(process, thread, index)?;
    let name = code.name.clone();
    process.call(code, args, Value::Undefined).inspect_err(|error| thread.report_error(error, &name))
}

/// The answer made of what the 4D code sent and the header fields it set.
fn reply_of(process: &mut Process<'_>) -> Answer {
    let Some(web) = process.web.as_deref_mut() else { return Answer::page(500, "") };
    let reply = std::mem::take(&mut web.reply);
    let (mut status, mut headers, body) = match reply.sent {
        Some(Sent::Redirect(url)) => (302, vec![(String::from("Location"), url)], Vec::new()),
        Some(Sent::Bytes { data, mime }) => {
            let headers =
                if mime.is_empty() { Vec::new() } else { vec![(String::from("Content-Type"), with_charset(&mime))] };
            (200, headers, data)
        }
        Some(Sent::File(path)) => match std::fs::read(&path) {
            Ok(data) => {
                (200, vec![(String::from("Content-Type"), super::files::content_type(&path).to_string())], data)
            }
            Err(_) => return Answer::page(404, "There is no such page."),
        },
        None => (200, vec![(String::from("Content-Type"), String::from("text/html; charset=UTF-8"))], Vec::new()),
    };
    let mut reason = None;
    if let Some((code, text)) = reply.status {
        status = code;
        reason = (!text.is_empty()).then_some(text);
    }
    // Fields the code set win over those of the sending command.
    for (name, value) in reply.headers {
        if !name.eq_ignore_ascii_case("Set-Cookie") {
            headers.retain(|(n, _)| !n.eq_ignore_ascii_case(&name));
        }
        headers.push((name, value));
    }
    Answer { status, reason, headers, body }
}

/// A text type says its charset: fourd sends text as UTF-8.
fn with_charset(mime: &str) -> String {
    if mime.starts_with("text/") && !mime.to_ascii_lowercase().contains("charset") {
        format!("{mime}; charset=UTF-8")
    } else {
        mime.to_string()
    }
}
