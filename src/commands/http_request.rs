//! `4D.HTTPRequest`: an HTTP request sent asynchronously. `new()` sends it
//! on a thread of its own (`http_send.rs`, as `HTTP Request` does) and
//! returns at once; the answer's head, the pieces of its body and its end
//! come back as events to the process that made the request, which runs the
//! callbacks of the options object there (`onHeaders`, `onData`,
//! `onResponse`, `onError`, `onTerminate`: `asynchronous.rs`). The body kept
//! for `response.body` is at most [`LIMIT`] bytes. A request goes through
//! its `agent` option's `4D.HTTPAgent`, else the global one
//! (`http_agent.rs`), with its TLS options over the agent's.

use std::cell::{Cell, RefCell};
use std::io::Read;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::asynchronous::{self, Applied, Asynchronous, Event, EventKind, EventSink, event_object};
use super::http_send::{self, AuthMethod, Credentials, Head, Outgoing};
use super::members::{MemberSpec, member};
use super::{Args, Ctx};
use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::native::NativeObject;
use crate::runtime::value::{Props, Value, key};

/// The largest body kept (4D's largest BLOB); the rest is read and dropped.
pub const LIMIT: usize = i32::MAX as usize;

/// How many redirections `automaticRedirections` follows (documented: the
/// sixth answer is returned).
const REDIRECTIONS: u32 = 5;

/// A `4D.HTTPRequest`: what `new()` was given, and what the process has
/// learnt of the answer from its events.
#[derive(Debug)]
pub struct HttpRequest {
    id: u64,
    url: String,
    method: String,
    headers: Value,
    data_type: String,
    encoding: String,
    protocol: String,
    timeout: Option<f64>,
    return_body: bool,
    options: Value,
    /// The `4D.HTTPAgent` the request goes through.
    agent: Arc<crate::runtime::shared::SharedObject>,
    /// Set by `.terminate()`: the thread stops reading.
    abort: Arc<AtomicBool>,
    /// Where `.terminate()` posts its event (set once the request is registered).
    sink: RefCell<Option<Arc<dyn EventSink>>>,
    response: RefCell<Option<Value>>,
    content_type: RefCell<String>,
    errors: RefCell<Vec<(i32, String)>>,
    /// `onTerminate` has run.
    terminated: Cell<bool>,
    /// The bytes of `onData` events not handled yet.
    flow: Arc<asynchronous::Flow>,
}

impl Drop for HttpRequest {
    fn drop(&mut self) {
        self.flow.close();
    }
}

/// `4D.HTTPRequest.new(url {; options})`: sends the request.
pub(crate) fn new(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let mut url = args.text(0)?.trim().to_string();
    if !url.contains("://") {
        // No scheme: HTTPS (documented).
        url = format!("https://{url}");
    }
    let options = match args.get(1) {
        Value::Undefined | Value::Null => Value::Undefined,
        o @ (Value::Object(_) | Value::SharedObject(_)) => o.clone(),
        other => return Err(super::wrong_type(1, "an object", other)),
    };
    let option = |name: &str| crate::runtime::access::member(&options, name).unwrap_or_default();
    let text_option = |name: &str, default: &str| -> Result<String, RuntimeError> {
        match option(name) {
            Value::Undefined | Value::Null => Ok(default.to_string()),
            Value::Text(t) => Ok(t.as_str().to_string()),
            other => Err(super::bad_argument(&format!("the option {name} is a text, not {}", other.type_name()))),
        }
    };
    let method = text_option("method", "GET")?.trim().to_ascii_uppercase();
    let data_type = text_option("dataType", "auto")?;
    if !["text", "blob", "object", "auto"].contains(&data_type.as_str()) {
        return Err(super::bad_argument(&format!(
            "dataType is \"text\", \"blob\", \"object\" or \"auto\", not \"{data_type}\""
        )));
    }
    let encoding = text_option("encoding", "UTF-8")?;
    let mut charset = super::charsets::document_charset(&Value::text(encoding.as_str()), 1, false)?;
    charset.bom = false;
    let (agent_object, agent) = match option("agent") {
        Value::Undefined | Value::Null => super::http_agent::global(),
        value => super::http_agent::agent_of(&value).ok_or_else(|| {
            super::bad_argument(&format!("the option agent is a 4D.HTTPAgent, not {}", value.type_name()))
        })?,
    };
    let tls = super::http_agent::TlsOptions::read(&options)?.over(agent.tls());
    let protocol = text_option("protocol", agent.protocol().unwrap_or("auto"))?;
    let protocol = match protocol.to_ascii_uppercase().as_str() {
        "AUTO" | "HTTP1" => String::from("HTTP1"),
        _ => return Err(super::bad_argument(&format!("protocol is \"auto\" or \"HTTP1\", not \"{protocol}\""))),
    };
    let flag = |name: &str, default: bool| -> Result<bool, RuntimeError> {
        match option(name) {
            Value::Undefined | Value::Null => Ok(default),
            Value::Bool(b) => Ok(b),
            other => Err(super::bad_argument(&format!("the option {name} is a Boolean, not {}", other.type_name()))),
        }
    };
    let redirect = flag("automaticRedirections", true)?;
    let decode = flag("decodeData", false)?;
    let return_body = flag("returnResponseBody", true)?;
    if !return_body && !super::system_worker::may_call(&options, "onData") {
        return Err(super::bad_argument("returnResponseBody is False: an onData callback must receive the body"));
    }
    let timeout = match option("timeout") {
        Value::Undefined | Value::Null => None,
        Value::Real(n) => Some(n),
        Value::Long(n) => Some(f64::from(n)),
        other => return Err(super::wrong_type(1, "a number of seconds in timeout", &other)),
    };
    let headers_value = match option("headers") {
        Value::Undefined | Value::Null => Value::new_object(Props::default()),
        h @ (Value::Object(_) | Value::SharedObject(_)) => h,
        other => return Err(super::bad_argument(&format!("headers is an object, not {}", other.type_name()))),
    };
    let mut headers = Vec::new();
    let header_args = super::Args { values: std::slice::from_ref(&headers_value), star: false, marker: None };
    if let Some(object) = header_args.object(0)? {
        for (name, value) in object.borrow().props.iter() {
            match value {
                Value::Collection(c) => {
                    headers.extend(c.borrow().iter().map(|v| (name.to_string(), crate::runtime::format::string_of(v))));
                }
                Value::SharedCollection(c) => {
                    headers.extend(c.values().iter().map(|v| (name.to_string(), crate::runtime::format::string_of(v))))
                }
                other => headers.push((name.to_string(), crate::runtime::format::string_of(other))),
            }
        }
    }
    let given = |headers: &[(String, String)], name: &str| headers.iter().any(|(n, _)| n.eq_ignore_ascii_case(name));
    let (body, content_type) = match option("body") {
        Value::Undefined | Value::Null => (Vec::new(), None),
        Value::Text(t) => (charset.encode(t.as_str()), Some(format!("text/plain; charset={encoding}"))),
        value @ Value::Collection(_) | value @ Value::SharedCollection(_) | value @ Value::SharedObject(_) => {
            (crate::runtime::format::json(&value, false).into_bytes(), Some(String::from("application/json")))
        }
        value @ Value::Object(_) if crate::runtime::blob::scalar_of(&value).is_none() => {
            (crate::runtime::format::json(&value, false).into_bytes(), Some(String::from("application/json")))
        }
        value => match crate::runtime::blob::scalar_of(&value) {
            Some(bytes) => (bytes.to_vec(), Some(String::from("application/octet-stream"))),
            None => {
                return Err(super::bad_argument(&format!(
                    "body is a text, a BLOB or an object, not {}",
                    value.type_name()
                )));
            }
        },
    };
    if let Some(content_type) = content_type
        && !given(&headers, "Content-Type")
    {
        headers.push((String::from("Content-Type"), content_type));
    }
    let request = Outgoing {
        method: method.clone(),
        url: url.clone(),
        headers,
        body,
        timeout: timeout.map(asynchronous::seconds),
        max_redirects: if redirect { REDIRECTIONS } else { 0 },
        compression: decode,
        server: credentials(&option("serverAuthentication"), "serverAuthentication")?,
        proxy: credentials(&option("proxyAuthentication"), "proxyAuthentication")?,
        via: None,
    };
    let id = asynchronous::next_id();
    let abort = Arc::new(AtomicBool::new(false));
    let ticket = Arc::new(parking_lot::Mutex::new(Some(agent.enter())));
    let request =
        Outgoing { via: Some(super::http_agent::Via { agent, tls, abort: Arc::clone(&abort), ticket }), ..request };
    let state = Rc::new(HttpRequest {
        id,
        url,
        method,
        headers: headers_value,
        data_type,
        encoding,
        protocol,
        timeout,
        return_body,
        options: options.clone(),
        agent: agent_object,
        abort: Arc::clone(&abort),
        sink: RefCell::new(None),
        response: RefCell::new(None),
        content_type: RefCell::new(String::new()),
        errors: RefCell::new(Vec::new()),
        terminated: Cell::new(false),
        flow: Arc::new(asynchronous::Flow::default()),
    });
    let object = crate::runtime::native::native_object(state.clone());
    let sink = ctx.host.start_async(&object, id)?;
    *state.sink.borrow_mut() = Some(Arc::clone(&sink));
    let pieces = super::system_worker::may_call(&options, "onData");
    let flow = Arc::clone(&state.flow);
    std::thread::spawn(move || exchange(request, id, &sink, &abort, pieces.then_some(&*flow), return_body));
    Ok(object)
}

/// An `authentication` object: `{name; password; method}`.
fn credentials(value: &Value, option: &str) -> Result<Option<Credentials>, RuntimeError> {
    if matches!(value, Value::Undefined | Value::Null) {
        return Ok(None);
    }
    let get = |name: &str| crate::runtime::access::member(value, name).unwrap_or_default();
    let text = |v: Value| match v {
        Value::Text(t) => t.as_str().to_string(),
        Value::Undefined => String::new(),
        other => crate::runtime::format::string_of(&other),
    };
    let method = match text(get("method")).to_ascii_lowercase().as_str() {
        "" | "auto" => AuthMethod::Auto,
        "basic" => AuthMethod::Basic,
        "digest" => AuthMethod::Digest,
        other => {
            return Err(super::bad_argument(&format!(
                "{option}.method is \"basic\", \"digest\" or \"auto\", not \"{other}\""
            )));
        }
    };
    Ok(Some(Credentials { name: text(get("name")), password: text(get("password")), method }))
}

/// The thread of a request: sends it, then posts the head, the pieces of
/// the body (when a callback wants them) and the end.
fn exchange(
    request: Outgoing,
    id: u64,
    sink: &Arc<dyn EventSink>,
    abort: &AtomicBool,
    pieces: Option<&asynchronous::Flow>,
    keep: bool,
) {
    let post = |kind| sink.post(Event { object: id, kind });
    let answer = match http_send::open(&request) {
        Ok(answer) => answer,
        Err(message) => {
            if !abort.load(Ordering::Acquire) {
                post(EventKind::Done(Err((super::http_client::HTTP_UNREACHABLE, message))));
            }
            return;
        }
    };
    let http_send::Answer { head, body, slot } = answer;
    if abort.load(Ordering::Acquire) || !post(EventKind::Headers(head)) {
        return;
    }
    let mut reader = body.into_reader();
    let mut kept = Vec::new();
    let mut buffer = vec![0u8; 64 << 10];
    loop {
        if abort.load(Ordering::Acquire) {
            return;
        }
        match reader.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => {
                if keep {
                    let room = LIMIT.saturating_sub(kept.len());
                    kept.extend_from_slice(&buffer[..n.min(room)]);
                }
                if let Some(flow) = pieces
                    && !(flow.reserve(n) && post(EventKind::Body(buffer[..n].to_vec())))
                {
                    return;
                }
            }
            Err(e) => {
                let message = format!("the answer of {} could not be read: {e}", request.url);
                post(EventKind::Done(Err((super::http_client::HTTP_UNREACHABLE, message))));
                return;
            }
        }
    }
    // The connection goes back to the agent before the end is told: once
    // `.wait()` returns, the agent's counts show the request over.
    drop(reader);
    drop(slot);
    if !abort.load(Ordering::Acquire) {
        post(EventKind::Done(Ok(kept)));
    }
}

/// The header fields as an object: a name given twice or more has a
/// collection of its values.
fn header_object(head: &Head) -> Value {
    let mut props = Props::default();
    for (name, value) in &head.headers {
        match props.get_mut(name.as_str()) {
            Some(Value::Collection(c)) => c.borrow_mut().push(Value::text(value.as_str())),
            Some(first) => {
                let earlier = std::mem::take(first);
                *first = Value::new_collection(vec![earlier, Value::text(value.as_str())]);
            }
            None => {
                props.insert(key(name), Value::text(value.as_str()));
            }
        }
    }
    Value::new_object(props)
}

impl HttpRequest {
    /// The body as `dataType` asks.
    fn body(&self, bytes: Vec<u8>) -> Value {
        let content_type = self.content_type.borrow().to_ascii_lowercase();
        let text = |bytes: &[u8]| super::http_client::decode(bytes, &content_type);
        let json = |bytes: &[u8]| match crate::runtime::json::parse(&text(bytes), false) {
            Ok((value, _)) => value,
            Err(_) => Value::Undefined,
        };
        match self.data_type.as_str() {
            "text" => Value::text(text(&bytes)),
            "object" => json(&bytes),
            "blob" => crate::runtime::blob::blob_object(Rc::new(bytes)),
            _ if content_type.contains("json") => json(&bytes),
            _ if content_type.starts_with("text/")
                || content_type.contains("javascript")
                || content_type.contains("xml")
                || content_type.starts_with("message/http")
                || content_type.starts_with("application/x-www-form-urlencoded") =>
            {
                Value::text(text(&bytes))
            }
            _ => crate::runtime::blob::blob_object(Rc::new(bytes)),
        }
    }
}

impl NativeObject for HttpRequest {
    fn class_name(&self) -> &'static str {
        "HTTPRequest"
    }

    fn property(&self, name: &str) -> Value {
        match name {
            "url" => Value::text(self.url.as_str()),
            "agent" => Value::SharedObject(Arc::clone(&self.agent)),
            "method" => Value::text(self.method.as_str()),
            "headers" => self.headers.clone(),
            "dataType" => Value::text(self.data_type.as_str()),
            "encoding" => Value::text(self.encoding.as_str()),
            "protocol" => Value::text(self.protocol.as_str()),
            "response" => self.response.borrow().clone().unwrap_or_default(),
            "returnResponseBody" => Value::Bool(self.return_body),
            "errors" => {
                let errors = self.errors.borrow();
                if errors.is_empty() {
                    return Value::Undefined;
                }
                Value::new_collection(
                    errors
                        .iter()
                        .map(|(code, message)| asynchronous::error_object("errCode", *code, message))
                        .collect(),
                )
            }
            "terminated" => Value::Bool(self.terminated.get()),
            "timeout" => self.timeout.map_or(Value::Undefined, Value::Real),
            _ => Value::Undefined,
        }
    }

    fn set_property(&self, name: &str, _: &Value) -> Result<(), RuntimeError> {
        Err(RuntimeError::new(
            codes::READ_ONLY_PROPERTY,
            format!("the property `{name}` of a 4D.HTTPRequest is read-only"),
        ))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl Asynchronous for HttpRequest {
    fn id(&self) -> u64 {
        self.id
    }

    fn options(&self) -> Value {
        self.options.clone()
    }

    fn apply(&self, kind: EventKind) -> Applied {
        let terminate = || ("onTerminate", event_object("terminate", None));
        // After `.terminate()`, only its own event counts: what the thread
        // sent before it saw the request stop is dropped.
        if self.abort.load(Ordering::Acquire) && !matches!(kind, EventKind::Aborted) {
            if let EventKind::Body(bytes) = &kind {
                self.flow.release(bytes.len());
            }
            return Applied::default();
        }
        match kind {
            EventKind::Headers(head) => {
                *self.content_type.borrow_mut() = head.get("content-type").unwrap_or("").to_string();
                let mut props = Props::default();
                props.insert(key("status"), Value::Real(f64::from(head.status)));
                props.insert(key("statusText"), Value::text(head.status_text.as_str()));
                let headers = header_object(&head);
                props.insert(key("headers"), headers.clone());
                props.insert(key("rawHeaders"), header_object(&head));
                *self.response.borrow_mut() = Some(Value::new_object(props));
                Applied { callbacks: vec![("onHeaders", event_object("headers", None))], last: false }
            }
            EventKind::Body(bytes) => {
                self.flow.release(bytes.len());
                let data = crate::runtime::blob::blob_object(Rc::new(bytes));
                Applied { callbacks: vec![("onData", event_object("data", Some(data)))], last: false }
            }
            EventKind::Done(Ok(bytes)) => {
                if self.return_body
                    && let Some(response) = self.response.borrow().as_ref()
                {
                    let _ = crate::runtime::access::set_member(response, "body", self.body(bytes));
                }
                Applied { callbacks: vec![("onResponse", event_object("response", None)), terminate()], last: true }
            }
            EventKind::Done(Err(failure)) => {
                self.errors.borrow_mut().push(failure);
                Applied { callbacks: vec![("onError", event_object("error", None)), terminate()], last: true }
            }
            EventKind::Aborted => Applied { callbacks: vec![terminate()], last: true },
            _ => Applied::default(),
        }
    }

    fn finish(&self) {
        self.terminated.set(true);
    }

    fn wait_over(&self) -> bool {
        self.terminated.get()
    }
}

/// The functions of a `4D.HTTPRequest`.
pub static MEMBERS: &[MemberSpec<Value>] = &[member("terminate", (0, 0), terminate), member("wait", (0, 1), wait)];

fn with_request<T>(object: &Value, body: impl FnOnce(&HttpRequest) -> T) -> Result<T, RuntimeError> {
    let state = crate::runtime::native::native_of(object)
        .ok_or_else(|| RuntimeError::new(codes::NOT_AN_OBJECT, "this is not a 4D.HTTPRequest"))?;
    let request = state
        .as_any()
        .downcast_ref::<HttpRequest>()
        .ok_or_else(|| RuntimeError::new(codes::NOT_AN_OBJECT, "this is not a 4D.HTTPRequest"))?;
    Ok(body(request))
}

/// `.wait({timeout})`: handles the process's events (its callbacks run)
/// until `onTerminate` has run or `timeout` seconds have passed; returns the request.
fn wait(ctx: &mut Ctx<'_>, object: &Value, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let id = with_request(object, |r| r.id)?;
    let timeout = if args.is_empty() { None } else { Some(asynchronous::seconds(args.number(0)?)) };
    ctx.host.wait_async(id, timeout)?;
    Ok(object.clone())
}

/// `.terminate()`: the exchange stops, and `onTerminate` comes next.
fn terminate(_: &mut Ctx<'_>, object: &Value, _: &Args<'_>) -> Result<Value, RuntimeError> {
    with_request(object, |r| {
        if !r.terminated.get()
            && !r.abort.swap(true, Ordering::AcqRel)
            && let Some(sink) = r.sink.borrow().as_ref()
        {
            sink.post(Event { object: r.id, kind: EventKind::Aborted });
        }
    })?;
    Ok(Value::Undefined)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_given_twice_is_a_collection() {
        let head = Head {
            status: 200,
            status_text: String::from("OK"),
            headers: vec![
                (String::from("x-twice"), String::from("one")),
                (String::from("content-type"), String::from("text/plain")),
                (String::from("x-twice"), String::from("two")),
            ],
        };
        let json = crate::runtime::format::json(&header_object(&head), false);
        assert_eq!(json, r#"{"x-twice":["one","two"],"content-type":"text/plain"}"#);
    }
}
