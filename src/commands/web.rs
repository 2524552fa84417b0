//! The web commands (4D's "Web Server" theme) and the request and answer a
//! web process works on ([`WebExchange`], reached through
//! [`super::Host::web`]). The server itself (`fourd serve`) is the `web`
//! module, above; these commands only read the request and build the answer.
//!
//! Outside a web process there is no request: the commands that send an
//! answer or set headers do nothing, as 4D documents ("only in a web
//! process"), and those that read the request find it empty.

use std::path::PathBuf;

use super::{Args, Ctx};
use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::value::{Array, ArrayType, Value};

/// A request as the listener received it.
#[derive(Debug, Clone)]
pub struct WebRequest {
    /// `GET`, `POST`...
    pub method: String,
    /// The URL of the request line: path and query, still encoded.
    pub url: String,
    /// `HTTP/1.1`.
    pub version: String,
    /// The header fields in the order received, names in title case (the
    /// common ones without an allocation).
    pub headers: Vec<(std::borrow::Cow<'static, str>, String)>,
    pub body: Vec<u8>,
    pub client: std::net::SocketAddr,
    pub server: std::net::SocketAddr,
    /// Whether the request came over TLS (fourd serves plain HTTP only).
    pub secure: bool,
}

impl WebRequest {
    /// The first header field named `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// The request line and the header fields, lines joined by CR LF.
    pub fn head(&self) -> String {
        let mut text = format!("{} {} {}", self.method, self.url, self.version);
        for (name, value) in &self.headers {
            text.push_str(&format!("\r\n{name}: {value}"));
        }
        text
    }

    /// The URL's path, without the query.
    pub fn path(&self) -> &str {
        self.url.split_once('?').map_or(self.url.as_str(), |(path, _)| path)
    }

    /// The URL's query, without the `?`.
    pub fn query(&self) -> &str {
        self.url.split_once('?').map_or("", |(_, query)| query)
    }
}

/// What the 4D code sent (the last sending command wins, but a redirection
/// wins over any other).
#[derive(Debug, Clone)]
pub enum Sent {
    Bytes { data: Vec<u8>, mime: String },
    File(PathBuf),
    Redirect(String),
}

/// The answer a web process builds.
#[derive(Debug, Default)]
pub struct WebReply {
    /// `X-STATUS` set by `WEB SET HTTP HEADER`: code and reason phrase.
    pub status: Option<(u16, String)>,
    /// The other header fields set by `WEB SET HTTP HEADER`, in order.
    pub headers: Vec<(String, String)>,
    pub sent: Option<Sent>,
}

/// One request being handled by a web process.
#[derive(Debug)]
pub struct WebExchange {
    pub request: WebRequest,
    pub reply: WebReply,
    /// The web root (canonical), for `WEB SEND FILE`.
    pub root: std::sync::Arc<std::path::Path>,
    /// The id of the request's web session, none when scalable sessions are off.
    pub session_id: Option<String>,
}

impl WebExchange {
    pub fn new(request: WebRequest, root: std::sync::Arc<std::path::Path>, session_id: Option<String>) -> WebExchange {
        WebExchange { request, reply: WebReply::default(), root, session_id }
    }

    /// Records what was sent; a redirection already recorded stays.
    fn send(&mut self, sent: Sent) {
        if !matches!(self.reply.sent, Some(Sent::Redirect(_))) || matches!(sent, Sent::Redirect(_)) {
            self.reply.sent = Some(sent);
        }
    }
}

/// The MIME type `WEB SEND BLOB` gives for an extension (with its dot:
/// 4D's documented list, and a few types of today's web) or a type (any
/// other text, used as it is).
pub fn mime_of(kind: &str) -> String {
    let Some(ext) = kind.strip_prefix('.') else { return kind.to_string() };
    let ext = ext.to_ascii_lowercase();
    let mime = match ext.as_str() {
        "htm" | "html" | "shtml" | "shtm" => "text/html",
        "css" => "text/css",
        "pdf" => "application/pdf",
        "rtf" => "application/rtf",
        "ps" | "eps" => "application/postscript",
        "hqx" => "application/mac-binhex40",
        "js" => "application/javascript",
        "json" => "application/json",
        "txt" | "text" => "text/plain",
        "gif" => "image/gif",
        "jpg" | "jpeg" | "jpe" | "jfif" => "image/jpeg",
        "tif" | "tiff" => "image/tiff",
        "mpeg" | "mpg" => "video/mpeg",
        "mov" | "moov" => "video/quicktime",
        "aif" | "aiff" => "audio/aiff",
        "wav" => "audio/wav",
        "ram" => "audio/x-pn-realaudio",
        "sit" | "bin" => "application/x-stuffit",
        "xml" => "application/xml",
        "z" | "zip" => "application/x-zip",
        "gz" => "application/x-gzip",
        "tar" => "application/x-tar",
        "pic" | "pict" => "image/pict",
        // Beyond 4D's list: the common types of today's web.
        "png" => "image/png",
        "svg" => "image/svg+xml",
        "webp" => "image/webp",
        "csv" => "text/csv",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    };
    mime.to_string()
}

fn exchange<'c>(ctx: &'c mut Ctx<'_>) -> Option<&'c mut WebExchange> {
    ctx.host.web()
}

/// `WEB SEND TEXT(text {; type})` (677): `text/html` unless a type is given.
pub(crate) fn web_send_text(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let text = args.text(0)?.to_string();
    let mime = if args.len() > 1 { mime_of(args.text(1)?) } else { String::from("text/html") };
    if let Some(web) = exchange(ctx) {
        web.send(Sent::Bytes { data: text.into_bytes(), mime });
    }
    Ok(Value::Undefined)
}

/// `WEB SEND BLOB(blob; type)` (654): the type is a MIME type, an extension
/// with its dot, or "" (none: the browser guesses).
pub(crate) fn web_send_blob(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let data = crate::runtime::blob::scalar_of(args.get(0))
        .ok_or_else(|| super::wrong_type(0, "a BLOB", args.get(0)))?
        .to_vec();
    let mime = mime_of(args.text(1)?);
    if let Some(web) = exchange(ctx) {
        web.send(Sent::Bytes { data, mime });
    }
    Ok(Value::Undefined)
}

/// `WEB SEND FILE(path)` (619): a path relative to the web root (or
/// absolute); `OK` is 0 when the file is missing.
pub(crate) fn web_send_file(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let given = args.text(0)?.to_string();
    let Some(web) = exchange(ctx) else { return Ok(Value::Undefined) };
    let path = std::path::Path::new(&given);
    let path = if path.is_absolute() { path.to_path_buf() } else { web.root.join(given.trim_start_matches('/')) };
    let found = path.is_file();
    if found {
        web.send(Sent::File(path));
    }
    ctx.set_ok(found)?;
    Ok(Value::Undefined)
}

/// `WEB SEND HTTP REDIRECT(url {; *})` (659): a 302 to `url`, its special
/// characters encoded unless `*` is passed.
pub(crate) fn web_send_http_redirect(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let url = args.text(0)?;
    let url = if args.star { url.to_string() } else { encode_url(url) };
    if let Some(web) = exchange(ctx) {
        web.send(Sent::Redirect(url));
    }
    Ok(Value::Undefined)
}

/// A URL with the characters that may not appear in one percent-encoded
/// (those that structure a URL are kept).
pub(crate) fn encode_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for b in url.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=%".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `WEB GET VARIABLES(names; values)` (683): the fields of the URL's query
/// and of a form sent in the body (urlencoded or multipart), decoded, as
/// Text arrays, in the order they come.
pub(crate) fn web_get_variables(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let fields = match exchange(ctx) {
        Some(web) => super::web_forms::fields(&web.request),
        None => Vec::new(),
    };
    let (names, values): (Vec<_>, Vec<_>) = fields.into_iter().unzip();
    fill_text_array(ctx, args, 0, names)?;
    fill_text_array(ctx, args, 1, values)?;
    Ok(Value::Undefined)
}

/// `WEB GET HTTP HEADER(header)` or `(names; values)` (697): as one text,
/// the request line then the header fields, one a line, lines joined by
/// CR LF; as arrays, the request line as the pseudo-fields `X-METHOD`,
/// `X-URL`, `X-VERSION`, then the header fields.
pub(crate) fn web_get_http_header(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let mut fields = Vec::new();
    let mut text = String::new();
    if let Some(web) = exchange(ctx) {
        let request = &web.request;
        text = request.head();
        fields.push((String::from("X-METHOD"), request.method.clone()));
        fields.push((String::from("X-URL"), request.url.clone()));
        fields.push((String::from("X-VERSION"), request.version.clone()));
        fields.extend(request.headers.iter().map(|(n, v)| (n.to_string(), v.clone())));
    }
    if args.len() == 1 {
        let pointer = args.pointer(0)?;
        ctx.host.assign(&pointer, Value::text(text))?;
    } else {
        let (names, values): (Vec<_>, Vec<_>) = fields.into_iter().unzip();
        fill_text_array(ctx, args, 0, names)?;
        fill_text_array(ctx, args, 1, values)?;
    }
    Ok(Value::Undefined)
}

/// `WEB SET HTTP HEADER(header)` or `(names; values)` (660): header fields
/// of the answer; the pseudo-field `X-STATUS` sets the status line.
pub(crate) fn web_set_http_header(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let fields: Vec<(String, String)> = if args.len() == 1 {
        let pointer = args.pointer(0)?;
        let text = ctx.host.deref(&pointer)?;
        let text = match text {
            Value::Text(t) => t.as_str().to_string(),
            _ => String::new(),
        };
        // A status line (`HTTP/1.1 404 Not Found`) stands for `X-STATUS`.
        text.split(['\r', '\n'])
            .filter_map(|line| match line.trim_start().strip_prefix("HTTP/") {
                Some(_) => Some((String::from("X-STATUS"), line.trim().to_string())),
                None => line.split_once(':').map(|(n, v)| (n.trim().to_string(), v.trim().to_string())),
            })
            .filter(|(n, _)| !n.is_empty())
            .collect()
    } else {
        let names = text_array(ctx, args, 0)?;
        let values = text_array(ctx, args, 1)?;
        names.into_iter().zip(values).collect()
    };
    let Some(web) = exchange(ctx) else { return Ok(Value::Undefined) };
    for (name, value) in fields {
        if name.eq_ignore_ascii_case("X-STATUS") {
            web.reply.status = parse_status(&value);
        } else if name.eq_ignore_ascii_case("X-VERSION") {
            // fourd answers in the request's HTTP version.
        } else {
            web.reply.headers.push((name, value));
        }
    }
    Ok(Value::Undefined)
}

/// `404 Not Found` (or `HTTP/1.1 404 Not Found`): code and reason phrase.
fn parse_status(value: &str) -> Option<(u16, String)> {
    let value = value.trim();
    let value = if value.starts_with("HTTP/") { value.split_once(' ').map_or("", |(_, rest)| rest) } else { value };
    let (code, reason) = value.split_once(' ').unwrap_or((value, ""));
    let code: u16 = code.trim().parse().ok().filter(|c| (100..=999).contains(c))?;
    Some((code, reason.trim().to_string()))
}

/// `WEB GET HTTP BODY(body)` (814): the body as a BLOB or a Text, as the variable is.
pub(crate) fn web_get_http_body(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let body = exchange(ctx).map(|web| web.request.body.clone()).unwrap_or_default();
    let pointer = args.pointer(0)?;
    let value = match ctx.host.deref(&pointer)? {
        Value::Text(_) => Value::text(String::from_utf8_lossy(&body)),
        _ => Value::Blob(std::rc::Rc::new(body)),
    };
    ctx.host.assign(&pointer, value)?;
    Ok(Value::Undefined)
}

/// `WEB Get body part count` (1211): the parts of a multipart body.
pub(crate) fn web_get_body_part_count(ctx: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    let count = exchange(ctx).map_or(0, |web| super::web_forms::parts(&web.request).len());
    Ok(Value::Real(count as f64))
}

/// `WEB GET BODY PART(part; contents; name; mimeType; fileName)` (1212):
/// part number `part` (from 1) of a multipart body.
pub(crate) fn web_get_body_part(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let index = args.number(0)?;
    let parts = exchange(ctx).map(|web| super::web_forms::parts(&web.request)).unwrap_or_default();
    let part = (index >= 1.0).then(|| parts.into_iter().nth(index as usize - 1)).flatten();
    let Some(part) = part else {
        return Err(RuntimeError::new(codes::BAD_ARGUMENTS, format!("there is no body part {index}")));
    };
    let contents = args.pointer(1)?;
    let value = match ctx.host.deref(&contents)? {
        Value::Text(_) => Value::text(String::from_utf8_lossy(&part.data)),
        _ => Value::Blob(std::rc::Rc::new(part.data)),
    };
    ctx.host.assign(&contents, value)?;
    ctx.host.assign(&args.pointer(2)?, Value::text(&part.name))?;
    ctx.host.assign(&args.pointer(3)?, Value::text(&part.mime))?;
    ctx.host.assign(&args.pointer(4)?, Value::text(&part.file_name))?;
    Ok(Value::Undefined)
}

/// `WEB Is secured connection` (698): whether the request came over TLS.
pub(crate) fn web_is_secured_connection(ctx: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Bool(exchange(ctx).is_some_and(|web| web.request.secure)))
}

/// `WEB Get current session ID` (1162): the id of the request's web session
/// (the one `.restore()` moved to, if it did); "" without scalable sessions
/// or outside a web process.
pub(crate) fn web_get_current_session_id(ctx: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    let has_session = exchange(ctx).is_some_and(|web| web.session_id.is_some());
    let id = if has_session { ctx.host.current_session().map(|s| s.id.as_str().to_string()) } else { None };
    Ok(Value::text(id.unwrap_or_default()))
}

fn fill_text_array(ctx: &mut Ctx<'_>, args: &Args<'_>, i: usize, items: Vec<String>) -> Result<(), RuntimeError> {
    let pointer = args.pointer(i)?;
    let mut array = Array::new(ArrayType::Text, 0);
    array.items.extend(items.into_iter().map(Value::text));
    ctx.host.assign(&pointer, Value::new_array(array))
}

fn text_array(ctx: &mut Ctx<'_>, args: &Args<'_>, i: usize) -> Result<Vec<String>, RuntimeError> {
    let array = ctx.array(args, i)?;
    let array = array.borrow();
    Ok(array
        .items
        .iter()
        .skip(1)
        .map(|v| match v {
            Value::Text(t) => t.as_str().to_string(),
            _ => String::new(),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses() {
        assert_eq!(parse_status("404 Not Found"), Some((404, String::from("Not Found"))));
        assert_eq!(parse_status("HTTP/1.1 301 Moved"), Some((301, String::from("Moved"))));
        assert_eq!(parse_status("x"), None);
    }

    #[test]
    fn types() {
        assert_eq!(mime_of(".JSON"), "application/json");
        assert_eq!(mime_of(".zip"), "application/x-zip");
        assert_eq!(mime_of("text/csv"), "text/csv");
        assert_eq!(encode_url("/a b?x=é"), "/a%20b?x=%C3%A9");
    }
}
