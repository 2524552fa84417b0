//! `fourd serve`: 4D's web server for a project folder. Static files from
//! the HTML root, `/4DACTION/` methods, the web database methods, scalable
//! web sessions in the run's session table, on hyper.
//!
//! Threads: the listener runs on a small tokio runtime (`http.rs`); 4D code
//! runs in web processes, 4D processes of the run on OS threads
//! (`dispatch.rs`), fed by a queue (`pool.rs`); the main process runs
//! `onStartup`, starts web processes when the pool asks for more, handles
//! the messages other processes send it (`CALL WORKER(1; ...)`), and runs
//! `onExit` once the listener has stopped.
//!
//! Layer 5: uses `eval` (processes, the run), `commands` (the request and
//! answer the web commands see), `session` and `runtime`.

pub mod dispatch;
pub mod files;
pub mod http;
pub mod pool;
pub mod settings;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use parking_lot::Mutex;

use crate::commands::Output;
use crate::commands::web_options::{OptionValue, selector};
use crate::eval::control::Control;
use crate::eval::{Run, exec, processes};
use crate::runtime::value::Value;

/// What `fourd serve` is told on its command line.
#[derive(Debug, Clone, Default)]
pub struct ServeOptions {
    /// The project folder (the one holding `Project/`).
    pub project: PathBuf,
    pub port: Option<u16>,
    pub host: Option<IpAddr>,
    /// The access log's file; standard error when none.
    pub log: Option<PathBuf>,
    /// How long a client may take to send a request (see [`http::Limits`]).
    pub read_timeout: Option<Duration>,
    /// The largest request body, in bytes.
    pub max_request_size: Option<usize>,
}

/// The name 4D gives the project: its `.4DProject` file's, else its folder's.
pub fn project_name(folder: &Path) -> String {
    let from_file = std::fs::read_dir(folder.join("Project")).ok().and_then(|entries| {
        entries.flatten().map(|e| e.path()).find_map(|p| {
            p.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("4DProject"))
                .then(|| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
                .flatten()
        })
    });
    from_file.unwrap_or_else(|| {
        std::path::absolute(folder)
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_else(|| String::from("fourd"))
    })
}

/// Serves the project until Ctrl-C or SIGTERM. `Err` is a start-up error
/// (no project, a port in use, a bad settings file); `Ok` tells whether
/// the run went without an uncaught error in `onStartup` or `onExit`.
pub fn serve(
    options: &ServeOptions,
    out: &mut (dyn Output + Send),
    render: crate::diag::RenderOptions,
) -> Result<bool, String> {
    let folder = std::path::absolute(&options.project).unwrap_or_else(|_| options.project.clone());
    if !folder.join("Project").join("Sources").is_dir() {
        return Err(format!("not a 4D project (no Project/Sources folder): {}", options.project.display()));
    }
    let settings = settings::WebSettings::read(&folder)?;
    let log: Box<dyn std::io::Write + Send> = match &options.log {
        Some(path) => Box::new(
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)
                .map_err(|e| format!("cannot open the log {}: {e}", path.display()))?,
        ),
        None => Box::new(std::io::stderr()),
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("fourd-listener")
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the listener: {e}"))?;
    let mut run = Run::for_project(&folder);
    run.show_at_once = Some(render);
    // roles.json is read once, at start; a file that cannot be used stops the server.
    if let Err(diag) = run.load_roles() {
        return Err(crate::diag::render(&diag, &run.sources, render));
    }
    // The settings are the options `onStartup` finds (and may change).
    let web_options = crate::commands::web_options::WebOptions::new(&project_name(&folder));
    let _ = web_options.set(selector::PORT, OptionValue::Number(f64::from(settings.port)));
    let _ = web_options
        .set(selector::SCALABLE_SESSION, OptionValue::Number(f64::from(u8::from(settings.scalable_sessions))));
    let web_options = Arc::new(web_options);
    run.web_options = Arc::clone(&web_options);
    processes::run_processes(&mut run, out, |mut main| {
        let mut process_vars = Vec::new();
        let mut process = exec::Process::new(&mut main.methods, &mut process_vars, &mut main.out);
        process.attach(&main.control, Arc::clone(&main.entry));
        let mut failed = !run_database_method(&mut process, &main.control, main.world, crate::eval::STARTUP_KEY);
        // The server starts after `onStartup`, with the options it left.
        let started = listen(options, &settings, &web_options, log);
        let (listener, shared, site, address) = match started {
            Ok(started) => started,
            Err(message) => {
                main.control.finish(&mut process);
                return Err(message);
            }
        };
        let pool = Arc::clone(&shared.pool);
        let server_pool = Arc::clone(&pool);
        let signals = {
            let _inside = runtime.enter();
            StopSignals::catch()
        };
        let server = std::thread::Builder::new().name(String::from("fourd-listener")).spawn(move || {
            runtime.block_on(async move {
                match tokio::net::TcpListener::from_std(listener) {
                    Ok(listener) => http::serve(listener, shared, signals.wait()).await,
                    Err(_) => server_pool.close(),
                }
            })
        });
        let Ok(server) = server else {
            main.control.finish(&mut process);
            return Err(String::from("cannot start the listener"));
        };
        process.out.stdout(&format!("fourd serve: listening on http://{address}/ (Ctrl-C stops)\n"));
        process.out.flush();
        // The main process until the listener stops: it starts the web
        // processes the pool asks for, and handles its own messages.
        let mut web_processes = Vec::new();
        let mut last_sweep = Instant::now();
        loop {
            for _ in 0..pool.wanted(MAIN_TICK) {
                let (site, for_thread) = (Arc::clone(&site), Arc::clone(&pool));
                match main.control.start_web_process(move |thread| dispatch::web_process(thread, &site, &for_thread)) {
                    Ok(entry) => web_processes.push(entry),
                    Err(_) => pool.not_started(),
                }
            }
            while let Some(message) = main.control.main_message(Instant::now()) {
                process.run_message(message);
                main.control.message_done();
            }
            if server.is_finished() {
                break;
            }
            // Expired web sessions go, and their storage with them.
            if last_sweep.elapsed() >= SESSION_SWEEP {
                main.control.sessions().expire(std::time::SystemTime::now());
                last_sweep = Instant::now();
            }
        }
        let _ = server.join();
        // The listener let the requests in flight finish within its grace:
        // a web process still running 4D code now is aborted.
        for entry in &web_processes {
            entry.abort();
        }
        failed |= !run_database_method(&mut process, &main.control, main.world, crate::eval::EXIT_KEY);
        main.control.finish(&mut process);
        // Errors of web code were shown as they came and leave the exit status alone.
        Ok(!failed)
    })
}

/// What a started listener needs: its socket, what its connections share,
/// what the web processes know, and the address to show.
type Started = (std::net::TcpListener, Arc<http::Shared>, Arc<dispatch::Site>, SocketAddr);

/// Binds the listener with the options `onStartup` left, the command line
/// winning over them.
fn listen(
    options: &ServeOptions,
    settings: &settings::WebSettings,
    web_options: &crate::commands::web_options::WebOptions,
    log: Box<dyn std::io::Write + Send>,
) -> Result<Started, String> {
    let listen_to = web_options.text(selector::IP_ADDRESS);
    let host = match options.host {
        Some(host) => host,
        None if listen_to.is_empty() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        None => listen_to.parse().map_err(|_| format!("the web IP address `{listen_to}` is not an address"))?,
    };
    let port = match options.port {
        Some(port) => port,
        None => u16::try_from(web_options.number(selector::PORT) as i64).unwrap_or(settings::DEFAULT_PORT),
    };
    let listener = std::net::TcpListener::bind(SocketAddr::new(host, port))
        .map_err(|e| format!("cannot listen on {}: {e}", SocketAddr::new(host, port)))?;
    listener.set_nonblocking(true).map_err(|e| format!("cannot listen: {e}"))?;
    let address = listener.local_addr().map_err(|e| format!("cannot listen: {e}"))?;
    // `WEB GET OPTION(Web port ID)` tells the port listened on (`--port 0` takes a free one).
    let _ = web_options.set(selector::PORT, OptionValue::Number(f64::from(address.port())));
    let address =
        if host.is_unspecified() { SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), address.port()) } else { address };
    let root = settings.root.canonicalize().unwrap_or_else(|_| settings.root.clone());
    let mut limits = http::Limits::default();
    if let Some(timeout) = options.read_timeout {
        limits.read_timeout = timeout;
    }
    limits.request_size = match options.max_request_size {
        Some(size) => size,
        None => web_options.number(selector::MAX_REQUEST_SIZE) as usize,
    };
    let shared = Arc::new(http::Shared {
        root: root.clone(),
        index: settings.home_page.clone(),
        // One web process a core, the listener's included, to start with:
        // measured on 2 cores, more threads than cores switch more than they work.
        pool: Arc::new(pool::Pool::new(std::thread::available_parallelism().map_or(1, |n| n.get()).saturating_sub(1))),
        limits,
        log: Some(Mutex::new(std::io::BufWriter::with_capacity(8192, log))),
    });
    let mut cookie_attributes = String::new();
    let path = web_options.text(selector::SESSION_COOKIE_PATH);
    cookie_attributes.push_str(&format!("; Path={}", if path.is_empty() { "/" } else { &path }));
    let domain = web_options.text(selector::SESSION_COOKIE_DOMAIN);
    if !domain.is_empty() {
        cookie_attributes.push_str(&format!("; Domain={domain}"));
    }
    cookie_attributes.push_str("; SameSite=Strict; HttpOnly");
    let site = Arc::new(dispatch::Site {
        root: Arc::from(root.as_path()),
        scalable_sessions: web_options.number(selector::SCALABLE_SESSION) != 0.0,
        cookie_name: web_options.text(selector::SESSION_COOKIE_NAME),
        cookie_attributes,
    });
    Ok((listener, shared, site, address))
}

/// Runs database method `key` if the project has it; false when it raised an uncaught error.
fn run_database_method(
    process: &mut exec::Process<'_>,
    control: &dyn Control,
    world: &processes::World<'_>,
    key: &str,
) -> bool {
    let Some(index) = process.methods.method_index(key, crate::eval::components::HOST) else { return true };
    let code = match crate::eval::control::Methods::code(process.methods, index) {
        Ok(code) => code,
        Err(_) => {
            processes::show_diagnostics(world);
            return false;
        }
    };
    let name = code.name.clone();
    match process.call(code, Vec::new(), Value::Undefined) {
        Ok(_) => true,
        Err(error) => {
            control.report_error(&error, &name, "Main process");
            false
        }
    }
}

/// Ctrl-C and SIGTERM, caught from the moment they are made (so that the
/// server, once it says it listens, always stops gracefully on them).
struct StopSignals {
    #[cfg(unix)]
    interrupt: Option<tokio::signal::unix::Signal>,
    #[cfg(unix)]
    terminate: Option<tokio::signal::unix::Signal>,
}

impl StopSignals {
    /// Catches the signals; must run inside the runtime.
    fn catch() -> StopSignals {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            StopSignals {
                interrupt: signal(SignalKind::interrupt()).ok(),
                terminate: signal(SignalKind::terminate()).ok(),
            }
        }
        #[cfg(not(unix))]
        StopSignals {}
    }

    /// Resolves on the first of them.
    async fn wait(self) {
        #[cfg(unix)]
        {
            async fn next(signal: Option<tokio::signal::unix::Signal>) {
                match signal {
                    Some(mut signal) => {
                        signal.recv().await;
                    }
                    None => std::future::pending::<()>().await,
                }
            }
            tokio::select! {
                () = next(self.interrupt) => {}
                () = next(self.terminate) => {}
            }
        }
        #[cfg(not(unix))]
        {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}

/// How often expired web sessions are looked for (a lookup also removes the
/// expired session it finds).
const SESSION_SWEEP: Duration = Duration::from_secs(30);

/// How often the main process looks at its messages while the server runs.
const MAIN_TICK: Duration = Duration::from_millis(10);
