//! Session ids: 128 random bits written as 32 uppercase hexadecimal digits
//! without dashes, the form of every session id in the 4D documentation
//! (`3C81A8D7AFE64C2E9CCFFCDC35DC52F5`).
//!
//! An id is made from the uuid crate's fast random version 4 source (`rand`'s
//! thread generator, a cryptographic generator seeded from the operating
//! system), so ids cannot be guessed. Parsing accepts exactly 32 hexadecimal
//! digits in either case (the letters name the same number); anything else,
//! including the dashed uuid form, spaces or a sign, is not an id. An id keeps
//! its text beside its value, so `as_str` costs nothing.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

/// A session id.
#[derive(Clone, Copy)]
pub struct SessionId {
    value: u128,
    /// `value` in 32 uppercase hexadecimal digits (ASCII).
    text: [u8; 32],
}

/// The error of parsing a text that is not 32 hexadecimal digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseSessionIdError;

impl SessionId {
    /// A new id from the fast random version 4 source.
    pub fn random() -> SessionId {
        SessionId::from_u128(uuid::Uuid::new_v4().as_u128())
    }

    /// The id whose 128 bits are `value`.
    pub fn from_u128(value: u128) -> SessionId {
        const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
        let mut text = [0u8; 32];
        for (i, digit) in text.iter_mut().enumerate() {
            let nibble = (value >> (4 * (31 - i))) & 0xF;
            *digit = DIGITS[nibble as usize];
        }
        SessionId { value, text }
    }

    /// The id's 128 bits.
    pub fn as_u128(&self) -> u128 {
        self.value
    }

    /// The id as 4D shows it: 32 uppercase hexadecimal digits.
    pub fn as_str(&self) -> &str {
        // The text holds ASCII digits and letters only, so this never fails.
        std::str::from_utf8(&self.text).unwrap_or_default()
    }

    /// The id written in `text`: exactly 32 hexadecimal digits, either case.
    pub fn parse(text: &str) -> Option<SessionId> {
        let bytes = text.as_bytes();
        if bytes.len() != 32 {
            return None;
        }
        let mut value: u128 = 0;
        for &byte in bytes {
            let nibble = match byte {
                b'0'..=b'9' => byte - b'0',
                b'A'..=b'F' => byte - b'A' + 10,
                b'a'..=b'f' => byte - b'a' + 10,
                _ => return None,
            };
            value = (value << 4) | u128::from(nibble);
        }
        Some(SessionId::from_u128(value))
    }
}

impl PartialEq for SessionId {
    fn eq(&self, other: &SessionId) -> bool {
        self.value == other.value
    }
}

impl Eq for SessionId {}

impl Hash for SessionId {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.value.hash(state);
    }
}

impl PartialOrd for SessionId {
    fn partial_cmp(&self, other: &SessionId) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for SessionId {
    fn cmp(&self, other: &SessionId) -> std::cmp::Ordering {
        self.value.cmp(&other.value)
    }
}

impl fmt::Display for SessionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for SessionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SessionId({})", self.as_str())
    }
}

impl FromStr for SessionId {
    type Err = ParseSessionIdError;

    fn from_str(text: &str) -> Result<SessionId, ParseSessionIdError> {
        SessionId::parse(text).ok_or(ParseSessionIdError)
    }
}

impl fmt::Display for ParseSessionIdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a session id is 32 hexadecimal digits")
    }
}

impl std::error::Error for ParseSessionIdError {}
