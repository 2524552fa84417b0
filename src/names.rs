//! Name normalisation, shared by every layer: 4D compares command, constant,
//! method and variable names case-insensitively and with any inner spacing.
//! A leaf module: it uses nothing else in the crate.

/// The lookup key of a name: lower case, inner runs of spaces folded to one,
/// outer spaces trimmed.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_folds_case_and_spaces() {
        assert_eq!(normalize("  New   Shared object "), "new shared object");
        assert_eq!(normalize("Créer OBJET"), "créer objet");
    }
}
