//! Load on `fourd serve`, beside a bare hyper server in the same run:
//! `cargo bench --bench web_load` (needs `wrk`, Debian's package).
//!
//! 1. Requests per second: wrk, for a bounded time on 127.0.0.1, against
//!    `/4DACTION/hello/bench` of the `tests/golden/web/action` project with a
//!    session cookie, and against a hello-world hyper server (the same
//!    hyper and tokio, 2 worker threads) started here. The goal is fourd at
//!    50% of the bare server or more.
//! 2. Sessions: 10,000 requests without a cookie (each makes a web
//!    session), then 10,000 with each session's cookie (each looks one up);
//!    the server's resident memory before and after gives the memory of a
//!    web session.
//!
//! `WEB_LOAD_SECONDS` sets wrk's time (default 5), `WEB_LOAD_CONNECTIONS`
//! its connections (default 32).
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::convert::Infallible;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::Full;

fn main() {
    let seconds: u64 = std::env::var("WEB_LOAD_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(5).clamp(1, 60);
    let connections: u32 =
        std::env::var("WEB_LOAD_CONNECTIONS").ok().and_then(|s| s.parse().ok()).unwrap_or(32).clamp(1, 1000);
    if Command::new("wrk").arg("--version").output().is_err() {
        eprintln!("web_load: wrk is missing (apt-get install wrk)");
        std::process::exit(2);
    }
    let bare = bare_server();
    let project = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/web/action");
    let mut fourd = Command::new(env!("CARGO_BIN_EXE_fourd"))
        .arg("serve")
        .arg(&project)
        .args(["--port", "0", "--log", "/dev/null"])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("fourd serve starts");
    let mut line = String::new();
    BufReader::new(fourd.stdout.take().expect("stdout")).read_line(&mut line).expect("fourd serve says where");
    let address = line.split("http://").nth(1).and_then(|r| r.split('/').next()).expect("an address").to_string();
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
    let hello = format!("http://{address}/4DACTION/hello/bench");
    let first = agent.get(&hello).call().expect("a first request");
    let cookie = first
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .expect("a session cookie")
        .to_string();

    let bare_rps = wrk(&format!("http://{bare}/"), None, seconds, connections);
    let fourd_rps = wrk(&hello, Some(&cookie), seconds, connections);
    println!("requests per second, {connections} connections, {seconds} s each (wrk, 2 threads):");
    println!("  bare hyper hello world: {bare_rps:>10.0}");
    println!("  fourd /4DACTION/hello:  {fourd_rps:>10.0}  ({:.0}% of bare)", 100.0 * fourd_rps / bare_rps.max(1.0));

    let pid = fourd.id();
    let before = resident_kib(pid);
    let started = Instant::now();
    let mut cookies = Vec::with_capacity(10_000);
    let cookie_name = cookie.split('=').next().unwrap_or("").to_string();
    for _ in 0..10_000 {
        // A fresh agent per request: no cookie is sent, so each request makes a session.
        let response = agent.get(&hello).call().expect("a request");
        if let Some(c) = response.headers().get("set-cookie").and_then(|v| v.to_str().ok()) {
            cookies.push(c.split(';').next().unwrap_or("").to_string());
        }
    }
    let created = started.elapsed();
    let after = resident_kib(pid);
    let started = Instant::now();
    for c in &cookies {
        agent.get(&hello).header("Cookie", c).call().expect("a request");
    }
    let looked_up = started.elapsed();
    println!("sessions ({cookie_name}):");
    println!(
        "  {} created in {:.2} s ({:.0} requests/s)",
        cookies.len(),
        created.as_secs_f64(),
        cookies.len() as f64 / created.as_secs_f64()
    );
    println!(
        "  {} looked up in {:.2} s ({:.0} requests/s)",
        cookies.len(),
        looked_up.as_secs_f64(),
        cookies.len() as f64 / looked_up.as_secs_f64()
    );
    if let (Some(before), Some(after)) = (before, after) {
        println!(
            "  resident memory {before} KiB → {after} KiB: about {:.0} bytes a web session",
            (after.saturating_sub(before) as f64 * 1024.0) / cookies.len().max(1) as f64
        );
    }
    let _ = Command::new("kill").arg("-TERM").arg(pid.to_string()).status();
    let _ = fourd.wait();
}

/// A hello-world hyper server on 127.0.0.1 (2 worker threads); its address.
fn bare_server() -> String {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime =
            tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("tokio");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
            tx.send(listener.local_addr().expect("address").to_string()).expect("send");
            loop {
                let Ok((stream, _)) = listener.accept().await else { continue };
                tokio::spawn(async move {
                    let service = hyper::service::service_fn(|_req| async {
                        Ok::<_, Infallible>(hyper::Response::new(Full::new(Bytes::from_static(b"hello bench (guest)"))))
                    });
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                        .await;
                });
            }
        });
    });
    rx.recv_timeout(Duration::from_secs(10)).expect("the bare server starts")
}

/// wrk's requests per second for `url`.
fn wrk(url: &str, cookie: Option<&str>, seconds: u64, connections: u32) -> f64 {
    let mut command = Command::new("wrk");
    command.args(["-t2", &format!("-c{connections}"), &format!("-d{seconds}s")]);
    if let Some(cookie) = cookie {
        command.args(["-H", &format!("Cookie: {cookie}")]);
    }
    let output = command.arg(url).output().expect("wrk runs");
    let text = String::from_utf8_lossy(&output.stdout);
    let errors = text.lines().find(|l| l.contains("Non-2xx") || l.contains("Socket errors"));
    if let Some(errors) = errors {
        eprintln!("wrk {url}: {}", errors.trim());
    }
    text.lines().find_map(|l| l.strip_prefix("Requests/sec:")).and_then(|v| v.trim().parse().ok()).unwrap_or(0.0)
}

/// The resident memory of process `pid`, in KiB (Linux).
fn resident_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}
