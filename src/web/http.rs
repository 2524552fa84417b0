//! The listener: HTTP/1.1 on hyper, on tokio's threads. It bounds what a
//! client may cost (connections, header size and time, body size and time),
//! answers static files itself, and hands every dynamic request to the pool
//! of web processes ([`super::pool`]), awaiting the answer without blocking.
//! It stops gracefully: no new connection, the requests in flight finish
//! within a bound.

use std::convert::Infallible;
use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::header::{self, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use parking_lot::Mutex;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

use super::files::{self, Lookup};
use super::pool::{Pool, Refused};
use crate::commands::web::WebRequest;

/// What a client may cost.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Connections open at once; beyond, new ones are closed at once.
    pub connections: usize,
    /// The largest request body, in bytes (4D's `maxRequestSize`).
    pub request_size: usize,
    /// The largest request head (request line and headers), in bytes.
    pub header_size: usize,
    /// How long a client may take to send a request's head, and to send
    /// its body; also how long a kept-alive connection may stay idle.
    pub read_timeout: Duration,
    /// How long the requests in flight may take to finish once the server stops.
    pub shutdown_grace: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            connections: 1024,
            request_size: 2_000_000,
            header_size: 32 * 1024,
            read_timeout: Duration::from_secs(10),
            shutdown_grace: Duration::from_secs(10),
        }
    }
}

/// A dynamic request on its way to a web process, with the way back.
pub struct Job {
    pub request: WebRequest,
    pub answer: oneshot::Sender<Answer>,
}

/// What a web process answers.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    /// The reason phrase when the code set one (`X-STATUS`).
    pub reason: Option<String>,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Answer {
    /// A short page with a status, for errors.
    pub fn page(status: u16, text: &str) -> Answer {
        let reason = StatusCode::from_u16(status).ok().and_then(|s| s.canonical_reason()).unwrap_or("");
        Answer {
            status,
            reason: None,
            headers: vec![(String::from("Content-Type"), String::from("text/html; charset=UTF-8"))],
            body: format!("<!DOCTYPE html><html><head><title>{status} {reason}</title></head><body><h1>{status} {reason}</h1><p>{text}</p></body></html>\n")
                .into_bytes(),
        }
    }
}

/// What every connection shares.
pub struct Shared {
    /// The web root, canonical.
    pub root: PathBuf,
    /// The page served for a folder (and for `/`).
    pub index: String,
    pub pool: Arc<Pool<Job>>,
    pub limits: Limits,
    /// The access log, one line a request (Common Log Format), buffered as
    /// 4D buffers logweb.txt: written out when the buffer fills, every
    /// [`LOG_FLUSH`], and when the server stops.
    pub log: Option<Mutex<std::io::BufWriter<Box<dyn std::io::Write + Send>>>>,
}

/// How often the access log's buffer is written out.
pub const LOG_FLUSH: std::time::Duration = std::time::Duration::from_secs(1);

impl Shared {
    /// Writes out what the access log holds.
    pub fn flush_log(&self) {
        if let Some(log) = &self.log {
            let _ = log.lock().flush();
        }
    }
}

/// Accepts connections on `listener` until `stop` resolves, then lets the
/// requests in flight finish, for at most the shutdown grace.
pub async fn serve(listener: TcpListener, shared: Arc<Shared>, stop: impl std::future::Future<Output = ()>) {
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let flusher = Arc::clone(&shared);
    let flushing = tokio::spawn(async move {
        let mut every = tokio::time::interval(LOG_FLUSH);
        loop {
            every.tick().await;
            flusher.flush_log();
        }
    });
    let slots = Arc::new(tokio::sync::Semaphore::new(shared.limits.connections));
    tokio::pin!(stop);
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, peer)) = accepted else { continue };
                // Over the limit: the connection is closed at once.
                let Ok(slot) = Arc::clone(&slots).try_acquire_owned() else { continue };
                let local = stream.local_addr().unwrap_or(peer);
                let _ = stream.set_nodelay(true);
                let for_service = Arc::clone(&shared);
                let service = hyper::service::service_fn(move |req| {
                    let shared = Arc::clone(&for_service);
                    async move { Ok::<_, Infallible>(handle(req, &shared, peer, local).await) }
                });
                let limits = &shared.limits;
                let connection = hyper::server::conn::http1::Builder::new()
                    .timer(TokioTimer::new())
                    .header_read_timeout(limits.read_timeout)
                    .max_buf_size(limits.header_size.max(8192))
                    .keep_alive(true)
                    .serve_connection(TokioIo::new(stream), service);
                let watched = graceful.watch(connection);
                tokio::spawn(async move {
                    let _ = watched.await;
                    drop(slot);
                });
            }
            () = &mut stop => break,
        }
    }
    drop(listener);
    shared.pool.close();
    let _ = tokio::time::timeout(shared.limits.shutdown_grace, graceful.shutdown()).await;
    flushing.abort();
    shared.flush_log();
}

async fn handle(req: Request<Incoming>, shared: &Shared, peer: SocketAddr, local: SocketAddr) -> Response<Full<Bytes>> {
    // Kept for the log line (cheap: the URI shares its bytes).
    let (method, uri, version) = (req.method().clone(), req.uri().clone(), req.version());
    // hyper sends no body for HEAD, but the length of the one GET would get.
    let response = route(req, shared, peer, local).await;
    if let Some(log) = &shared.log {
        use hyper::body::Body;
        let size = response.body().size_hint().exact().unwrap_or(0);
        let status = response.status().as_u16();
        let version = version_text(version);
        with_log_time(|when| {
            let mut log = log.lock();
            let _ = writeln!(log, "{} - - [{when}] \"{method} {uri} {version}\" {status} {size}", peer.ip());
        });
    }
    response
}

/// Runs `body` with the time of a log line in 4D's logweb.txt form (local
/// time, no zone), made once a second per thread.
fn with_log_time(body: impl FnOnce(&str)) {
    thread_local! {
        static LAST: std::cell::RefCell<(u64, String)> = const { std::cell::RefCell::new((u64::MAX, String::new())) };
    }
    let second = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if last.0 != second {
            *last = (second, jiff::Zoned::now().strftime("%d/%b/%Y:%H:%M:%S").to_string());
        }
        body(&last.1);
    });
}

/// Whether `path` is a `/4DACTION/...` URL (the prefix in any case).
pub fn is_action(path: &str) -> bool {
    let bytes = path.as_bytes();
    bytes.len() >= 10 && bytes[..10].eq_ignore_ascii_case(b"/4daction/") || bytes.eq_ignore_ascii_case(b"/4daction")
}

async fn route(req: Request<Incoming>, shared: &Shared, peer: SocketAddr, local: SocketAddr) -> Response<Full<Bytes>> {
    // hyper bounds the head by its read buffer; the exact limit is checked here.
    let head_size = req.uri().path_and_query().map_or(0, |pq| pq.as_str().len())
        + req.headers().iter().map(|(n, v)| n.as_str().len() + v.len() + 4).sum::<usize>();
    if head_size > shared.limits.header_size {
        return close(respond(Answer::page(431, "The request's header fields are too large.")));
    }
    let path = req.uri().path().to_string();
    let is_get = matches!(*req.method(), Method::GET | Method::HEAD);
    if !is_action(&path) {
        match files::lookup(&shared.root, &path, &shared.index) {
            Lookup::File(file) if is_get => return static_file(&req, &file).await,
            Lookup::Refused => return respond(Answer::page(403, "This address is not served.")),
            _ => {}
        }
    }
    if let Some(length) = req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok())
        && length.trim().parse::<u64>().map_or(true, |n| n > shared.limits.request_size as u64)
    {
        return close(respond(Answer::page(413, "The request is too large.")));
    }
    let (parts, body) = req.into_parts();
    // A request without a body (most GETs) costs no timer.
    let body = if hyper::body::Body::is_end_stream(&body) {
        Bytes::new()
    } else {
        match tokio::time::timeout(shared.limits.read_timeout, Limited::new(body, shared.limits.request_size).collect())
            .await
        {
            Ok(Ok(body)) => body.to_bytes(),
            Ok(Err(_)) => return close(respond(Answer::page(413, "The request is too large."))),
            Err(_) => return close(respond(Answer::page(408, "The request took too long to arrive."))),
        }
    };
    let request = WebRequest {
        method: parts.method.as_str().to_string(),
        url: parts.uri.path_and_query().map_or_else(|| path.clone(), |pq| pq.as_str().to_string()),
        version: version_text(parts.version).to_string(),
        headers: parts
            .headers
            .iter()
            .map(|(name, value)| (header_name(name.as_str()), String::from_utf8_lossy(value.as_bytes()).into_owned()))
            .collect(),
        body: body.to_vec(),
        client: peer,
        server: local,
        secure: false,
    };
    let (answer, back) = oneshot::channel();
    match shared.pool.push(Job { request, answer }) {
        Ok(()) => {}
        Err(Refused::Busy) => return respond(Answer::page(503, "The server is busy: try again later.")),
        Err(Refused::Closed) => return close(respond(Answer::page(503, "The server is stopping."))),
    }
    match back.await {
        Ok(answer) => respond(answer),
        Err(_) => respond(Answer::page(500, "The request could not be handled.")),
    }
}

fn version_text(version: hyper::Version) -> &'static str {
    match version {
        hyper::Version::HTTP_09 => "HTTP/0.9",
        hyper::Version::HTTP_10 => "HTTP/1.0",
        hyper::Version::HTTP_2 => "HTTP/2.0",
        hyper::Version::HTTP_3 => "HTTP/3.0",
        _ => "HTTP/1.1",
    }
}

/// A header name as 4D shows it: `content-type` → `Content-Type`; the
/// common ones are not allocated.
fn header_name(name: &str) -> std::borrow::Cow<'static, str> {
    let known = match name {
        "host" => "Host",
        "user-agent" => "User-Agent",
        "accept" => "Accept",
        "accept-encoding" => "Accept-Encoding",
        "accept-language" => "Accept-Language",
        "connection" => "Connection",
        "cookie" => "Cookie",
        "content-type" => "Content-Type",
        "content-length" => "Content-Length",
        "referer" => "Referer",
        "origin" => "Origin",
        _ => return std::borrow::Cow::Owned(title_case(name)),
    };
    std::borrow::Cow::Borrowed(known)
}

/// A header name in title case: `x-forwarded-for` → `X-Forwarded-For`.
fn title_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = true;
    for c in name.chars() {
        out.push(if upper { c.to_ascii_uppercase() } else { c });
        upper = c == '-';
    }
    out
}

/// Asks the client to close the connection after this answer.
fn close(mut response: Response<Full<Bytes>>) -> Response<Full<Bytes>> {
    response.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

async fn static_file(req: &Request<Incoming>, file: &std::path::Path) -> Response<Full<Bytes>> {
    let Ok(meta) = tokio::fs::metadata(file).await else {
        return respond(Answer::page(404, "Not found."));
    };
    let (etag, modified) = files::validators(&meta);
    let header_text = |name| req.headers().get(name).and_then(|v: &HeaderValue| v.to_str().ok());
    let mut headers = vec![(String::from("ETag"), etag.clone())];
    if let Some(modified) = modified {
        headers.push((String::from("Last-Modified"), modified));
    }
    if files::not_modified(header_text(header::IF_NONE_MATCH), header_text(header::IF_MODIFIED_SINCE), &etag, &meta) {
        return respond(Answer { status: 304, reason: None, headers, body: Vec::new() });
    }
    let Ok(body) = tokio::fs::read(file).await else {
        return respond(Answer::page(404, "Not found."));
    };
    headers.push((String::from("Content-Type"), files::content_type(file).to_string()));
    respond(Answer { status: 200, reason: None, headers, body })
}

/// The hyper response of an answer. A header that is not valid HTTP is left out.
pub fn respond(answer: Answer) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(answer.body)));
    *response.status_mut() = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let headers = response.headers_mut();
    headers.insert(header::SERVER, HeaderValue::from_static(concat!("fourd/", env!("CARGO_PKG_VERSION"))));
    for (name, value) in answer.headers {
        let (Ok(name), Ok(value)) = (header::HeaderName::from_bytes(name.as_bytes()), HeaderValue::from_str(&value))
        else {
            continue;
        };
        if name == header::SET_COOKIE {
            headers.append(name, value);
        } else if name != header::CONTENT_LENGTH && name != header::TRANSFER_ENCODING {
            headers.insert(name, value);
        }
    }
    if let Some(reason) = answer.reason
        && let Ok(reason) = hyper::ext::ReasonPhrase::try_from(reason.into_bytes())
    {
        response.extensions_mut().insert(reason);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn action_prefix_in_any_case() {
        assert!(is_action("/4DACTION/hello"));
        assert!(is_action("/4daction/hello/x"));
        assert!(is_action("/4DAction"));
        assert!(!is_action("/4DACTIONS/x"));
        assert!(!is_action("/hello"));
    }

    #[test]
    fn header_names() {
        assert_eq!(title_case("content-type"), "Content-Type");
        assert_eq!(title_case("x-forwarded-for"), "X-Forwarded-For");
    }
}
