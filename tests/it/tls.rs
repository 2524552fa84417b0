//! An HTTPS server for the web trials' `TLS` and `TLS12` lines: a rustls
//! server on an ephemeral loopback port with a self-signed certificate made
//! for the run (rcgen), which 4D code reaches as a server whose certificate
//! does not validate. It offers to check a client certificate (any one is
//! taken) and answers every request with what it saw: the TLS version and
//! whether the client gave a certificate. `/client-cert.pem` and
//! `/client-key.pem` give a client certificate and its key made for the run,
//! for a `certificatesFolder`. Each connection is served on a thread of its
//! own; the server lives as long as the test binary.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use libtest_mimic::Failed;
use rustls::DistinguishedName;
use rustls::client::danger::HandshakeSignatureValid;
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer, UnixTime};
use rustls::server::danger::{ClientCertVerified, ClientCertVerifier};

/// A certificate and its private key, as DER and as PEM.
struct Made {
    der: CertificateDer<'static>,
    key_der: Vec<u8>,
    pem: String,
    key_pem: String,
}

fn make(names: &[&str]) -> Result<Made, String> {
    let made = rcgen::generate_simple_self_signed(names.iter().map(|n| n.to_string()).collect::<Vec<_>>())
        .map_err(|e| e.to_string())?;
    Ok(Made {
        der: made.cert.der().clone(),
        key_der: made.signing_key.serialize_der(),
        pem: made.cert.pem(),
        key_pem: made.signing_key.serialize_pem(),
    })
}

/// The server's certificate and the client's, made once a run.
fn certificates() -> Result<&'static (Made, Made), Failed> {
    static MADE: OnceLock<Result<(Made, Made), String>> = OnceLock::new();
    MADE.get_or_init(|| Ok((make(&["localhost", "127.0.0.1"])?, make(&["fourd client"])?)))
        .as_ref()
        .map_err(|e| Failed::from(format!("cannot make a certificate: {e}")))
}

/// Takes any client certificate whose handshake signatures hold.
#[derive(Debug)]
struct AnyClient(Arc<CryptoProvider>);

impl ClientCertVerifier for AnyClient {
    fn client_auth_mandatory(&self) -> bool {
        false
    }

    fn root_hint_subjects(&self) -> &[DistinguishedName] {
        &[]
    }

    fn verify_client_cert(
        &self,
        _: &CertificateDer<'_>,
        _: &[CertificateDer<'_>],
        _: UnixTime,
    ) -> Result<ClientCertVerified, rustls::Error> {
        Ok(ClientCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.0.signature_verification_algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.0.signature_verification_algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// Starts a server (TLS 1.2 only when `tls12_only`, else 1.2 and 1.3); its port.
pub fn start(tls12_only: bool) -> Result<u16, Failed> {
    let (server, client) = certificates()?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let versions: &[&rustls::SupportedProtocolVersion] =
        if tls12_only { &[&rustls::version::TLS12] } else { &[&rustls::version::TLS12, &rustls::version::TLS13] };
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(server.key_der.clone()));
    let config = rustls::ServerConfig::builder_with_provider(Arc::clone(&provider))
        .with_protocol_versions(versions)
        .map_err(|e| e.to_string())?
        .with_client_cert_verifier(Arc::new(AnyClient(provider)))
        .with_single_cert(vec![server.der.clone()], key)
        .map_err(|e| e.to_string())?;
    let config = Arc::new(config);
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let (client_pem, client_key_pem) = (client.pem.clone(), client.key_pem.clone());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let config = Arc::clone(&config);
            let files = (client_pem.clone(), client_key_pem.clone());
            std::thread::spawn(move || serve(stream, config, &files));
        }
    });
    Ok(port)
}

/// One connection: one request read (its head), one answer, then closed.
fn serve(stream: std::net::TcpStream, config: Arc<rustls::ServerConfig>, files: &(String, String)) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let Ok(connection) = rustls::ServerConnection::new(config) else { return };
    let mut tls = rustls::StreamOwned::new(connection, stream);
    let mut head = Vec::new();
    let mut buffer = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 65536 {
        match tls.read(&mut buffer) {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&buffer[..n]),
        }
    }
    let head = String::from_utf8_lossy(&head);
    let target = head.split_whitespace().nth(1).unwrap_or("/");
    let body = match target {
        "/client-cert.pem" => files.0.clone(),
        "/client-key.pem" => files.1.clone(),
        _ => {
            let version = tls.conn.protocol_version().map(|v| format!("{v:?}")).unwrap_or_default();
            let client = if tls.conn.peer_certificates().is_some_and(|c| !c.is_empty()) { "yes" } else { "none" };
            format!("TLS version: {version}, client certificate: {client}")
        }
    };
    let answer = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = tls.write_all(answer.as_bytes());
    let _ = tls.flush();
    tls.conn.send_close_notify();
    let _ = tls.flush();
}
