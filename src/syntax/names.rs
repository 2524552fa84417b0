//! Pure helpers for names: normalisation for case-insensitive lookup, and
//! decoding of token suffixes (`:C41`, `:K8:3`, `:P12000:19`).

use super::ast::Token;

/// The lookup key of a command, constant, method or variable name: lower case,
/// inner runs of spaces folded to one, outer spaces trimmed.
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

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
    fn normalize_folds_case_and_spaces() {
        assert_eq!(normalize("  New   Shared object "), "new shared object");
        assert_eq!(normalize("Créer OBJET"), "créer objet");
    }

    #[test]
    fn decode_tokens() {
        assert_eq!(decode_token(":C41"), Some(Token::Command(41)));
        assert_eq!(decode_token(":K8:3"), Some(Token::Constant(8, 3)));
        assert_eq!(decode_token(":P12000:19"), Some(Token::Plugin(12000, 19)));
        assert_eq!(decode_token(":C99999999999"), None);
        assert_eq!(decode_token(":X1"), None);
    }
}
