//! Sending one HTTP request on ureq, for `HTTP Get`, `HTTP Request` and
//! `4D.HTTPRequest` alike: what to send ([`Outgoing`], plain `Send` data, so
//! that a request can run on a thread of its own), the credentials of
//! `HTTP AUTHENTICATE` or of an `serverAuthentication` option, answered as
//! the server's challenge asks (Basic, or Digest with MD5, MD5-sess or
//! SHA-256), and the answer's status line and header fields ([`Head`]).
//! A request of `4D.HTTPRequest` goes through its `4D.HTTPAgent`
//! ([`Outgoing::via`]: its connection pool and TLS settings); one of
//! `HTTP Get` or `HTTP Request` through an agent of its own that does not
//! check the server's certificate.

use std::time::Duration;

use base64::Engine;

/// How credentials are sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuthMethod {
    /// As the server's challenge asks (a first request goes without them).
    Auto,
    /// Basic, with the first request.
    Basic,
    /// Digest, once the server has sent its challenge.
    Digest,
}

/// A user name, a password and how to send them.
#[derive(Clone, Debug)]
pub struct Credentials {
    pub name: String,
    pub password: String,
    pub method: AuthMethod,
}

/// A request to send.
#[derive(Clone, Debug)]
pub struct Outgoing {
    pub method: String,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// The longest the whole exchange may take; `None` for no limit.
    pub timeout: Option<Duration>,
    /// How many redirections are followed (0: none).
    pub max_redirects: u32,
    /// Whether gzip answers are asked for (and decoded).
    pub compression: bool,
    pub server: Option<Credentials>,
    pub proxy: Option<Credentials>,
    /// The `4D.HTTPAgent` a `4D.HTTPRequest` goes through (`None` for `HTTP Get` and `HTTP Request`).
    pub via: Option<super::http_agent::Via>,
}

/// The status line and header fields of an answer (names in lowercase, as
/// the `http` crate keeps them).
#[derive(Clone, Debug, Default)]
pub struct Head {
    pub status: u16,
    pub status_text: String,
    pub headers: Vec<(String, String)>,
}

impl Head {
    /// The value of the first field named `name` (lowercase).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// An answer whose body is still to be read.
pub struct Answer {
    pub head: Head,
    pub body: ureq::Body,
    /// The request's hold on its agent's connection, given back when dropped
    /// (once the body has been read).
    pub slot: Option<super::http_agent::Slot>,
}

/// Sends `request` (again with credentials when the server or the proxy
/// asks for them); `Err` is why no answer came (refused, unknown host,
/// timed out, a malformed URL, a certificate that does not validate).
pub fn open(request: &Outgoing) -> Result<Answer, String> {
    let (url, in_url) = split_credentials(&request.url);
    let mut timeout = request.timeout;
    let (agent, slot) = match &request.via {
        Some(via) => {
            let ticket = via.ticket.lock().take();
            let server = match url.parse::<ureq::http::Uri>() {
                Ok(uri) => {
                    format!("{}://{}", uri.scheme_str().unwrap_or(""), uri.authority().map_or("", |a| a.as_str()))
                }
                Err(e) => return Err(format!("the request to {url} cannot be sent: {e}")),
            };
            let start = std::time::Instant::now();
            let slot = via.agent.take(&server, timeout.and_then(|t| start.checked_add(t)), &via.abort, ticket)?;
            // The wait for a connection counts in the request's timeout.
            timeout = timeout.map(|t| t.saturating_sub(start.elapsed()).max(Duration::from_millis(1)));
            (via.agent.pool(&via.tls), Some(slot))
        }
        None => {
            let agent: ureq::Agent = ureq::Agent::config_builder()
                .http_status_as_error(false)
                .max_redirects_will_error(false)
                .tls_config(ureq::tls::TlsConfig::builder().disable_verification(true).build())
                .build()
                .into();
            (agent, None)
        }
    };
    let exchange = Exchange { agent: &agent, request, url: &url, timeout };
    let mut extra = Vec::new();
    let given = |name: &str| request.headers.iter().any(|(n, _)| n.eq_ignore_ascii_case(name));
    if !given("Authorization") {
        if let Some(credentials) = in_url {
            extra.push(("Authorization".to_string(), basic(&credentials)));
        } else if let Some(c) = request.server.as_ref().filter(|c| c.method == AuthMethod::Basic) {
            extra.push(("Authorization".to_string(), basic(&format!("{}:{}", c.name, c.password))));
        }
    }
    if let Some(c) = request.proxy.as_ref().filter(|c| c.method == AuthMethod::Basic)
        && !given("Proxy-Authorization")
    {
        extra.push(("Proxy-Authorization".to_string(), basic(&format!("{}:{}", c.name, c.password))));
    }
    let mut answer = exchange.send(&extra)?;
    // Up to one more request for each of the server and the proxy.
    for _ in 0..2 {
        let (credentials, challenge, field) = match answer.head.status {
            401 => (request.server.as_ref(), "www-authenticate", "Authorization"),
            407 => (request.proxy.as_ref(), "proxy-authenticate", "Proxy-Authorization"),
            _ => break,
        };
        let Some(credentials) = credentials else { break };
        if extra.iter().any(|(n, _)| n == field) || given(field) {
            break;
        }
        let challenges: Vec<&str> =
            answer.head.headers.iter().filter(|(n, _)| n == challenge).map(|(_, v)| v.as_str()).collect();
        let Some(value) = respond(credentials, &challenges, &request.method, &url) else { break };
        extra.push((field.to_string(), value));
        answer = exchange.send(&extra)?;
    }
    answer.slot = slot;
    Ok(answer)
}

/// One request's sending: the agent, the request, its URL without credentials, its time limit.
struct Exchange<'a> {
    agent: &'a ureq::Agent,
    request: &'a Outgoing,
    url: &'a str,
    timeout: Option<Duration>,
}

impl Exchange<'_> {
    fn send(&self, extra: &[(String, String)]) -> Result<Answer, String> {
        let (request, url) = (self.request, self.url);
        let mut builder = ureq::http::Request::builder().method(request.method.as_str()).uri(url);
        for (name, value) in request.headers.iter().chain(extra) {
            builder = builder.header(name.as_str(), value.as_str());
        }
        let built =
            builder.body(request.body.clone()).map_err(|e| format!("the request to {url} cannot be sent: {e}"))?;
        let built = self
            .agent
            .configure_request(built)
            .http_status_as_error(false)
            .timeout_global(self.timeout)
            .max_redirects(request.max_redirects)
            .max_redirects_will_error(false)
            .accept_encoding(if request.compression {
                ureq::config::AutoHeaderValue::Default
            } else {
                ureq::config::AutoHeaderValue::None
            })
            .build();
        let response = self.agent.run(built).map_err(|e| match e {
            ureq::Error::Rustls(e) => format!("the TLS connection to {url} failed: {e}"),
            e => format!("the server of {url} cannot be reached: {e}"),
        })?;
        let status = response.status();
        let head = Head {
            status: status.as_u16(),
            status_text: status.canonical_reason().unwrap_or("").to_string(),
            headers: response
                .headers()
                .iter()
                .map(|(n, v)| (n.as_str().to_string(), String::from_utf8_lossy(v.as_bytes()).into_owned()))
                .collect(),
        };
        Ok(Answer { head, body: response.into_body(), slot: None })
    }
}

fn basic(credentials: &str) -> String {
    format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(credentials))
}

/// `http://user:password@host/...`: the URL without its credentials, and them.
pub fn split_credentials(url: &str) -> (String, Option<String>) {
    let Some((scheme, rest)) = url.split_once("://") else { return (url.to_string(), None) };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..authority_end].rsplit_once('@') {
        Some((credentials, host)) => {
            (format!("{scheme}://{host}{}", &rest[authority_end..]), Some(credentials.to_string()))
        }
        None => (url.to_string(), None),
    }
}

/// The `Authorization` value that answers one of `challenges`, as the
/// credentials' method allows; `None` when none can be answered.
fn respond(credentials: &Credentials, challenges: &[&str], method: &str, url: &str) -> Option<String> {
    let scheme_of = |c: &str| c.split_whitespace().next().unwrap_or("").to_ascii_lowercase();
    if credentials.method != AuthMethod::Basic
        && let Some(digest) = challenges.iter().find(|c| scheme_of(c) == "digest")
        && let Some(value) = digest_response(credentials, digest, method, url)
    {
        return Some(value);
    }
    if credentials.method == AuthMethod::Auto && challenges.iter().any(|c| scheme_of(c) == "basic") {
        return Some(basic(&format!("{}:{}", credentials.name, credentials.password)));
    }
    None
}

/// The parameters of a challenge (`Digest realm="x", nonce="y", qop="auth"`).
fn parameters(challenge: &str) -> Vec<(String, String)> {
    let rest = challenge.trim_start().split_once(char::is_whitespace).map_or("", |(_, r)| r);
    let mut out = Vec::new();
    let mut chars = rest.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| *c == ',' || c.is_whitespace()) {
            chars.next();
        }
        let name: String = chars.by_ref().take_while(|c| *c != '=').collect::<String>().trim().to_ascii_lowercase();
        if name.is_empty() {
            break;
        }
        let mut value = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => value.extend(chars.next()),
                    '"' => break,
                    c => value.push(c),
                }
            }
        } else {
            while let Some(c) = chars.peek().copied().filter(|c| *c != ',') {
                value.push(c);
                chars.next();
            }
        }
        out.push((name, value.trim().to_string()));
    }
    out
}

/// RFC 7616's answer to a Digest challenge.
fn digest_response(credentials: &Credentials, challenge: &str, method: &str, url: &str) -> Option<String> {
    let params = parameters(challenge);
    let get = |name: &str| params.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str());
    let realm = get("realm").unwrap_or("");
    let nonce = get("nonce")?;
    let algorithm = get("algorithm").unwrap_or("MD5");
    let hash: fn(&str) -> String = match algorithm.to_ascii_uppercase().trim_end_matches("-SESS") {
        "MD5" => |s| hex(&<md5::Md5 as md5::Digest>::digest(s.as_bytes())),
        "SHA-256" => |s| hex(&<sha2::Sha256 as sha2::Digest>::digest(s.as_bytes())),
        _ => return None,
    };
    let qop = get("qop").map(|q| q.split(',').map(str::trim).any(|q| q == "auth"));
    if qop == Some(false) {
        return None; // only `auth-int` offered
    }
    let uri = match url.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("/", |i| &rest[i..]).split('#').next().unwrap_or("/"),
        None => "/",
    };
    let cnonce = uuid::Uuid::new_v4().simple().to_string();
    let nc = "00000001";
    let mut ha1 = hash(&format!("{}:{realm}:{}", credentials.name, credentials.password));
    if algorithm.to_ascii_uppercase().ends_with("-SESS") {
        ha1 = hash(&format!("{ha1}:{nonce}:{cnonce}"));
    }
    let ha2 = hash(&format!("{method}:{uri}"));
    let response = match qop {
        Some(_) => hash(&format!("{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}")),
        None => hash(&format!("{ha1}:{nonce}:{ha2}")),
    };
    let quote = |s: &str| s.replace('\\', "\\\\").replace('"', "\\\"");
    let mut value = format!(
        "Digest username=\"{}\", realm=\"{}\", nonce=\"{}\", uri=\"{}\", algorithm={algorithm}, response=\"{response}\"",
        quote(&credentials.name),
        quote(realm),
        quote(nonce),
        quote(uri)
    );
    if qop.is_some() {
        value.push_str(&format!(", qop=auth, nc={nc}, cnonce=\"{cnonce}\""));
    }
    if let Some(opaque) = get("opaque") {
        value.push_str(&format!(", opaque=\"{}\"", quote(opaque)));
    }
    Some(value)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_in_the_url() {
        assert_eq!(
            split_credentials("http://john:smith@1.2.3.4:8083/x?a@b"),
            (String::from("http://1.2.3.4:8083/x?a@b"), Some(String::from("john:smith")))
        );
        assert_eq!(split_credentials("http://host/p").1, None);
    }

    #[test]
    fn digest_of_rfc_2617() {
        // The example of RFC 2617, section 3.5, with its cnonce put back.
        let credentials =
            Credentials { name: "Mufasa".into(), password: "Circle Of Life".into(), method: AuthMethod::Digest };
        let challenge = "Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", \
                         nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";
        let params = parameters(challenge);
        assert_eq!(params[0], ("realm".to_string(), "testrealm@host.com".to_string()));
        assert_eq!(params.len(), 4);
        let value =
            digest_response(&credentials, challenge, "GET", "http://host.com/dir/index.html").unwrap_or_default();
        assert!(value.contains("uri=\"/dir/index.html\""), "{value}");
        assert!(value.contains("opaque=\"5ccc069c403ebaf9f0171e9517f40e41\""), "{value}");
        // The response with the RFC's cnonce.
        let ha1 = hex(&<md5::Md5 as md5::Digest>::digest(b"Mufasa:testrealm@host.com:Circle Of Life"));
        let ha2 = hex(&<md5::Md5 as md5::Digest>::digest(b"GET:/dir/index.html"));
        let expected = hex(&<md5::Md5 as md5::Digest>::digest(
            format!("{ha1}:dcd98b7102dd2f0e8b11d0f600bfb0c093:00000001:0a4f113b:auth:{ha2}").as_bytes(),
        ));
        assert_eq!(expected, "6629fae49393a05397450978507c4ef1");
    }
}
