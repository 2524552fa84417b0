//! Unit tests of 4D text comparison: the documented examples, wildcard and keyword edge
//! cases, and checks of the fast paths and the fold against the collator itself.

use std::cmp::Ordering::{Equal, Greater, Less};
use std::time::{Duration, Instant};

use super::*;

fn collators() -> &'static Collators {
    COLLATORS.as_ref().expect("ICU compiled data loads")
}

/// A small deterministic pseudo-random generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[(self.next() % items.len() as u64) as usize]
    }

    fn text(&mut self, alphabet: &[char], max_len: u64) -> String {
        let len = self.next() % (max_len + 1);
        (0..len).map(|_| self.pick(alphabet)).collect()
    }
}

// ---- the documented examples (spec §3.5, dt_string.md) ----

#[test]
fn documented_equality_examples() {
    assert!(equal("abc", "ABC"));
    assert!(equal("n", "ñ"));
    assert!(equal("n", "Ñ"));
    assert!(equal("A", "å"));
    assert!(equal("æ", "ae"));
    assert!(equal("ae", "Æ"));
    assert!(equal("abc", "abc"));
    assert!(!equal("abc", "abd"));
}

#[test]
fn documented_ordering_examples() {
    assert_eq!(compare_primary("abd", "abc"), Greater);
    assert_eq!(compare_primary("abc", "abc"), Equal);
    assert_eq!(compare_primary("abc", "abd"), Less);
    assert_eq!(compare_with_wildcard("abd", "abc"), Greater);
    assert_eq!(compare_with_wildcard("abc", "abd"), Less);
    assert_eq!(compare("abd", "abc"), Greater);
    assert_eq!(compare("abc", "abd"), Less);
}

#[test]
fn documented_wildcard_examples() {
    let s = "abcdefghij";
    for pattern in ["abc@", "@def@", "@abcde@fghij@", "abcdefghij@", "@abcdefghij", "abcd@efghij", "@abcdefghij@"] {
        assert!(equal(s, pattern), "{s:?} = {pattern:?}");
    }
    assert!(!equal("abc@", "abcdefghij"), "@ on the left is an ordinary character");
    assert!(!equal(s, "abc@@fg"), "two consecutive wildcards are always False");
}

#[test]
fn documented_keyword_examples() {
    assert!(keyword_match("Alpha Bravo", "Bravo"));
    assert!(!keyword_match("Alpha Bravo", "ravo"));
    assert!(keyword_match("Alpha Bravo Charlie", "Bravo"));
    assert!(!keyword_match("Alpha Bravo Charlie", "vo"));
    assert!(!keyword_match("Alpha Bravo Charlie", "Alpha Bravo"));
    assert!(keyword_match("Alpha,Bravo,Charlie", "Alpha"));
    assert!(keyword_match("Software and Computers", "comput@"));
    assert!(keyword_match("Alpha-Bravo", "Bravo"));
}

// ---- equality ----

#[test]
fn accents_and_case_are_ignored() {
    assert!(equal("élan", "ELAN"));
    assert!(equal("Élan", "elan"));
    assert!(equal("Straße", "STRASSE"));
    assert!(equal("cœur", "COEUR"));
    assert!(equal("Ørsted", "orsted"));
    assert!(equal("Łódź", "lodz"));
    assert!(equal("ﬁne", "FINE"));
    assert!(equal("x²", "x2"));
    assert!(equal("cafe\u{301}", "café"), "combining accent = precomposed");
    assert!(!equal("a b", "ab"), "spaces count");
    assert!(!equal("a-b", "ab"), "punctuation counts");
    assert!(!equal("ı", "i"), "dotless i is its own letter in root collation");
}

#[test]
fn ignorable_controls_are_skipped() {
    assert!(equal("\u{1}", ""));
    assert!(equal("", "\u{1}"));
    assert!(equal("a\u{1}b\u{1f}c\u{7f}", "ABC"));
    assert!(equal("ab\u{ad}c", "abc"), "soft hyphen");
    assert_eq!(compare_primary("\u{1}", ""), Equal);
    assert!(!equal("\t", ""), "tab counts");
    assert!(!equal("\n", ""), "LF counts");
    assert!(!equal("\r", ""), "CR counts");
    assert!(!equal("\u{b}", "") && !equal("\u{c}", ""), "VT and FF count");
    assert!(equal("a\u{1}bc", "a@c"));
    assert!(equal("a\u{1}bc", "ab@"));
    assert!(equal("\u{1}é\u{2}", "@E@"));
    assert!(keyword_match("Alpha \u{1}Bravo", "bravo"));
}

// ---- wildcards ----

#[test]
fn wildcard_edge_cases() {
    assert!(equal("", "@"));
    assert!(equal("abc", "@"));
    assert!(equal("abc", "a@c"));
    assert!(equal("ac", "a@c"));
    assert!(!equal("abd", "a@c"));
    assert!(!equal("abc", "@@"));
    assert!(!equal("", "@@"));
    assert!(!equal("abc", "a@@c"));
    assert!(equal("a@b", "a@b"), "@ in b matches the @ of a");
    assert!(equal("a@b", "A@B"));
    assert!(!equal("", "a@"));
    assert!(equal("a", "a@"));
    assert!(equal("banana", "@an@"));
    assert!(equal("banana", "b@a@a@a"));
    assert!(!equal("banana", "b@a@a@a@n"));
    assert!(equal("mississippi", "m@iss@pi"));
    assert!(!equal("mississippi", "m@iss@pix"));
    assert!(equal("abcabd", "@abd"));
}

#[test]
fn wildcard_with_accents() {
    assert!(equal("Élan vital", "elan@"));
    assert!(equal("crème brûlée", "@BRULEE"));
    assert!(equal("Ærø", "ae@"));
    assert!(equal("æ", "a@"), "æ is a+e at the primary level");
    assert!(equal("Straße", "@ss@"));
    assert!(equal("naïve", "na@ve"));
    assert!(!equal("naïve", "na@x"));
    assert!(equal("a＠b", "a@b"), "a fullwidth @ on the left is matched by the wildcard");
    assert!(!equal("ab", "a＠b"), "a fullwidth @ on the right is not a wildcard");
}

#[test]
fn wildcard_matching_is_fast() {
    let limit = Duration::from_secs(2);
    // ASCII path: 10,000 characters, 100 wildcards, a failing match at the end.
    let text = "ab".repeat(5000);
    let pattern = format!("{}c", "@ab".repeat(100));
    let started = Instant::now();
    assert!(!equal(&text, &pattern));
    assert!(equal(&text, &format!("{}@b", "@ab".repeat(100))));
    assert!(started.elapsed() < limit, "ASCII glob took {:?}", started.elapsed());
    // Folded path: the same with accents.
    let text = "àb".repeat(5000);
    let pattern = format!("{}c", "@AB".repeat(100));
    let started = Instant::now();
    assert!(!equal(&text, &pattern));
    assert!(equal(&text, &format!("{}@B", "@AB".repeat(100))));
    assert!(started.elapsed() < limit, "folded glob took {:?}", started.elapsed());
    // The classic exponential case for backtracking matchers.
    let text = "a".repeat(10_000);
    let pattern = format!("{}b", "a@".repeat(100));
    let started = Instant::now();
    assert!(!equal(&text, &pattern));
    assert!(started.elapsed() < limit, "a@a@…b took {:?}", started.elapsed());
}

// ---- ordering ----

#[test]
fn ordering_ignores_case_and_accents() {
    assert_eq!(compare_primary("a", "B"), Less);
    assert_eq!(compare_primary("B", "a"), Greater);
    assert_eq!(compare_primary("abc", "ABC"), Equal);
    assert_eq!(compare_primary("élan", "ELAN"), Equal);
    assert_eq!(compare_primary("é", "Z"), Less, "UCA: é sorts with e, before z");
    assert_eq!(compare_primary("Z", "é"), Greater);
    assert_eq!(compare_primary("ab", "abc"), Less);
    assert_eq!(compare_primary("", "a"), Less);
    assert_eq!(compare_primary("10", "9"), Less, "digits compare one by one");
    assert_eq!(compare_primary("a", "1"), Greater, "digits before letters");
    assert_eq!(compare_primary("1", " "), Greater, "spaces and punctuation before digits");
    assert_eq!(compare_primary("{", "a"), Less, "symbols before letters, unlike code points");
}

#[test]
fn total_order_breaks_ties() {
    assert_eq!(compare("a", "A"), Less, "lowercase first");
    assert_eq!(compare("A", "a"), Greater);
    assert_eq!(compare("a", "à"), Less, "unaccented first");
    assert_eq!(compare("à", "B"), Less, "primary difference first");
    assert_eq!(compare("abc", "abc"), Equal);
    assert_eq!(compare("\u{1}", ""), Greater, "code points break the last tie");
    assert_eq!(compare("", "\u{1}"), Less);
    assert_eq!(compare("e\u{301}", "é"), Less, "canonically equivalent: code points decide");
    assert_eq!(compare("é", "e\u{301}"), Greater);
}

#[test]
fn ordering_with_trailing_wildcard() {
    assert_eq!(compare_with_wildcard("abcd", "abc@"), Equal, "\"abcd\" <= \"abc@\" is True");
    assert_eq!(compare_with_wildcard("ABC", "abc@"), Equal);
    assert_eq!(compare_with_wildcard("ab", "abc@"), Less);
    assert_eq!(compare_with_wildcard("abd", "abc@"), Greater);
    assert_eq!(compare_with_wildcard("Élan", "el@"), Equal);
    assert_eq!(compare_with_wildcard("anything", "@"), Equal);
    assert_eq!(compare_with_wildcard("", "@"), Equal);
    assert_eq!(compare_with_wildcard("abcef", "abc@ef"), Greater, "inner @ is literal: '@' < 'e'");
    assert_eq!(compare_with_wildcard("abc@x", "abc@@"), Equal, "only the last @ is a wildcard");
    assert_eq!(compare_with_wildcard("abcx", "abc@@"), Greater);
}

// ---- keywords ----

#[test]
fn keyword_edge_cases() {
    assert!(keyword_match("Alpha Bravo", "bravo"), "primary strength");
    assert!(keyword_match("Crème brûlée", "creme"));
    assert!(!keyword_match("Alpha Bravo", ""));
    assert!(!keyword_match("Alpha Bravo", "@"));
    assert!(!keyword_match("Alpha Bravo", "Alpha-Bravo"), "two words");
    assert!(keyword_match("Alpha Bravo", " Bravo "), "surrounding spaces are not a second word");
    assert!(keyword_match("Alpha Bravo", "@avo"));
    assert!(keyword_match("Alpha Bravo", "Br@o"));
    assert!(!keyword_match("Alpha Bravo", "Br@@o"));
    assert!(keyword_match("(Alpha) [Bravo]!", "Bravo"));
    assert!(keyword_match("Pi is 3.14 or so", "3.14"), "numbers are whole words");
    assert!(!keyword_match("Pi is 3.14 or so", "3"));
    assert!(keyword_match("Cost: $100", "100"), "symbols are not part of words");
    assert!(keyword_match("Today's news", "Today's"));
    assert!(!keyword_match("Today's news", "Today"));
    assert!(keyword_match("alpha\tbravo\ncharlie", "charlie"));
    assert!(!keyword_match("", "alpha"));
}

// ---- fold and find ----

#[test]
fn fold_examples() {
    assert_eq!(fold("Élan"), "elan");
    assert_eq!(fold("Straße"), "strasse");
    assert_eq!(fold("ÆØÅ"), "aeoa");
    assert_eq!(fold("ﬁ²"), "fi2");
    assert_eq!(fold("a\u{1}b\u{301}"), "ab");
    assert_eq!(fold("ΣΊΣΥΦΟΣ"), fold("σίσυφος"));
    assert_eq!(fold("Ёлка"), "елка");
    assert_eq!(fold("ı"), "ı");
    assert_eq!(fold("Þ"), "þ");
    assert_eq!(fold("Й"), "й");
    assert_eq!(fold("ς"), "σ");
    assert_eq!(fold("‘’“”"), "''\"\"");
    assert_eq!(fold("⑩ ⓾"), "10 10");
    assert_eq!(fold("ＡＢＣ"), "abc");
    assert_eq!(fold("@"), "@");
    assert_eq!(fold(""), "");
}

#[test]
fn other_scripts() {
    assert!(equal("Ἀθῆναι", "αθηναι"));
    assert!(equal("МОСКВА", "москва"));
    assert!(equal("ёж", "еж"));
    assert!(!equal("й", "и"), "й is its own letter");
    assert!(!equal("й", "и@"), "and not и plus something");
    assert!(equal("Й", "и\u{306}"), "but it is и with a combining breve");
    assert!(equal("и\u{306}x", "й@"));
    assert!(equal("あいう", "アイウ"), "kana insensitive, as sk case insensitive implies");
    assert!(equal("ｱｲｳ", "アイ@"), "width insensitive");
    assert!(equal("東京タワー", "東京@"));
    assert!(!equal("東京", "京@"));
    assert!(equal("한국어", "한@"));
    assert!(equal("שָׁלוֹם", "שלום"), "Hebrew points are ignorable");
}

#[test]
fn find_examples() {
    assert_eq!(find("Crème Brûlée", "brulee", 0), Some(7..15));
    assert_eq!(find("abcabc", "BC", 0), Some(1..3));
    assert_eq!(find("abcabc", "BC", 2), Some(4..6));
    assert_eq!(find("abc", "x", 0), None);
    assert_eq!(find("abc", "", 0), None);
    assert_eq!(find("abc", "\u{1}", 0), None);
    assert_eq!(find("Cæsar", "ae", 0), Some(1..3));
    assert_eq!(find("Cæsar", "a", 0), Some(4..5), "a does not match half of æ");
    assert_eq!(find("cafe\u{301} noir", "CAFE", 0), Some(0..6), "takes the combining accent in");
    assert_eq!(find("a@b", "@", 0), Some(1..2), "@ is literal");
    assert_eq!(find("xи\u{306}y", "Й", 0), Some(1..5), "a decomposed letter is one character");
    assert_eq!(find("xи\u{306}y", "и", 0), None, "и is not the start of й");
    assert_eq!(find("\u{301}abc", "ABC", 0), Some(2..5), "a leading mark is not part of the match");
}

// ---- the fast paths and the fold agree with the collator ----

#[test]
fn compare_refines_compare_primary() {
    let alphabet: Vec<char> = "aAàbBéE æ\u{1}ßs-".chars().collect();
    let mut rng = Rng(0xabad_1dea_0000_0042);
    for _ in 0..5_000 {
        let a = rng.text(&alphabet, 5);
        let b = rng.text(&alphabet, 5);
        let primary = compare_primary(&a, &b);
        let total = compare(&a, &b);
        assert_eq!(compare_primary(&b, &a), primary.reverse(), "{a:?} vs {b:?}");
        assert_eq!(compare(&b, &a), total.reverse(), "{a:?} vs {b:?}");
        assert_eq!(total == Equal, a == b, "{a:?} vs {b:?}");
        if primary != Equal {
            assert_eq!(total, primary, "{a:?} vs {b:?}");
        }
    }
}

#[test]
fn ignorable_texts_have_empty_primary_keys() {
    let primary = &collators().primary;
    for s in ["", "\u{1}", "\u{7f}", "\u{301}", "\u{ad}", "\u{200b}"] {
        assert!(primary_key(primary, s).is_empty(), "{s:?}");
    }
    assert!(!primary_key(primary, "\t").is_empty());
}

#[test]
fn ascii_ignorables_match_the_collator() {
    for b in 0u8..128 {
        let ignorable = collators().primary.compare(ascii_str(b), "") == Equal;
        assert_eq!(ignorable, is_ascii_ignorable(b), "byte {b:#04x}");
        assert_eq!(ascii_str(b).as_bytes(), [b]);
    }
}

#[test]
fn ascii_ranks_group_exactly_case_pairs() {
    let ranks = &*ASCII_RANKS;
    for x in 0u8..128 {
        for y in 0u8..128 {
            if is_ascii_ignorable(x) || is_ascii_ignorable(y) {
                continue;
            }
            let same = ranks[usize::from(x)] == ranks[usize::from(y)];
            assert_eq!(same, x.eq_ignore_ascii_case(&y), "{:?} {:?}", char::from(x), char::from(y));
        }
    }
}

#[test]
fn ascii_fast_paths_match_the_collator() {
    let alphabet: Vec<char> = "aAbBzZ09 -_{}@\t\u{1}\u{7f}.,!~".chars().collect();
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    for _ in 0..20_000 {
        let a = rng.text(&alphabet, 6);
        let b = rng.text(&alphabet, 6);
        let primary = collators().primary.compare(&a, &b);
        assert_eq!(compare_primary(&a, &b), primary, "{a:?} vs {b:?}");
        let total = collators().tertiary.compare(&a, &b).then_with(|| a.cmp(&b));
        assert_eq!(compare(&a, &b), total, "{a:?} vs {b:?}");
    }
}

#[test]
fn wildcard_fast_path_matches_folded_path() {
    let alphabet: Vec<char> = "aAbB@@ ".chars().collect();
    let mut rng = Rng(0x0dd_ba11_cafe_f00d);
    for _ in 0..20_000 {
        let a = rng.text(&alphabet, 8);
        let b = rng.text(&alphabet, 6);
        if b.contains("@@") {
            continue;
        }
        let fast = equal(&a, &b);
        let folded = glob(&fold_units(&a), &pattern_units(&b), |p| *p == Token::Any, |t, p| *p == Token::Char(*t));
        assert_eq!(fast, folded, "{a:?} = {b:?}");
    }
}

#[test]
fn without_wildcard_equal_is_primary_equality() {
    let alphabet: Vec<char> = "aàAÀeéÉæÆ ß-sS".chars().collect();
    let mut rng = Rng(0xfeed_0000_1111_2222);
    for _ in 0..5_000 {
        let a = rng.text(&alphabet, 5);
        let b = rng.text(&alphabet, 5);
        assert_eq!(equal(&a, &b), collators().primary.compare(&a, &b) == Equal, "{a:?} = {b:?}");
        // The wildcard path's fold agrees too (a trailing @ on both sides of the match).
        assert_eq!(equal(&a, &format!("{b}@")), fold(&a).starts_with(&fold(&b)), "{a:?} = {b:?}@");
    }
}

/// Two characters fold alike exactly when the collator calls them primary-equal, over
/// Latin, IPA, Greek, Cyrillic, Latin Extended Additional, Greek Extended and the
/// punctuation and letterlike blocks.
#[test]
fn fold_agrees_with_the_collator() {
    let primary = &collators().primary;
    let mut chars: Vec<(String, String)> =
        [0x20..0x530, 0x1e00..0x2200, 0x2400..0x2500, 0x3040..0x3100, 0xac00..0xac40, 0xfb00..0xfb50, 0xff00..0xfff0]
            .into_iter()
            .flatten()
            .filter_map(char::from_u32)
            .map(|c| (c.to_string(), fold(&c.to_string())))
            .collect();
    let mut problems = Vec::new();
    for (c, f) in &chars {
        if primary.compare(c, f) != Equal {
            problems.push(format!("{c:?} folds to {f:?}, which the collator calls different"));
        }
    }
    chars.sort_by(|(x, _), (y, _)| primary.compare(x, y));
    for pair in chars.windows(2) {
        let [(c, fc), (d, fd)] = pair else { continue };
        if primary.compare(c, d) == Equal && fc != fd {
            problems.push(format!("{c:?} ({fc:?}) and {d:?} ({fd:?}) are primary-equal but fold apart"));
        }
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn one_character_fast_path_agrees_with_equal() {
    for a in 0u8..128 {
        for b in 0u8..128 {
            let (x, y) = (char::from(a).to_string(), char::from(b).to_string());
            assert_eq!(equal_ascii_chars(a, b), equal(&x, &y), "{a} = {b}");
        }
    }
}
