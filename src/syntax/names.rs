//! Pure helpers for names: normalisation (from `crate::names`) and
//! decoding of token suffixes (`:C41`, `:K8:3`, `:P12000:19`).

use super::ast::Token;

pub use crate::names::normalize;

/// Decodes a token suffix such as `:C41` or `:K8:3`. `None` when malformed or
/// when a number does not fit.
pub fn decode_token(suffix: &str) -> Option<Token> {
    let rest = suffix.strip_prefix(':')?;
    let kind = rest.chars().next()?;
    let numbers = &rest[1..];
    match kind {
        'C' => numbers.parse().ok().map(Token::Command),
        'K' | 'P' => {
            let (a, b) = numbers.split_once(':')?;
            let (a, b) = (a.parse().ok()?, b.parse().ok()?);
            Some(if kind == 'K' { Token::Constant(a, b) } else { Token::Plugin(a, b) })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_tokens() {
        assert_eq!(decode_token(":C41"), Some(Token::Command(41)));
        assert_eq!(decode_token(":K8:3"), Some(Token::Constant(8, 3)));
        assert_eq!(decode_token(":P12000:19"), Some(Token::Plugin(12000, 19)));
        assert_eq!(decode_token(":C99999999999"), None);
        assert_eq!(decode_token(":X1"), None);
    }
}
