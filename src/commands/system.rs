//! Commands that tell about the application and the machine it runs on:
//! `Choose` (Language), the "Environment" theme (`Application type`,
//! `Application version`, `Application info`, `Is compiled mode`), the "System Environment"
//! theme (`Is macOS`, `Is Windows`, `Current machine`, `Current system
//! user`, `GET SYSTEM FORMAT`, `System info`), and `IDLE` and `TRACE`, which have nothing to
//! do in a run without a user interface or debugger. The values fourd claims
//! are decided in DECISIONS.md.

use super::{Args, Ctx};
use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::value::{Date, Props, Value, key};

/// The 4D version fourd claims: 4D 21 (`Application version` gives "2100").
pub const VERSION_SHORT: &str = "2100";
/// The build number fourd gives with `Application version($build)`: fourd
/// has no 4D build, so 0.
const BUILD_NUMBER: f64 = 0.0;
/// `tool4d` (6): fourd is, like tool4d, a headless 4D that runs a project from a command line.
const APPLICATION_TYPE: f64 = 6.0;

/// `Choose(criterion; value; ...)` (955): with a Boolean criterion, the
/// first of exactly two values when True, the second when False; with a
/// number, the value at that position counted from 0, or the empty value of
/// the first value's kind when there is none.
pub(crate) fn choose(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let values = args.values.get(1..).unwrap_or_default();
    match args.get(0) {
        Value::Bool(b) => {
            if values.len() != 2 {
                return Err(super::bad_argument(&format!(
                    "Choose with a Boolean criterion takes exactly two values, not {}",
                    values.len()
                )));
            }
            Ok(values[usize::from(!*b)].clone())
        }
        Value::Real(_) | Value::Long(_) | Value::Undefined => {
            let n = args.number(0)?.trunc();
            let chosen = if n >= 0.0 && n < values.len() as f64 { values.get(n as usize) } else { None };
            Ok(match chosen {
                Some(v) => v.clone(),
                None => empty_like(values.first().unwrap_or(&Value::Undefined)),
            })
        }
        other => Err(super::wrong_type(0, "a Boolean or a number", other)),
    }
}

/// The empty value of the kind of `value` ("", 0, False, !00-00-00!...).
fn empty_like(value: &Value) -> Value {
    match value {
        Value::Text(_) => Value::text(""),
        Value::Real(_) | Value::Long(_) => Value::Real(0.0),
        Value::Bool(_) => Value::Bool(false),
        Value::Date(_) => Value::Date(Date::NULL),
        Value::Time(_) => Value::Time(0),
        Value::Object(_) | Value::Collection(_) | Value::SharedObject(_) | Value::SharedCollection(_) => Value::Null,
        _ => Value::Undefined,
    }
}

/// `Is macOS` (1572).
pub(crate) fn is_macos(_: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Bool(cfg!(target_os = "macos")))
}

/// `Is Windows` (1573).
pub(crate) fn is_windows(_: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Bool(cfg!(target_os = "windows")))
}

/// `Application type` (494): `tool4d`.
pub(crate) fn application_type(_: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Real(APPLICATION_TYPE))
}

/// `Application version({buildNum}{; *})` (493): "2100", or with `*` the long
/// form "F0002100" (a final version, internal number 000).
pub(crate) fn application_version(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    if !args.is_empty() {
        let pointer = args.pointer(0)?;
        ctx.host.assign(&pointer, Value::Real(BUILD_NUMBER))?;
    }
    Ok(Value::text(if args.star { format!("F000{VERSION_SHORT}") } else { VERSION_SHORT.to_string() }))
}

/// `Command name(command {; info {; theme}})` (538): the command's name in
/// 4D 21, as fourd's table or catalog knows it; OK 1 for a known number, else
/// "" and OK 0. The `info` and `theme` forms are refused: fourd does not
/// record the thread-safety and deprecation properties `info` returns, nor
/// the theme of the commands it does not implement.
pub(crate) fn command_name(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    if args.len() > 1 {
        return Err(RuntimeError::new(
            codes::NOT_SUPPORTED,
            "Command name: the info and theme parameters are not supported by fourd (it does not record the properties and themes of 4D's commands)",
        ));
    }
    let number = args.number(0)?;
    let name = (number.fract() == 0.0 && number >= 1.0 && number <= f64::from(u32::MAX))
        .then(|| {
            let number = number as u32;
            match super::REGISTRY.by_number(number) {
                Some(id) => Some(id.spec().name),
                // The catalog's first name for a number is its current one.
                None => super::catalog::CATALOG.iter().find(|(n, _)| *n == number).map(|(_, name)| *name),
            }
        })
        .flatten();
    ctx.set_ok(name.is_some())?;
    Ok(Value::text(name.unwrap_or_default()))
}

/// `Application file` (491): the full path of the running application's
/// executable, which is fourd's.
pub(crate) fn application_file(_: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    let path = std::env::current_exe().map_err(|e| {
        RuntimeError::new(codes::NOT_SUPPORTED, format!("the path of the running application is not known: {e}"))
    })?;
    Ok(Value::text(path.to_string_lossy().into_owned()))
}

/// `Is compiled mode({*})` (492): fourd interprets, with or without `*`
/// (components are interpreted too).
pub(crate) fn is_compiled_mode(_: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Bool(false))
}

/// `Current system user` (484): the name of the account that runs fourd.
pub(crate) fn current_system_user(_: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::text(system_user()))
}

/// The account's name: `USER` or `LOGNAME` (`USERNAME` on Windows), else the
/// name `/etc/passwd` gives the process's user id; "" when nothing tells it.
fn system_user() -> String {
    for var in ["USER", "LOGNAME", "USERNAME"] {
        if let Ok(name) = std::env::var(var)
            && !name.is_empty()
        {
            return name;
        }
    }
    let uid = std::fs::read_to_string("/proc/self/status").ok().and_then(|status| {
        status.lines().find_map(|l| l.strip_prefix("Uid:").and_then(|r| r.split_whitespace().next().map(String::from)))
    });
    let (Some(uid), Ok(passwd)) = (uid, std::fs::read_to_string("/etc/passwd")) else { return String::new() };
    passwd
        .lines()
        .find_map(|line| {
            let mut fields = line.split(':');
            let name = fields.next()?;
            (fields.nth(1)? == uid).then(|| name.to_string())
        })
        .unwrap_or_default()
}

/// `Current machine` (483): the machine's host name.
pub(crate) fn current_machine(_: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::text(machine_name()))
}

/// The host name: the kernel's (`/proc/sys/kernel/hostname`), `/etc/hostname`,
/// or `HOSTNAME`/`COMPUTERNAME`; "" when nothing tells it.
pub(crate) fn machine_name() -> String {
    ["/proc/sys/kernel/hostname", "/etc/hostname"]
        .iter()
        .filter_map(|path| std::fs::read_to_string(path).ok())
        .map(|name| name.trim().to_string())
        .chain(["HOSTNAME", "COMPUTERNAME"].iter().filter_map(|var| std::env::var(var).ok()))
        .find(|name| !name.is_empty())
        .unwrap_or_default()
}

/// `GET SYSTEM FORMAT(format; value)` (994): the regional settings of
/// fourd's "system", en-US with a 24-hour clock, as `String` of a date or a
/// time shows them (fourd reads no locale).
pub(crate) fn get_system_format(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let format = args.number(0)?;
    let value = match format as i64 {
        _ if format.fract() != 0.0 => None,
        0 => Some("."),
        1 => Some(","),
        2 => Some("$"),
        3 => Some("HH:mm"),
        4 | 5 => Some("HH:mm:ss"),
        6 => Some("MM/dd/yyyy"),
        7 => Some("EEE, MMM d, yyyy"),
        8 => Some("EEEE, MMMM d, yyyy"),
        13 => Some("/"),
        14 => Some(":"),
        15 => Some("2"),
        16 => Some("1"),
        17 => Some("3"),
        18 => Some("AM"),
        19 => Some("PM"),
        _ => None,
    };
    let Some(value) = value else {
        return Err(RuntimeError::new(codes::BAD_ARGUMENTS, format!("{format} is not a system format")));
    };
    let pointer = args.pointer(1)?;
    ctx.host.assign(&pointer, Value::text(value))?;
    Ok(Value::Undefined)
}

/// `IDLE` (311): lets 4D's cooperative scheduler run the other processes.
/// Every fourd process is a thread of its own, so there is nothing to yield.
pub(crate) fn idle(_: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Undefined)
}

/// `TRACE` (157): opens 4D's debugger; a headless run has none (as in tool4d).
pub(crate) fn trace(_: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Undefined)
}

/// `System info` (1571): what the system tells of the machine, read from
/// Linux's `/proc`, `/sys` and `/etc` files; a member whose source is missing
/// is left out (0 or "" would be false). `macRosetta` is False. The network
/// interfaces and the volumes are left out: fourd has no portable way to read
/// them without a system library.
pub(crate) fn system_info(_: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let mut props = Props::default();
    let mut text = |name: &str, value: Option<String>| {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            props.insert(key(name), Value::text(value));
        }
    };
    let account = system_user();
    text("accountName", Some(account.clone()));
    text("machineName", Some(machine_name()));
    text("osVersion", os_version());
    text("osLanguage", os_language());
    text("processor", cpu_field(&cpuinfo, "model name"));
    text("model", read_trimmed("/sys/devices/virtual/dmi/id/product_name"));
    text("userName", full_user_name(&account).or(Some(account)));
    let threads = std::thread::available_parallelism().map_or(0, std::num::NonZero::get);
    if threads > 0 {
        props.insert(key("cores"), Value::Real(physical_cores(&cpuinfo).unwrap_or(threads) as f64));
        props.insert(key("cpuThreads"), Value::Real(threads as f64));
    }
    props.insert(key("macRosetta"), Value::Bool(false));
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    if let Some(kb) = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|rest| rest.split_whitespace().next()?.parse::<f64>().ok())
    {
        props.insert(key("physicalMemory"), Value::Real(kb));
    }
    if let Some(up) =
        read_trimmed("/proc/uptime").and_then(|t| t.split_whitespace().next().and_then(|s| s.parse::<f64>().ok()))
    {
        props.insert(key("uptime"), Value::Real(up.trunc()));
    }
    Ok(Value::new_object(props))
}

fn read_trimmed(path: &str) -> Option<String> {
    std::fs::read_to_string(path).ok().map(|t| t.trim().to_string())
}

/// The name and version of the system, with the kernel's release:
/// "Ubuntu 24.04.1 LTS (6.8.0-45-generic)".
fn os_version() -> Option<String> {
    let release = std::fs::read_to_string("/etc/os-release").ok();
    let name = release
        .as_deref()
        .and_then(|r| r.lines().find_map(|l| l.strip_prefix("PRETTY_NAME=")).map(|v| v.trim_matches('"').to_string()));
    let kernel = read_trimmed("/proc/sys/kernel/osrelease");
    match (name, kernel) {
        (Some(name), Some(kernel)) => Some(format!("{name} ({kernel})")),
        (Some(name), None) => Some(name),
        (None, Some(kernel)) => Some(format!("Linux {kernel}")),
        (None, None) => None,
    }
}

/// The language of the user's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`) as
/// two letters; "en" for the C and POSIX locales.
fn os_language() -> Option<String> {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].iter().filter_map(|v| std::env::var(v).ok()).find(|v| !v.is_empty());
    let language = match locale.as_deref() {
        None | Some("C" | "POSIX") => "en".to_string(),
        Some(locale) if locale.starts_with("C.") => "en".to_string(),
        Some(locale) => locale.split(['_', '.', '@', '-']).next().unwrap_or_default().to_lowercase(),
    };
    Some(language)
}

/// The first value of `field` in `/proc/cpuinfo`.
fn cpu_field(cpuinfo: &str, field: &str) -> Option<String> {
    cpuinfo.lines().find_map(|line| {
        let (name, value) = line.split_once(':')?;
        (name.trim() == field).then(|| value.trim().to_string())
    })
}

/// The number of distinct cores (physical id and core id) in `/proc/cpuinfo`.
fn physical_cores(cpuinfo: &str) -> Option<usize> {
    let mut cores = std::collections::HashSet::new();
    for block in cpuinfo.split("\n\n") {
        let physical = cpu_field(block, "physical id");
        let core = cpu_field(block, "core id");
        if let (Some(p), Some(c)) = (physical, core) {
            cores.insert((p, c));
        }
    }
    (!cores.is_empty()).then_some(cores.len())
}

/// The full name `/etc/passwd` gives the account (its comment field, up to
/// the first comma).
fn full_user_name(account: &str) -> Option<String> {
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|line| {
        let fields: Vec<&str> = line.split(':').collect();
        (fields.first() == Some(&account))
            .then(|| fields.get(4).map(|g| g.split(',').next().unwrap_or_default().to_string()))
            .flatten()
            .filter(|name| !name.is_empty())
    })
}

/// `Application info` (1599): the members that mean something for fourd, a
/// standalone headless application: `headless` (True), `launchedAsService`
/// (False), `pid`, and on Linux `uptime` (whole seconds since fourd started)
/// and `cpuUsage` (the share of one processor fourd used since it started,
/// in percent). The client/server and Windows members are left out, as 4D
/// leaves them out of a standalone application on another system.
pub(crate) fn application_info(_: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    let mut props = Props::default();
    props.insert(key("headless"), Value::Bool(true));
    props.insert(key("launchedAsService"), Value::Bool(false));
    props.insert(key("pid"), Value::Real(f64::from(std::process::id())));
    if let Some((alive, cpu)) = own_times() {
        props.insert(key("uptime"), Value::Real(alive.trunc()));
        let usage = if alive > 0.0 { cpu / alive * 100.0 } else { 0.0 };
        props.insert(key("cpuUsage"), Value::Real(usage));
    }
    Ok(Value::new_object(props))
}

/// How long fourd has run and the processor time it used, in seconds, from
/// `/proc/self/stat` and `/proc/uptime` (clock ticks of 1/100 s on Linux).
fn own_times() -> Option<(f64, f64)> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let (_, rest) = stat.rsplit_once(')')?;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let user: f64 = fields.get(11)?.parse().ok()?;
    let system: f64 = fields.get(12)?.parse().ok()?;
    let start: f64 = fields.get(19)?.parse().ok()?;
    let up: f64 = read_trimmed("/proc/uptime")?.split_whitespace().next()?.parse().ok()?;
    Some(((up - start / 100.0).max(0.0), (user + system) / 100.0))
}
