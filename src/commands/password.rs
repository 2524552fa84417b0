//! Password hashes: `Generate password hash` and `Verify password hash`, with
//! bcrypt (the one algorithm 4D documents), on the bcrypt crate.

use super::{Args, Ctx};
use crate::runtime::error::RuntimeError;
use crate::runtime::value::Value;

/// 4D's errors of the password-hash commands (documented numbers).
const UNSUPPORTED_ALGORITHM: i32 = 850;
const CONSISTENCY: i32 = 851;
const BAD_COST: i32 = 852;

/// The bcrypt cost when the options give none (documented).
const DEFAULT_COST: u32 = 10;

/// The password as bcrypt reads it: its first 72 characters (documented),
/// and of those the first 72 bytes, bcrypt's own limit.
fn bcrypt_input(password: &str) -> &[u8] {
    let end = password.char_indices().nth(72).map_or(password.len(), |(i, _)| i);
    let bytes = &password.as_bytes()[..end];
    &bytes[..bytes.len().min(72)]
}

/// `Generate password hash(password {; options})` (1533): a bcrypt hash,
/// with a new random salt each time; `options.algorithm` must be "bcrypt"
/// (case-sensitive) and `options.cost` between 4 and 31 (documented).
pub(crate) fn generate_password_hash(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let password = args.text(0)?;
    let mut cost = DEFAULT_COST;
    if args.len() > 1
        && let Some(options) = args.object(1)?
    {
        let options = options.borrow();
        match options.props.get("algorithm") {
            None => {}
            Some(Value::Text(t)) if t.as_str() == "bcrypt" => {}
            Some(_) => {
                return Err(RuntimeError::new(UNSUPPORTED_ALGORITHM, "Password-hash: Unsupported algorithm."));
            }
        }
        if let Some(value) = options.props.get("cost") {
            match value.as_number() {
                Some(n) if n.fract() == 0.0 && (4.0..=31.0).contains(&n) => cost = n as u32,
                _ => {
                    return Err(RuntimeError::new(
                        BAD_COST,
                        "Password-hash: Unavailable bcrypt cost parameter, please provide a value between 4 and 31.",
                    ));
                }
            }
        }
    }
    let hash = bcrypt::hash(bcrypt_input(password), cost)
        .map_err(|e| RuntimeError::new(CONSISTENCY, format!("Password-hash: {e}")))?;
    Ok(Value::text(hash))
}

/// `Verify password hash(password; hash)` (1534): whether the password
/// gives the hash; a hash that is not bcrypt's is error 850, a malformed one
/// error 851 (documented).
pub(crate) fn verify_password_hash(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let password = args.text(0)?;
    let hash = args.text(1)?;
    let is_bcrypt = ["$2a$", "$2b$", "$2x$", "$2y$"].iter().any(|prefix| hash.starts_with(prefix));
    if !is_bcrypt {
        return Err(RuntimeError::new(UNSUPPORTED_ALGORITHM, "Password-hash: Unsupported algorithm."));
    }
    match bcrypt::verify(bcrypt_input(password), hash) {
        Ok(matches) => Ok(Value::Bool(matches)),
        Err(_) => Err(RuntimeError::new(CONSISTENCY, "Password-hash: Consistency check failure.")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_first_72_characters_count() {
        let long = "é".repeat(100);
        assert_eq!(bcrypt_input(&long).len(), 72);
        assert_eq!(bcrypt_input("short"), b"short");
    }
}
