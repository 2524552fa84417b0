//! `fourd serve` under test: each folder of `tests/golden/web/` is a 4D
//! project with a script of requests, `exchange.http`, and the transcript
//! expected, `exchange.out`. The trial starts `fourd serve` on an ephemeral
//! loopback port, sends the requests with a real HTTP client (ureq; raw TCP
//! for the malformed ones), writes the transcript, stops the server with
//! SIGTERM and compares. The server's standard error (its diagnostics; the
//! access log goes to a file) is compared with `server.err`, and what it
//! printed after its first line (`onExit`...) with `server.out` (none
//! expected when they are missing). `UPDATE_GOLDEN=1` rewrites the expectations.
//!
//! Script lines:
//! - `METHOD TARGET`, or `@client METHOD TARGET`: a request, from a client
//!   with its own cookies (`@a` by default); the lines right after it are its
//!   header fields (`Name: value`) and body lines (`| text`, joined with
//!   CR LF);
//! - `PARALLEL N METHOD TARGET` (with `@client` too): N requests at once,
//!   each on its own connection; the transcript counts their statuses;
//! - `RAW text`: bytes sent on a new connection as they are, `\r`, `\n` and
//!   `\xNN` escapes decoded; the transcript shows the status line answered,
//!   or `(closed)`;
//! - `SLOW text`: the same bytes, one a second, until the server closes;
//! - `KEEP name`: the last answer's body (trimmed) is kept under `name`,
//!   and `{name}` in a later request's target stands for it;
//! - `TLS name` (`TLS12 name`: TLS 1.2 only): starts an HTTPS server of the
//!   trial (`tls.rs`), whose port `{name}` stands for in a later request's
//!   target (the transcript shows `{name}`, the port changing at each run);
//! - `# comment`.
//!
//! Transcript: `> request`, `< status`, the header fields but `Date`,
//! `Server`, `Content-Length` (sorted), the body. A 32-hex-digit id (a
//! session, a token) shows as `<id1>`, `<id2>`... in the order first seen, so
//! that a transcript shows which requests share a session.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use libtest_mimic::{Failed, Trial};

pub fn trials() -> Vec<Trial> {
    let root = super::golden::root().join("web");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&root)
        .map(|entries| entries.flatten().map(|e| e.path()).filter(|p| p.join("exchange.http").is_file()).collect())
        .unwrap_or_default();
    cases.sort();
    cases
        .into_iter()
        .map(|case| {
            let name = format!("web/{}", case.file_name().map(|n| n.to_string_lossy()).unwrap_or_default());
            Trial::test(name, move || web_case(&case))
        })
        .collect()
}

/// A running `fourd serve` of a project, stopped (SIGTERM) when dropped.
pub struct Server {
    child: Child,
    pub address: String,
    log: PathBuf,
    stdout: Option<BufReader<std::process::ChildStdout>>,
}

impl Server {
    /// Starts `fourd serve PROJECT --port 0 --read-timeout 1` and waits for its address.
    pub fn start(project: &Path, extra: &[&str]) -> Result<Server, Failed> {
        let log = std::env::temp_dir().join(format!("fourd-web-{}-{}.log", std::process::id(), unique()));
        let mut child = Command::new(env!("CARGO_BIN_EXE_fourd"))
            .arg("serve")
            .arg(project)
            .args(["--port", "0", "--read-timeout", "1", "--log"])
            .arg(&log)
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start fourd serve: {e}"))?;
        let mut stdout = BufReader::new(child.stdout.take().ok_or("no stdout")?);
        let mut line = String::new();
        stdout.read_line(&mut line).map_err(|e| e.to_string())?;
        let Some(address) = line.split("http://").nth(1).and_then(|rest| rest.split('/').next()) else {
            let _ = child.kill();
            let mut err = String::new();
            if let Some(mut stderr) = child.stderr.take() {
                let _ = stderr.read_to_string(&mut err);
            }
            return Err(format!("fourd serve did not start: {line}{err}").into());
        };
        Ok(Server { address: address.to_string(), child, log, stdout: Some(stdout) })
    }

    /// Stops the server with SIGTERM and returns its exit status, the rest
    /// of its standard output and its standard error.
    pub fn stop(mut self) -> Result<(Option<i32>, String, String), Failed> {
        terminate(&self.child);
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().map_err(|e| e.to_string())? {
                let mut err = String::new();
                if let Some(mut stderr) = self.child.stderr.take() {
                    let _ = stderr.read_to_string(&mut err);
                }
                let mut out = String::new();
                if let Some(mut stdout) = self.stdout.take() {
                    let _ = stdout.read_to_string(&mut out);
                }
                return Ok((status.code(), out, err));
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                return Err("fourd serve did not stop within 20 s of SIGTERM".into());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The access log written so far.
    pub fn access_log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_file(&self.log);
    }
}

fn terminate(child: &Child) {
    let _ = Command::new("kill").arg("-TERM").arg(child.id().to_string()).status();
}

fn unique() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// One request of a script.
#[derive(Clone, Debug)]
pub struct Request {
    pub client: String,
    pub method: String,
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

/// What a response shows in a transcript.
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

/// The cookies of each client, by client and cookie name.
#[derive(Default)]
pub struct Jars(HashMap<String, Vec<(String, String)>>);

impl Jars {
    /// Sends `request` with its client's cookies; keeps the cookies set.
    pub fn send(&mut self, address: &str, request: &Request) -> Result<Response, Failed> {
        let cookies = self.cookie_header(&request.client);
        let response = send(address, request, cookies.as_deref())?;
        self.keep(&request.client, &response);
        Ok(response)
    }

    pub fn cookie_header(&self, client: &str) -> Option<String> {
        let jar = self.0.get(client)?;
        (!jar.is_empty()).then(|| jar.iter().map(|(n, v)| format!("{n}={v}")).collect::<Vec<_>>().join("; "))
    }

    pub fn keep(&mut self, client: &str, response: &Response) {
        for (name, value) in &response.headers {
            if name.eq_ignore_ascii_case("set-cookie")
                && let Some((cookie, _)) = value.split_once(';').or(Some((value.as_str(), "")))
                && let Some((n, v)) = cookie.split_once('=')
            {
                let jar = self.0.entry(client.to_string()).or_default();
                jar.retain(|(old, _)| old != n.trim());
                jar.push((n.trim().to_string(), v.trim().to_string()));
            }
        }
    }
}

/// Sends one request with ureq (no redirects followed, any status accepted).
pub fn send(address: &str, request: &Request, cookies: Option<&str>) -> Result<Response, Failed> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .into();
    let mut builder = ureq::http::Request::builder()
        .method(request.method.as_str())
        .uri(format!("http://{address}{}", request.target));
    for (name, value) in &request.headers {
        builder = builder.header(name.as_str(), value.as_str());
    }
    if let Some(cookies) = cookies {
        builder = builder.header("Cookie", cookies);
    }
    let http_request = builder.body(request.body.clone()).map_err(|e| e.to_string())?;
    let mut response = agent.run(http_request).map_err(|e| format!("{} {}: {e}", request.method, request.target))?;
    let status = response.status().as_u16();
    let headers = response
        .headers()
        .iter()
        .map(|(n, v)| (n.as_str().to_string(), String::from_utf8_lossy(v.as_bytes()).into_owned()))
        .collect();
    let body = response.body_mut().read_to_vec().map_err(|e| e.to_string())?;
    Ok(Response { status, headers, body })
}

/// Masks ids: each distinct 32-hex-digit run becomes `<idN>`.
#[derive(Default)]
pub struct Ids(Vec<String>);

impl Ids {
    pub fn mask(&mut self, text: &str) -> String {
        let bytes = text.as_bytes();
        let mut out = String::new();
        let mut i = 0;
        while i < bytes.len() {
            let run = bytes[i..].iter().take_while(|b| b.is_ascii_hexdigit()).count();
            let boundary = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
            if run == 32 && boundary {
                let id = text[i..i + 32].to_ascii_uppercase();
                let n = match self.0.iter().position(|x| *x == id) {
                    Some(n) => n + 1,
                    None => {
                        self.0.push(id);
                        self.0.len()
                    }
                };
                out.push_str(&format!("<id{n}>"));
                i += 32;
            } else if run > 0 {
                out.push_str(&text[i..i + run]);
                i += run;
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                out.push(c);
                i += c.len_utf8();
            }
        }
        out
    }
}

fn web_case(case: &Path) -> Result<(), Failed> {
    let script = std::fs::read_to_string(case.join("exchange.http")).map_err(|e| e.to_string())?;
    let server = Server::start(case, &[])?;
    let transcript = run_script(&server.address, &script);
    let (status, out, err) = server.stop()?;
    let transcript = transcript?;
    let mut failures = Vec::new();
    if let Err(e) = super::golden::expect_file(&case.join("exchange.out"), &transcript) {
        failures.push(e.message().map(str::to_string).unwrap_or_default());
    }
    let err_file = case.join("server.err");
    if err_file.exists() || !err.is_empty() {
        // Paths in diagnostics are the project's, which lies elsewhere in each clone.
        let shown = Ids::default().mask(&err.replace(&format!("{}/", case.display()), ""));
        if let Err(e) = super::golden::expect_file(&err_file, &shown) {
            failures.push(e.message().map(str::to_string).unwrap_or_default());
        }
    }
    let out_file = case.join("server.out");
    if (out_file.exists() || !out.is_empty())
        && let Err(e) = super::golden::expect_file(&out_file, &out)
    {
        failures.push(e.message().map(str::to_string).unwrap_or_default());
    }
    if status != Some(0) {
        failures.push(format!("fourd serve exited with {status:?} after SIGTERM"));
    }
    if failures.is_empty() { Ok(()) } else { Err(failures.join("\n").into()) }
}

/// Runs a script against the server at `address`; the transcript.
pub fn run_script(address: &str, script: &str) -> Result<String, Failed> {
    let mut jars = Jars::default();
    let mut ids = Ids::default();
    let mut out = String::new();
    let mut kept: HashMap<String, String> = HashMap::new();
    // The ports of the HTTPS servers, by name.
    let mut ports: HashMap<String, String> = HashMap::new();
    let mut last_body = String::new();
    let mut lines = script.lines().peekable();
    while let Some(line) = lines.next() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix("KEEP ") {
            kept.insert(name.trim().to_string(), last_body.trim().to_string());
            continue;
        }
        if let Some((kind, name)) = line.split_once(' ')
            && (kind == "TLS" || kind == "TLS12")
        {
            ports.insert(name.trim().to_string(), super::tls::start(kind == "TLS12")?.to_string());
            continue;
        }
        if let Some(raw) = line.strip_prefix("RAW ") {
            out.push_str(&format!("> RAW {raw}\n< {}\n", raw_exchange(address, &unescape(raw), false)));
            continue;
        }
        if let Some(raw) = line.strip_prefix("SLOW ") {
            out.push_str(&format!("> SLOW {raw}\n< {}\n", raw_exchange(address, &unescape(raw), true)));
            continue;
        }
        let (parallel, rest) = match line.strip_prefix("PARALLEL ") {
            Some(rest) => {
                let (n, rest) = rest.split_once(' ').ok_or("PARALLEL N METHOD TARGET")?;
                (Some(n.parse::<usize>().map_err(|e| e.to_string())?), rest)
            }
            None => (None, line),
        };
        let (client, rest) = match rest.strip_prefix('@') {
            Some(rest) => rest.split_once(' ').map(|(c, r)| (c.to_string(), r)).ok_or("@client METHOD TARGET")?,
            None => (String::from("a"), rest),
        };
        let (method, target) = rest.split_once(' ').ok_or_else(|| format!("not a request: {line}"))?;
        let mut target = target.to_string();
        for (name, value) in &kept {
            target = target.replace(&format!("{{{name}}}"), value);
        }
        let shown_target = target.clone();
        for (name, value) in &ports {
            target = target.replace(&format!("{{{name}}}"), value);
        }
        let mut request = Request { client, method: method.to_string(), target, headers: Vec::new(), body: Vec::new() };
        let mut body_lines = Vec::new();
        // The request's own lines: header fields and body lines; any other
        // line (a blank one, a comment, the next request) ends them.
        while let Some(next) = lines.peek() {
            let next = next.trim_end();
            if let Some(text) = next.strip_prefix('|') {
                body_lines.push(text.strip_prefix(' ').unwrap_or(text).to_string());
            } else if let Some((name, value)) = next.split_once(':')
                && !name.is_empty()
                && !name.contains([' ', '#'])
            {
                request.headers.push((name.trim().to_string(), value.trim().to_string()));
            } else {
                break;
            }
            lines.next();
        }
        request.body = unescape_repeats(&body_lines.join("\r\n"));
        let who = if request.client == "a" { String::new() } else { format!("@{} ", request.client) };
        match parallel {
            None => {
                out.push_str(&format!("> {who}{} {}\n", request.method, ids.mask(&shown_target)));
                let response = jars.send(address, &request)?;
                show(&mut out, &response, &mut ids);
                last_body = String::from_utf8_lossy(&response.body).into_owned();
            }
            Some(n) => {
                out.push_str(&format!("> {who}PARALLEL {n} {} {}\n", request.method, request.target));
                let cookies = jars.cookie_header(&request.client);
                let statuses: Vec<Result<u16, String>> = std::thread::scope(|scope| {
                    let handles: Vec<_> = (0..n)
                        .map(|_| {
                            let (request, cookies) = (&request, cookies.as_deref());
                            scope.spawn(move || {
                                send(address, request, cookies)
                                    .map(|r| r.status)
                                    .map_err(|e| e.message().map(str::to_string).unwrap_or_default())
                            })
                        })
                        .collect();
                    handles.into_iter().map(|h| h.join().unwrap_or_else(|_| Err(String::from("panicked")))).collect()
                });
                let mut counts: Vec<(String, usize)> = Vec::new();
                for status in statuses {
                    let key = match status {
                        Ok(code) => code.to_string(),
                        Err(e) => format!("error: {e}"),
                    };
                    match counts.iter_mut().find(|(k, _)| *k == key) {
                        Some((_, c)) => *c += 1,
                        None => counts.push((key, 1)),
                    }
                }
                counts.sort();
                for (status, count) in counts {
                    out.push_str(&format!("< {count} × {status}\n"));
                }
            }
        }
    }
    Ok(out)
}

fn show(out: &mut String, response: &Response, ids: &mut Ids) {
    out.push_str(&format!("< {}\n", response.status));
    let mut headers: Vec<(String, String)> = response
        .headers
        .iter()
        .filter(|(n, _)| !matches!(n.to_ascii_lowercase().as_str(), "date" | "server" | "content-length"))
        .map(|(n, v)| {
            let value = match n.to_ascii_lowercase().as_str() {
                "etag" => String::from("<etag>"),
                "last-modified" => String::from("<date>"),
                _ => ids.mask(v),
            };
            (n.to_ascii_lowercase(), value)
        })
        .collect();
    headers.sort();
    for (name, value) in headers {
        out.push_str(&format!("< {name}: {value}\n"));
    }
    let body = String::from_utf8_lossy(&response.body);
    if !body.is_empty() {
        out.push_str(&ids.mask(&body));
        if !body.ends_with('\n') {
            out.push('\n');
        }
    }
}

/// A body line's `{c*N}`: N times the character c.
fn unescape_repeats(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        out.extend_from_slice(&rest.as_bytes()[..start]);
        let after = &rest[start..];
        match after.find('}').and_then(|end| {
            let (c, n) = after[1..end].split_once('*')?;
            Some((c, n.parse::<usize>().ok()?, end))
        }) {
            Some((c, n, end)) => {
                out.extend(std::iter::repeat_n(c.as_bytes().to_vec(), n).flatten());
                rest = &after[end + 1..];
            }
            None => {
                out.push(b'{');
                rest = &after[1..];
            }
        }
    }
    out.extend_from_slice(rest.as_bytes());
    out
}

/// `\r`, `\n`, `\\` and `\xNN` decoded; `{c*N}` is N times the character c.
fn unescape(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'{'
            && let Some(end) = text[i..].find('}')
            && let Some((c, n)) = text[i + 1..i + end].split_once('*')
            && let Ok(n) = n.parse::<usize>()
        {
            out.extend(std::iter::repeat_n(c.as_bytes().to_vec(), n).flatten());
            i += end + 1;
            continue;
        }
        if bytes[i] == b'\\' && i + 1 < bytes.len() {
            match bytes[i + 1] {
                b'r' => out.push(b'\r'),
                b'n' => out.push(b'\n'),
                b'\\' => out.push(b'\\'),
                b'x' if i + 3 < bytes.len() => {
                    let hex = std::str::from_utf8(&bytes[i + 2..i + 4]).unwrap_or("00");
                    out.push(u8::from_str_radix(hex, 16).unwrap_or(0));
                    i += 2;
                }
                other => out.push(other),
            }
            i += 2;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

/// Sends `bytes` on a new connection (one a second when `slow`); the status
/// line answered, or `(closed)` when the server closed without one.
fn raw_exchange(address: &str, bytes: &[u8], slow: bool) -> String {
    let Ok(mut stream) = TcpStream::connect(address) else { return String::from("(cannot connect)") };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(15)));
    let started = Instant::now();
    if slow {
        for b in bytes {
            if stream.write_all(&[*b]).is_err() {
                break;
            }
            std::thread::sleep(Duration::from_millis(400));
            if started.elapsed() > Duration::from_secs(10) {
                return String::from("(not cut off within 10 s)");
            }
        }
    } else if stream.write_all(bytes).is_err() {
        return String::from("(closed)");
    }
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let text = String::from_utf8_lossy(&answer);
    match text.lines().next() {
        Some(line) if !line.is_empty() => line.to_string(),
        _ => String::from("(closed)"),
    }
}

/// The trials that are not transcripts: the access log, Ctrl-C, a real browser.
pub fn other_trials() -> Vec<Trial> {
    vec![
        Trial::test("web/access_log_common_log_format", access_log),
        Trial::test("web/sigint_stops_gracefully", sigint_stops),
        Trial::test("web/sigterm_lets_requests_in_flight_finish", in_flight_finish),
        Trial::test("web/malformed_roles_json_stops_the_start", malformed_roles),
        browser_trial(),
    ]
}

fn action_project() -> PathBuf {
    super::golden::root().join("web").join("action")
}

/// One line a request, in 4D's Common Log Format: host, `-`, `-`, the local
/// time in brackets, the request line in quotes, the status, the body's size.
fn access_log() -> Result<(), Failed> {
    let server = Server::start(&action_project(), &[])?;
    let request = |target: &str| Request {
        client: String::from("a"),
        method: String::from("GET"),
        target: target.to_string(),
        headers: Vec::new(),
        body: Vec::new(),
    };
    send(&server.address, &request("/4DACTION/hello/log"), None)?;
    send(&server.address, &request("/nothing-here"), None)?;
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut log = server.access_log();
    while log.lines().count() < 2 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
        log = server.access_log();
    }
    let lines: Vec<&str> = log.lines().collect();
    let shape = |line: &str, request: &str, status: &str| {
        let (start, rest) = line.split_once(" [").unwrap_or(("", ""));
        let (when, rest) = rest.split_once("] ").unwrap_or(("", ""));
        let when_ok = when.len() == 20 && when.as_bytes()[2] == b'/' && when.as_bytes()[11] == b':';
        start == "127.0.0.1 - -" && when_ok && rest.starts_with(&format!("\"{request}\" {status} "))
    };
    if lines.len() != 2
        || !shape(lines[0], "GET /4DACTION/hello/log HTTP/1.1", "200")
        || !shape(lines[1], "GET /nothing-here HTTP/1.1", "404")
    {
        return Err(format!("unexpected access log:\n{log}").into());
    }
    let (status, _, _) = server.stop()?;
    if status != Some(0) {
        return Err(format!("exit status {status:?}").into());
    }
    Ok(())
}

/// Ctrl-C (SIGINT) stops the server as SIGTERM does: exit 0, onExit run.
fn sigint_stops() -> Result<(), Failed> {
    let server = Server::start(&super::golden::root().join("web").join("errors"), &[])?;
    let _ = Command::new("kill").arg("-INT").arg(server.child.id().to_string()).status();
    let (status, out, _) = server.stop()?;
    if status != Some(0) || out != "onExit ran\n" {
        return Err(format!("after SIGINT: status {status:?}, output {out:?}").into());
    }
    Ok(())
}

/// A roles.json that cannot be used stops `fourd serve` before it listens,
/// with a diagnostic that points into the file.
fn malformed_roles() -> Result<(), Failed> {
    let project = super::golden::root().join("web").join("badroles");
    let output = Command::new(env!("CARGO_BIN_EXE_fourd"))
        .arg("serve")
        .arg(&project)
        .args(["--port", "0"])
        .stdin(Stdio::null())
        .output()
        .map_err(|e| e.to_string())?;
    let err = String::from_utf8_lossy(&output.stderr);
    let out = String::from_utf8_lossy(&output.stdout);
    if output.status.code() != Some(1)
        || !err.contains("roles.json")
        || !err.contains("write")
        || out.contains("listening")
    {
        return Err(format!("status {:?}\nstdout: {out}\nstderr: {err}", output.status.code()).into());
    }
    Ok(())
}

/// A request running when SIGTERM comes still gets its answer.
fn in_flight_finish() -> Result<(), Failed> {
    let server = Server::start(&super::golden::root().join("web").join("errors"), &[])?;
    let get = |target: &str| Request {
        client: String::from("a"),
        method: String::from("GET"),
        target: target.to_string(),
        headers: Vec::new(),
        body: Vec::new(),
    };
    let address = server.address.clone();
    let slow = std::thread::spawn(move || send(&address, &get("/4DACTION/slow"), None).map(|r| r.status));
    // Until the slow request has entered its method (bounded).
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let entered = send(&server.address, &get("/4DACTION/entered"), None)?;
        if entered.body == b"True" {
            break;
        }
        if Instant::now() > deadline {
            return Err("the slow request never started".into());
        }
    }
    terminate(&server.child);
    let status = slow
        .join()
        .map_err(|_| "the client panicked")?
        .map_err(|e| e.message().map(str::to_string).unwrap_or_default())?;
    let (exit, _, _) = server.stop()?;
    if status != 200 || exit != Some(0) {
        return Err(format!("the request in flight got {status}, the server exited with {exit:?}").into());
    }
    Ok(())
}

/// Headless Chromium (Debian's package) loads a page whose script calls a
/// 4DACTION twice: the second call is in the session the first made.
fn browser_trial() -> Trial {
    let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].into_iter().find(|p| Path::new(p).exists());
    match chromium {
        Some(path) => Trial::test("web/browser_keeps_the_session_by_cookie", move || browser(path)),
        None => Trial::test(
            "web/browser_keeps_the_session_by_cookie (skipped: no chromium; apt-get install chromium)",
            || Ok(()),
        )
        .with_ignored_flag(true),
    }
}

fn browser(chromium: &str) -> Result<(), Failed> {
    let project = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("web-browser");
    let server = Server::start(&project, &[])?;
    let profile = std::env::temp_dir().join(format!("fourd-chromium-{}-{}", std::process::id(), unique()));
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("http://{}/", server.address))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start {chromium}: {e}"))?;
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = std::fs::remove_dir_all(&profile);
            return Err("chromium did not finish within 60 s".into());
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut dom = String::new();
    if let Some(mut stdout) = child.stdout.take() {
        let _ = stdout.read_to_string(&mut dom);
    }
    let _ = std::fs::remove_dir_all(&profile);
    let expected = "first=1 second=2 same-session=true cookie-readable=false";
    if !status.success() || !dom.contains(expected) {
        return Err(format!("chromium ({status}) showed:\n{dom}\nexpected a page with {expected:?}").into());
    }
    server.stop()?;
    Ok(())
}
