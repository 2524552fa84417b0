//! `4D.HTTPAgent`: the connections of the `4D.HTTPRequest`s sent through it.
//! An agent is a shareable object (a [`SharedObject`] that owns an
//! [`HttpAgent`]) holding a connection pool per TLS configuration (a
//! `ureq::Agent` each), the limits of `maxSockets` (per server) and
//! `maxTotalSockets` (requests wait for a free connection), how long an idle
//! connection is kept (`timeout`) and whether connections are kept at all
//! (`keepAlive`). Its read-only properties are kept up to date by the threads
//! that use it: `requestsCount` (the requests it is handling, waiting for a
//! connection or not) and `freeSocketsCount` (its open connections that no
//! request is using, which the next request to their server takes).
//!
//! The TLS options ([`TlsOptions`]: `validateTLSCertificate`,
//! `minTLSVersion`, `certificatesFolder`) are read here for the agent and for
//! a request alike; a request's own options win over its agent's. A request
//! without an agent goes through the run's global agent ([`global`]).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock, Weak};
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex};
use ureq::unversioned::transport::{Buffers, ConnectionDetails, Connector, DefaultConnector, NextTimeout, Transport};

use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::shared::SharedObject;
use crate::runtime::value::Value;

/// The documented default of `maxSockets` and `maxTotalSockets`.
const MAX_SOCKETS: u32 = 65535;

/// A version of TLS, as `minTLSVersion` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum TlsVersion {
    V1_0,
    V1_1,
    V1_2,
    V1_3,
}

impl TlsVersion {
    const ALL: [(TlsVersion, &'static str); 4] = [
        (TlsVersion::V1_0, "TLSv1_0"),
        (TlsVersion::V1_1, "TLSv1_1"),
        (TlsVersion::V1_2, "TLSv1_2"),
        (TlsVersion::V1_3, "TLSv1_3"),
    ];

    fn parse(text: &str) -> Option<TlsVersion> {
        TlsVersion::ALL.iter().find(|(_, name)| name.eq_ignore_ascii_case(text.trim())).map(|(v, _)| *v)
    }

    fn name(self) -> &'static str {
        TlsVersion::ALL.iter().find(|(v, _)| *v == self).map_or("", |(_, name)| name)
    }
}

/// A client certificate read from a `certificatesFolder` (`cert.pem`, its
/// chain, and `key.pem`, its private key).
#[derive(Clone, Debug)]
pub struct ClientCertificate {
    /// The folder on the disk.
    folder: PathBuf,
    /// The folder's path as 4D shows it.
    path: String,
    certificate: ureq::tls::ClientCert,
}

impl PartialEq for ClientCertificate {
    fn eq(&self, other: &ClientCertificate) -> bool {
        self.folder == other.folder
    }
}

/// The TLS options given to an agent or a request (`None`: not given).
#[derive(Clone, Debug, Default)]
pub struct TlsOptions {
    validate: Option<bool>,
    min_version: Option<TlsVersion>,
    client: Option<ClientCertificate>,
}

/// The TLS settings a request is sent with: its own options over its agent's, over the defaults.
#[derive(Clone, Debug, PartialEq)]
pub struct Tls {
    /// `validateTLSCertificate` (documented default: True).
    validate: bool,
    /// `minTLSVersion` (documented default: TLS 1.2).
    min_version: TlsVersion,
    client: Option<ClientCertificate>,
}

impl TlsOptions {
    /// Reads `validateTLSCertificate`, `minTLSVersion`, `certificatesFolder`
    /// and `storeCertificateName` from `options`.
    pub fn read(options: &Value) -> Result<TlsOptions, RuntimeError> {
        let option = |name: &str| crate::runtime::access::member(options, name).unwrap_or_default();
        let validate = match option("validateTLSCertificate") {
            Value::Undefined | Value::Null => None,
            Value::Bool(b) => Some(b),
            other => {
                return Err(super::bad_argument(&format!(
                    "the option validateTLSCertificate is a Boolean, not {}",
                    other.type_name()
                )));
            }
        };
        let min_version = match option("minTLSVersion") {
            Value::Undefined | Value::Null => None,
            Value::Text(t) => Some(TlsVersion::parse(t.as_str()).ok_or_else(|| {
                super::bad_argument(&format!(
                    "minTLSVersion is \"TLSv1_0\", \"TLSv1_1\", \"TLSv1_2\" or \"TLSv1_3\", not \"{}\"",
                    t.as_str()
                ))
            })?),
            other => {
                return Err(super::bad_argument(&format!(
                    "the option minTLSVersion is a text, not {}",
                    other.type_name()
                )));
            }
        };
        match option("storeCertificateName") {
            Value::Undefined | Value::Null => {}
            Value::Text(t) if t.as_str().is_empty() => {}
            _ => {
                return Err(RuntimeError::new(
                    codes::NOT_SUPPORTED,
                    "storeCertificateName is not supported by fourd: it names a certificate of the Windows \
                     certificate store or the macOS keychain; give a certificatesFolder instead",
                ));
            }
        }
        let client = match option("certificatesFolder") {
            Value::Undefined | Value::Null => None,
            folder => match crate::runtime::files::item_of_value(&folder).filter(|item| item.folder) {
                Some(item) => Some(client_certificate(&item.native, &item.path)?),
                None => {
                    return Err(super::bad_argument(&format!(
                        "the option certificatesFolder is a 4D.Folder, not {}",
                        folder.type_name()
                    )));
                }
            },
        };
        Ok(TlsOptions { validate, min_version, client })
    }

    /// These options over `base`'s, over the documented defaults.
    pub fn over(&self, base: &TlsOptions) -> Tls {
        Tls {
            validate: self.validate.or(base.validate).unwrap_or(true),
            min_version: self.min_version.or(base.min_version).unwrap_or(TlsVersion::V1_2),
            client: self.client.clone().or_else(|| base.client.clone()),
        }
    }
}

/// Reads `cert.pem` and `key.pem` from `folder`.
fn client_certificate(folder: &std::path::Path, path: &str) -> Result<ClientCertificate, RuntimeError> {
    let read = |name: &str| {
        std::fs::read(folder.join(name))
            .map_err(|e| super::bad_argument(&format!("the certificates folder {path} has no readable {name}: {e}")))
    };
    let certificates_pem = read("cert.pem")?;
    let key_pem = read("key.pem")?;
    let mut chain = Vec::new();
    for item in ureq::tls::parse_pem(&certificates_pem) {
        match item {
            Ok(ureq::tls::PemItem::Certificate(c)) => chain.push(c),
            Ok(_) => {}
            Err(e) => return Err(super::bad_argument(&format!("{path}cert.pem is not valid PEM: {e}"))),
        }
    }
    if chain.is_empty() {
        return Err(super::bad_argument(&format!("{path}cert.pem holds no certificate")));
    }
    let private_key = ureq::tls::PrivateKey::from_pem(&key_pem)
        .map_err(|e| super::bad_argument(&format!("{path}key.pem holds no private key: {e}")))?;
    Ok(ClientCertificate {
        folder: folder.to_path_buf(),
        path: path.to_string(),
        certificate: ureq::tls::ClientCert::new_with_certs(&chain, private_key),
    })
}

/// The state of a `4D.HTTPAgent`, owned by its shared object.
#[derive(Debug)]
pub struct HttpAgent {
    keep_alive: bool,
    /// Connections at once to one server (`maxSockets`).
    max_sockets: u32,
    /// Connections at once in all (`maxTotalSockets`).
    max_total: u32,
    /// How long an idle connection is kept (`timeout`); `None`: until the server closes it.
    idle: Option<Duration>,
    /// `protocol`, when given.
    protocol: Option<String>,
    tls: TlsOptions,
    /// A connection pool per TLS configuration.
    pools: Mutex<Vec<(Tls, ureq::Agent)>>,
    slots: Mutex<Slots>,
    freed: Condvar,
    /// The connections open now (in use or idle).
    open: AtomicUsize,
    /// The object that stands for the agent, whose counts the agent updates.
    object: OnceLock<Weak<SharedObject>>,
}

/// The requests an agent is handling.
#[derive(Debug, Default)]
struct Slots {
    /// Started and not over (waiting for a connection or not).
    handled: usize,
    /// Holding a connection.
    active: u32,
    per_server: HashMap<String, u32>,
}

/// A request its agent handles, from `new()` to its end: counted in
/// `requestsCount` until dropped.
#[derive(Debug)]
pub struct Ticket {
    agent: Arc<HttpAgent>,
}

impl Drop for Ticket {
    fn drop(&mut self) {
        let mut slots = self.agent.slots.lock();
        slots.handled = slots.handled.saturating_sub(1);
        self.agent.show(&slots);
    }
}

/// A request's hold on one of its agent's connections: given back when
/// dropped (then its ticket).
#[derive(Debug)]
pub struct Slot {
    agent: Arc<HttpAgent>,
    server: String,
    _ticket: Option<Ticket>,
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut slots = self.agent.slots.lock();
        slots.active = slots.active.saturating_sub(1);
        if let Some(n) = slots.per_server.get_mut(&self.server) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                slots.per_server.remove(&self.server);
            }
        }
        self.agent.show(&slots);
        drop(slots);
        self.agent.freed.notify_all();
    }
}

/// A request's agent and the TLS settings it is sent with.
#[derive(Clone, Debug)]
pub struct Via {
    pub agent: Arc<HttpAgent>,
    pub tls: Tls,
    /// Set when the request is terminated: it stops waiting for a connection.
    pub abort: Arc<AtomicBool>,
    /// The request's ticket, until the request takes a connection.
    pub ticket: Arc<Mutex<Option<Ticket>>>,
}

impl HttpAgent {
    /// The agent's protocol option, when given.
    pub fn protocol(&self) -> Option<&str> {
        self.protocol.as_deref()
    }

    /// The agent's TLS options.
    pub fn tls(&self) -> &TlsOptions {
        &self.tls
    }

    /// Writes the counts into the agent's object.
    fn show(&self, slots: &Slots) {
        let Some(object) = self.object.get().and_then(Weak::upgrade) else { return };
        let idle = self.open.load(Ordering::Acquire).saturating_sub(slots.active as usize);
        // Numbers: nothing to refuse.
        let _ = object.set_unchecked("requestsCount", &Value::Real(slots.handled as f64));
        let _ = object.set_unchecked("freeSocketsCount", &Value::Real(idle as f64));
    }

    fn refresh(&self) {
        let slots = self.slots.lock();
        self.show(&slots);
    }

    /// A new request to handle.
    pub fn enter(self: &Arc<Self>) -> Ticket {
        let mut slots = self.slots.lock();
        slots.handled += 1;
        self.show(&slots);
        Ticket { agent: Arc::clone(self) }
    }

    /// Waits until a connection to `server` may be used (or `deadline`, or
    /// the request is terminated).
    pub fn take(
        self: &Arc<Self>,
        server: &str,
        deadline: Option<Instant>,
        abort: &AtomicBool,
        ticket: Option<Ticket>,
    ) -> Result<Slot, String> {
        let mut slots = self.slots.lock();
        loop {
            let busy = slots.per_server.get(server).copied().unwrap_or(0);
            if busy < self.max_sockets && slots.active < self.max_total {
                slots.active += 1;
                *slots.per_server.entry(server.to_string()).or_insert(0) += 1;
                self.show(&slots);
                return Ok(Slot { agent: Arc::clone(self), server: server.to_string(), _ticket: ticket });
            }
            let now = Instant::now();
            let over = abort.load(Ordering::Acquire) || deadline.is_some_and(|d| now >= d);
            if over {
                drop(slots);
                drop(ticket);
                return Err(format!("timed out waiting for a connection to {server}"));
            }
            let step = Duration::from_millis(50);
            let wait = deadline.map_or(step, |d| d.saturating_duration_since(now).min(step));
            self.freed.wait_for(&mut slots, wait);
        }
    }

    /// The connection pool for `tls`.
    pub fn pool(self: &Arc<Self>, tls: &Tls) -> ureq::Agent {
        let mut pools = self.pools.lock();
        if let Some((_, agent)) = pools.iter().find(|(t, _)| t == tls) {
            return agent.clone();
        }
        let mut tls_config = ureq::tls::TlsConfig::builder()
            .disable_verification(!tls.validate)
            .client_cert(tls.client.as_ref().map(|c| c.certificate.clone()));
        if tls.min_version == TlsVersion::V1_3 {
            // The provider without its TLS 1.2 cipher suites: rustls then offers TLS 1.3 only.
            let mut provider = rustls::crypto::ring::default_provider();
            provider.cipher_suites.retain(|suite| suite.version() == &rustls::version::TLS13);
            tls_config = tls_config.unversioned_rustls_crypto_provider(Arc::new(provider));
        }
        let (idle_total, idle_per_server) =
            if self.keep_alive { (self.max_total as usize, self.max_sockets as usize) } else { (0, 0) };
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects_will_error(false)
            .max_idle_connections(idle_total)
            .max_idle_connections_per_host(idle_per_server)
            // No `timeout`: kept until the server closes it (ureq compares ages with it).
            .max_idle_age(self.idle.unwrap_or(Duration::MAX))
            .tls_config(tls_config.build())
            .build();
        let connector = DefaultConnector::default().chain(Counting(Arc::downgrade(self)));
        let agent = ureq::Agent::with_parts(config, connector, ureq::unversioned::resolver::DefaultResolver::default());
        pools.push((tls.clone(), agent.clone()));
        agent
    }
}

/// The last link of an agent's connectors: counts its open connections.
#[derive(Debug)]
struct Counting(Weak<HttpAgent>);

impl Connector<Box<dyn Transport>> for Counting {
    type Out = Counted;

    fn connect(
        &self,
        _: &ConnectionDetails,
        chained: Option<Box<dyn Transport>>,
    ) -> Result<Option<Counted>, ureq::Error> {
        Ok(chained.map(|inner| {
            if let Some(agent) = self.0.upgrade() {
                agent.open.fetch_add(1, Ordering::AcqRel);
                agent.refresh();
            }
            Counted { inner, agent: self.0.clone() }
        }))
    }
}

/// A connection an agent counts until it is closed.
#[derive(Debug)]
struct Counted {
    inner: Box<dyn Transport>,
    agent: Weak<HttpAgent>,
}

impl Drop for Counted {
    fn drop(&mut self) {
        if let Some(agent) = self.agent.upgrade() {
            let _ = agent.open.fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| n.checked_sub(1));
            agent.refresh();
        }
    }
}

impl Transport for Counted {
    fn buffers(&mut self) -> &mut dyn Buffers {
        self.inner.buffers()
    }

    fn transmit_output(&mut self, amount: usize, timeout: NextTimeout) -> Result<(), ureq::Error> {
        self.inner.transmit_output(amount, timeout)
    }

    fn maybe_await_input(&mut self, timeout: NextTimeout) -> Result<bool, ureq::Error> {
        self.inner.maybe_await_input(timeout)
    }

    fn await_input(&mut self, timeout: NextTimeout) -> Result<bool, ureq::Error> {
        self.inner.await_input(timeout)
    }

    fn is_open(&mut self) -> bool {
        self.inner.is_open()
    }

    fn is_tls(&self) -> bool {
        self.inner.is_tls()
    }
}

/// The agent an object stands for, when it is a `4D.HTTPAgent`.
pub fn agent_of(value: &Value) -> Option<(Arc<SharedObject>, Arc<HttpAgent>)> {
    match value {
        Value::SharedObject(o) => {
            let agent = o.owned.clone()?.downcast::<HttpAgent>().ok()?;
            Some((Arc::clone(o), agent))
        }
        _ => None,
    }
}

/// Whether a shared object stands for a `4D.HTTPAgent`.
pub fn is_agent(object: &SharedObject) -> bool {
    object.owned.as_ref().is_some_and(|owned| owned.is::<HttpAgent>())
}

/// The run's global agent, which requests without an `agent` option use (documented).
pub fn global() -> (Arc<SharedObject>, Arc<HttpAgent>) {
    static GLOBAL: OnceLock<(Arc<SharedObject>, Arc<HttpAgent>)> = OnceLock::new();
    let (object, agent) = GLOBAL.get_or_init(|| make_with(Settings::default()));
    (Arc::clone(object), Arc::clone(agent))
}

/// `4D.HTTPAgent.new({options})`.
pub fn new(args: &[Value]) -> Result<Value, RuntimeError> {
    if args.len() > 1 {
        return Err(RuntimeError::new(
            codes::BAD_ARGUMENTS,
            format!("4D.HTTPAgent.new() takes 0 or 1 argument, not {}", args.len()),
        ));
    }
    let options = match args.first().cloned().unwrap_or_default() {
        Value::Undefined | Value::Null => Value::Undefined,
        o @ (Value::Object(_) | Value::SharedObject(_)) => o,
        other => return Err(super::wrong_type(0, "an object", &other)),
    };
    Ok(Value::SharedObject(make(&options)?.0))
}

/// What `new()` was given.
#[derive(Debug)]
struct Settings {
    keep_alive: bool,
    max_sockets: u32,
    max_total: u32,
    idle: Option<f64>,
    protocol: Option<String>,
    tls: TlsOptions,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            keep_alive: true,
            max_sockets: MAX_SOCKETS,
            max_total: MAX_SOCKETS,
            idle: None,
            protocol: None,
            tls: TlsOptions::default(),
        }
    }
}

fn make(options: &Value) -> Result<(Arc<SharedObject>, Arc<HttpAgent>), RuntimeError> {
    let option = |name: &str| crate::runtime::access::member(options, name).unwrap_or_default();
    let keep_alive = match option("keepAlive") {
        Value::Undefined | Value::Null => true,
        Value::Bool(b) => b,
        other => {
            return Err(super::bad_argument(&format!("the option keepAlive is a Boolean, not {}", other.type_name())));
        }
    };
    let count = |name: &str| -> Result<u32, RuntimeError> {
        let n = match option(name) {
            Value::Undefined | Value::Null => return Ok(MAX_SOCKETS),
            Value::Real(n) => n,
            Value::Long(n) => f64::from(n),
            other => {
                return Err(super::bad_argument(&format!("the option {name} is a number, not {}", other.type_name())));
            }
        };
        if n.fract() != 0.0 || !(1.0..=f64::from(u32::MAX)).contains(&n) {
            return Err(super::bad_argument(&format!("the option {name} is a whole number of at least 1, not {n}")));
        }
        Ok(n as u32)
    };
    let max_sockets = count("maxSockets")?;
    let max_total = count("maxTotalSockets")?;
    let idle = match option("timeout") {
        Value::Undefined | Value::Null => None,
        Value::Real(n) => Some(n),
        Value::Long(n) => Some(f64::from(n)),
        other => {
            return Err(super::bad_argument(&format!(
                "the option timeout is a number of seconds, not {}",
                other.type_name()
            )));
        }
    };
    if let Some(n) = idle
        && !(n >= 0.0 && n.is_finite())
    {
        return Err(super::bad_argument(&format!("the option timeout is a number of seconds of at least 0, not {n}")));
    }
    let protocol = match option("protocol") {
        Value::Undefined | Value::Null => None,
        Value::Text(t) => match t.as_str().to_ascii_uppercase().as_str() {
            "AUTO" => Some(String::from("auto")),
            "HTTP1" => Some(String::from("HTTP1")),
            _ => {
                return Err(super::bad_argument(&format!("protocol is \"auto\" or \"HTTP1\", not \"{}\"", t.as_str())));
            }
        },
        other => {
            return Err(super::bad_argument(&format!("the option protocol is a text, not {}", other.type_name())));
        }
    };
    let tls = TlsOptions::read(options)?;
    Ok(make_with(Settings { keep_alive, max_sockets, max_total, idle, protocol, tls }))
}

fn make_with(settings: Settings) -> (Arc<SharedObject>, Arc<HttpAgent>) {
    let mut shown: Vec<(&str, Value)> = vec![
        ("keepAlive", Value::Bool(settings.keep_alive)),
        ("maxSockets", Value::Real(f64::from(settings.max_sockets))),
        ("maxTotalSockets", Value::Real(f64::from(settings.max_total))),
    ];
    if let Some(idle) = settings.idle {
        shown.push(("timeout", Value::Real(idle)));
    }
    if let Some(protocol) = &settings.protocol {
        shown.push(("protocol", Value::text(protocol.as_str())));
    }
    if let Some(validate) = settings.tls.validate {
        shown.push(("validateTLSCertificate", Value::Bool(validate)));
    }
    if let Some(version) = settings.tls.min_version {
        shown.push(("minTLSVersion", Value::text(version.name())));
    }
    if let Some(client) = &settings.tls.client {
        shown.push(("certificatesFolder", Value::text(client.path.as_str())));
    }
    let agent = Arc::new(HttpAgent {
        keep_alive: settings.keep_alive,
        max_sockets: settings.max_sockets,
        max_total: settings.max_total,
        idle: settings.idle.map(|s| Duration::try_from_secs_f64(s).unwrap_or(Duration::MAX)),
        protocol: settings.protocol,
        tls: settings.tls,
        pools: Mutex::new(Vec::new()),
        slots: Mutex::new(Slots::default()),
        freed: Condvar::new(),
        open: AtomicUsize::new(0),
        object: OnceLock::new(),
    });
    let object = SharedObject::new_owning(Arc::clone(&agent) as Arc<dyn std::any::Any + Send + Sync>);
    // Set before anyone else sees the object: texts, numbers, Booleans and a
    // shared object of them, nothing to refuse.
    let options = SharedObject::new();
    for (name, value) in shown {
        let _ = options.set_unchecked(name, &value);
    }
    let _ = object.set_unchecked("options", &Value::SharedObject(options));
    let _ = object.set_unchecked("requestsCount", &Value::Real(0.0));
    let _ = object.set_unchecked("freeSocketsCount", &Value::Real(0.0));
    let _ = agent.object.set(Arc::downgrade(&object));
    (object, agent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_by_name() {
        assert_eq!(TlsVersion::parse("TLSv1_3"), Some(TlsVersion::V1_3));
        assert_eq!(TlsVersion::parse("tlsv1_0"), Some(TlsVersion::V1_0));
        assert_eq!(TlsVersion::parse("TLSv1.2"), None);
        assert_eq!(TlsVersion::V1_1.name(), "TLSv1_1");
    }

    #[test]
    fn a_request_option_wins_over_its_agent() {
        let agent = TlsOptions { validate: Some(false), min_version: Some(TlsVersion::V1_3), client: None };
        let request = TlsOptions { validate: Some(true), ..TlsOptions::default() };
        let tls = request.over(&agent);
        assert!(tls.validate);
        assert_eq!(tls.min_version, TlsVersion::V1_3);
        let defaults = TlsOptions::default().over(&TlsOptions::default());
        assert!(defaults.validate);
        assert_eq!(defaults.min_version, TlsVersion::V1_2);
    }

    #[test]
    fn bad_options_are_refused() {
        let options = |json: &str| match crate::runtime::json::parse(json, false) {
            Ok((value, _)) => value,
            Err(_) => Value::Undefined,
        };
        for bad in [
            r#"{"maxSockets": 0}"#,
            r#"{"maxSockets": 1.5}"#,
            r#"{"maxTotalSockets": "3"}"#,
            r#"{"keepAlive": 1}"#,
            r#"{"timeout": -1}"#,
            r#"{"minTLSVersion": "SSLv3"}"#,
            r#"{"validateTLSCertificate": "yes"}"#,
            r#"{"certificatesFolder": "/tmp"}"#,
            r#"{"storeCertificateName": "mine"}"#,
            r#"{"protocol": "HTTP2"}"#,
        ] {
            assert!(make(&options(bad)).is_err(), "{bad}");
        }
        let (object, agent) = make(&options(r#"{"maxSockets": 2, "keepAlive": false}"#)).expect("an agent");
        assert_eq!(agent.max_sockets, 2);
        assert!(!agent.keep_alive);
        assert_eq!(crate::runtime::format::json(&object.get("requestsCount"), false), "0");
    }
}
