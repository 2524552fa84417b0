//! The web server's options, as `WEB SET OPTION` and `WEB GET OPTION` see
//! them: one table for the run, reached through `Host::web_options`.
//! `fourd serve` fills it from the project's settings before `onStartup`,
//! and reads back, once `onStartup` has run, the options it acts on: the
//! port and address to listen on, the largest request, scalable sessions,
//! and the session cookie's path and domain (4D applies the options at the
//! next start of the web server, which is what follows `onStartup`). The
//! other options are kept and read back, and change nothing in fourd.

use parking_lot::Mutex;
use rustc_hash::FxHashMap;

use super::{Args, Ctx};
use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::value::Value;

/// The selectors fourd knows (4D's values).
pub mod selector {
    pub const PORT: u32 = 15;
    pub const IP_ADDRESS: u32 = 16;
    pub const CHARACTER_SET: u32 = 17;
    pub const MAX_CONCURRENT_PROCESSES: u32 = 18;
    pub const MAX_REQUEST_SIZE: u32 = 27;
    pub const LOG_RECORDING: u32 = 29;
    pub const HTTPS_PORT: u32 = 39;
    pub const INACTIVE_SESSION_TIMEOUT: u32 = 72;
    pub const SESSION_COOKIE_NAME: u32 = 73;
    pub const INACTIVE_PROCESS_TIMEOUT: u32 = 78;
    pub const SESSION_COOKIE_DOMAIN: u32 = 81;
    pub const SESSION_COOKIE_PATH: u32 = 82;
    pub const IP_ADDRESS_VALIDATION: u32 = 83;
    pub const HTTP_ENABLED: u32 = 88;
    pub const HTTPS_ENABLED: u32 = 89;
    pub const SCALABLE_SESSION: u32 = 90;
}

/// An option's value.
#[derive(Debug, Clone, PartialEq)]
pub enum OptionValue {
    Number(f64),
    Text(String),
}

/// Whether a selector takes a text (else a number).
fn is_text(selector: u32) -> bool {
    matches!(
        selector,
        selector::IP_ADDRESS
            | selector::SESSION_COOKIE_NAME
            | selector::SESSION_COOKIE_DOMAIN
            | selector::SESSION_COOKIE_PATH
    )
}

/// The options of a run's web server.
#[derive(Debug)]
pub struct WebOptions {
    values: Mutex<FxHashMap<u32, OptionValue>>,
}

impl WebOptions {
    /// 4D's defaults; the session cookie is named after the application.
    pub fn new(application: &str) -> WebOptions {
        use OptionValue::{Number, Text};
        use selector::*;
        let values = [
            (PORT, Number(80.0)),
            (IP_ADDRESS, Text(String::new())),
            (CHARACTER_SET, Number(106.0)),
            (MAX_CONCURRENT_PROCESSES, Number(100.0)),
            (MAX_REQUEST_SIZE, Number(2_000_000.0)),
            (LOG_RECORDING, Number(0.0)),
            (HTTPS_PORT, Number(443.0)),
            (INACTIVE_SESSION_TIMEOUT, Number(480.0)),
            (SESSION_COOKIE_NAME, Text(format!("4DSID_{application}"))),
            (INACTIVE_PROCESS_TIMEOUT, Number(480.0)),
            (SESSION_COOKIE_DOMAIN, Text(String::new())),
            (SESSION_COOKIE_PATH, Text(String::new())),
            (IP_ADDRESS_VALIDATION, Number(1.0)),
            (HTTP_ENABLED, Number(1.0)),
            (HTTPS_ENABLED, Number(0.0)),
            (SCALABLE_SESSION, Number(1.0)),
        ];
        WebOptions { values: Mutex::new(values.into_iter().collect()) }
    }

    pub fn get(&self, selector: u32) -> Option<OptionValue> {
        self.values.lock().get(&selector).cloned()
    }

    /// The number of a numeric option (0 when it is not one).
    pub fn number(&self, selector: u32) -> f64 {
        match self.get(selector) {
            Some(OptionValue::Number(n)) => n,
            _ => 0.0,
        }
    }

    /// The text of a text option ("" when it is not one).
    pub fn text(&self, selector: u32) -> String {
        match self.get(selector) {
            Some(OptionValue::Text(t)) => t,
            _ => String::new(),
        }
    }

    /// Sets an option, checked as 4D documents its values.
    pub fn set(&self, selector: u32, value: OptionValue) -> Result<(), String> {
        let known = self.values.lock().contains_key(&selector);
        if !known {
            return Err(format!("fourd does not support the web option {selector}"));
        }
        let value = match (is_text(selector), value) {
            (true, OptionValue::Text(t)) => OptionValue::Text(t),
            (false, OptionValue::Number(n)) => {
                let n = n.trunc();
                let ok = match selector {
                    selector::PORT | selector::HTTPS_PORT => (0.0..=65535.0).contains(&n),
                    selector::MAX_REQUEST_SIZE => (500_000.0..=2_147_483_647.0).contains(&n),
                    selector::MAX_CONCURRENT_PROCESSES => (10.0..=32_000.0).contains(&n),
                    selector::SCALABLE_SESSION
                    | selector::HTTP_ENABLED
                    | selector::HTTPS_ENABLED
                    | selector::IP_ADDRESS_VALIDATION => n == 0.0 || n == 1.0,
                    _ => n >= 0.0,
                };
                if !ok {
                    return Err(format!("{n} is not a value of the web option {selector}"));
                }
                // 4D takes port 0 for the default port.
                let n = if selector == selector::PORT && n == 0.0 { 80.0 } else { n };
                OptionValue::Number(n)
            }
            (true, _) => return Err(format!("the web option {selector} takes a text")),
            (false, _) => return Err(format!("the web option {selector} takes a number")),
        };
        self.values.lock().insert(selector, value);
        Ok(())
    }
}

fn selector_of(args: &Args<'_>) -> Result<u32, RuntimeError> {
    let n = args.number(0)?;
    if n.is_finite() && n >= 0.0 && n <= f64::from(u32::MAX) { Ok(n as u32) } else { Err(unsupported(n)) }
}

fn unsupported(selector: f64) -> RuntimeError {
    RuntimeError::new(codes::BAD_ARGUMENTS, format!("fourd does not support the web option {selector}"))
}

/// `WEB SET OPTION(selector; value)` (1210).
pub(crate) fn web_set_option(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let selector = selector_of(args)?;
    let value = match args.get(1) {
        Value::Text(t) => OptionValue::Text(t.as_str().to_string()),
        other => match other.as_number() {
            Some(n) => OptionValue::Number(n),
            None => return Err(super::wrong_type(1, "a number or a text", other)),
        },
    };
    ctx.host.web_options().set(selector, value).map_err(|message| RuntimeError::new(codes::BAD_ARGUMENTS, message))?;
    Ok(Value::Undefined)
}

/// `WEB GET OPTION(selector; value)` (1209).
pub(crate) fn web_get_option(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let selector = selector_of(args)?;
    let value = match ctx.host.web_options().get(selector) {
        Some(OptionValue::Number(n)) => Value::Real(n),
        Some(OptionValue::Text(t)) => Value::text(t),
        None => return Err(unsupported(f64::from(selector))),
    };
    ctx.host.assign(&args.pointer(1)?, value)?;
    Ok(Value::Undefined)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_checked() {
        let options = WebOptions::new("app");
        assert_eq!(options.text(selector::SESSION_COOKIE_NAME), "4DSID_app");
        assert!(options.set(selector::PORT, OptionValue::Number(8080.0)).is_ok());
        assert_eq!(options.number(selector::PORT), 8080.0);
        assert!(options.set(selector::PORT, OptionValue::Number(70000.0)).is_err());
        assert!(options.set(selector::PORT, OptionValue::Text(String::from("80"))).is_err());
        assert!(options.set(selector::MAX_REQUEST_SIZE, OptionValue::Number(10.0)).is_err());
        assert!(options.set(9999, OptionValue::Number(1.0)).is_err());
    }
}
