//! Name normalisation, shared by every layer: 4D compares command, constant,
//! method and variable names case-insensitively and with any inner spacing.
//! A leaf module: it uses nothing else in the crate.

/// The lookup key of a name: lower case, inner runs of spaces folded to one,
/// outer spaces trimmed.
pub fn normalize(name: &str) -> String {
    let mut out = String::new();
    normalize_into(name, &mut out);
    out
}

/// [`normalize`] into `out` (cleared first), so that a caller looking names up
/// can reuse one buffer.
pub fn normalize_into(name: &str, out: &mut String) {
    out.clear();
    // Most names are ASCII with single inner spaces: copied and lower-cased.
    if is_plain_ascii(name.as_bytes()) {
        out.push_str(name);
        out.make_ascii_lowercase();
        return;
    }
    out.reserve(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// Whether two names have the same key ([`normalize`]).
pub fn same(a: &str, b: &str) -> bool {
    if is_plain_ascii(a.as_bytes()) && is_plain_ascii(b.as_bytes()) {
        return a.eq_ignore_ascii_case(b);
    }
    normalize(a) == normalize(b)
}

/// Whether `bytes` are printable ASCII whose only spaces are single `' '`
/// between words (then the key is the name lower-cased).
fn is_plain_ascii(bytes: &[u8]) -> bool {
    let mut after_space = true;
    for &b in bytes {
        match b {
            b' ' if !after_space => after_space = true,
            b'!'..=b'~' => after_space = false,
            _ => return false,
        }
    }
    !after_space || bytes.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_folds_case_and_spaces() {
        assert_eq!(normalize("  New   Shared object "), "new shared object");
        assert_eq!(normalize("Créer OBJET"), "créer objet");
        assert_eq!(normalize("New object"), "new object");
        assert_eq!(normalize("a\tb"), "a b");
        assert_eq!(normalize("a  b "), "a b");
        assert_eq!(normalize(" x"), "x");
        assert_eq!(normalize(""), "");
        assert_eq!(normalize("   "), "");
        assert!(same("New  Object", "new object"));
        assert!(same("Été", "éTÉ"));
        assert!(!same("a", "b"));
        let long = "A".repeat(100);
        assert_eq!(normalize(&long), "a".repeat(100));
    }
}
