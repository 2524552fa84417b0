//! 4D text comparison: the `= # < > <= >=` operators on texts, the `@` wildcard, the keyword
//! operator `%`, and a primary-strength fold for accent- and case-insensitive searching.
//!
//! 4D compares texts with ICU collation, ignoring case and (per its own examples, spec §3.5
//! and open question 15) accents: `"abc" = "ABC"`, `"n" = "ñ"`, `"A" = "å"`, `"æ" = "ae"`.
//! fourd does the same with the Unicode Collation Algorithm at **primary strength** over the
//! CLDR root collation, through [`icu_collator`] (ICU4X, the Unicode consortium's own Rust
//! port of ICU, so it follows the same rules and data as the ICU inside 4D). `feruca` was
//! considered and rejected: it has no strength setting, so it cannot say "equal but for
//! accents". A hand-made fold (NFD, drop marks, case fold, ligature table) alone gets the
//! order of punctuation, symbols and non-Latin scripts wrong. `icu_collator` costs about
//! 50 s of a clean debug build on two cores and about 1.3 MB of binary (its compiled data).
//!
//! What each function does:
//!
//! * [`compare_primary`] is the ordering of the operators: primary level only, so
//!   `"abc" <= "ABC"` and `"abc" >= "ABC"` are both True, consistent with `"abc" = "ABC"`.
//! * [`compare`] is a total, deterministic order for sorting: primary, then accents and case
//!   (tertiary strength, lowercase first), then code points. It refines [`compare_primary`].
//! * [`equal`] is `=`: primary equality, with `@` in the right operand only as a wildcard
//!   for any run of 0 or more characters; `@@` in the right operand makes it always False.
//!   Without `@` it is exactly `compare_primary(a, b) == Equal`.
//! * [`compare_with_wildcard`] is `< > <= >=`: a single trailing `@` in the right operand
//!   makes a prefix comparison (every text that starts with the prefix compares Equal);
//!   4D does not support any other `@` there, so fourd compares every other `@` literally.
//! * [`keyword_match`] is `%`: the right operand must be one word (UAX #29 word boundaries,
//!   as 4D's ICU uses; `@` allowed as a wildcard) and equal to a whole word of the left.
//! * [`fold`], [`fold_char_into`] and [`find`] give a per-character primary key and a
//!   primary-strength substring search, for `Position`, `Replace string` and the like.
//!
//! Characters that collation ignores completely (C0 controls other than tab, LF, VT, FF and
//! CR; DEL; combining marks at the primary level; soft hyphen and other format characters)
//! are skipped everywhere: `Char(1) = ""` is True.
//!
//! Wildcard matching cannot run on ICU itself (ICU4X has no string search), so it runs on
//! the fold: every character maps to a short lowercase key, the same for all characters
//! with the same primary weights. The keys come from tables built at first use (a few
//! milliseconds) from the collator's own primary sort keys over the Latin, Greek, Cyrillic,
//! Hebrew, Arabic, kana, punctuation and symbol blocks: one representative per weight
//! (`é` → `e`, `ø` → `o`, `’` → `'`), and expansions for characters that weigh like several
//! (`æ` → `ae`, `ß` → `ss`). Other characters fold through their compatibility
//! decomposition, checked against the collator. A unit test checks over those blocks that
//! two characters fold alike exactly when the collator calls them primary-equal. Matching
//! is the greedy two-pointer glob, O(len(a) × len(b)) at worst, never exponential. Texts
//! made only of ASCII take fast paths that neither allocate nor call ICU; their ordering
//! table is also built from the collator at first use.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::{LazyLock, OnceLock, RwLock};

use icu_collator::options::{CollatorOptions, Strength};
use icu_collator::{Collator, CollatorBorrowed};
use icu_normalizer::{ComposingNormalizerBorrowed, DecomposingNormalizerBorrowed};
use unicode_segmentation::UnicodeSegmentation;

#[cfg(test)]
mod tests;

/// The wildcard character of the right operand of `=`, `#`, `%` and the ordering operators.
pub const WILDCARD: char = '@';

/// The root-locale collators: primary strength for the operators, tertiary for sorting.
struct Collators {
    primary: CollatorBorrowed<'static>,
    tertiary: CollatorBorrowed<'static>,
}

/// `None` only if ICU's compiled data could not be loaded, which does not happen with the
/// baked data; every function then falls back to comparing folds.
static COLLATORS: LazyLock<Option<Collators>> = LazyLock::new(|| {
    let make = |strength| {
        let mut options = CollatorOptions::default();
        options.strength = Some(strength);
        Collator::try_new(Default::default(), options).ok()
    };
    Some(Collators { primary: make(Strength::Primary)?, tertiary: make(Strength::Tertiary)? })
});

/// Whether an ASCII byte is completely ignorable in collation: C0 controls other than tab,
/// LF, VT, FF and CR, and DEL (a unit test checks this against the collator).
const fn is_ascii_ignorable(b: u8) -> bool {
    (b < 0x20 && !matches!(b, 9..=13)) || b == 0x7f
}

/// ASCII text with no ignorable character: the fast paths of the wildcard functions.
fn is_plain_ascii(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii() && !is_ascii_ignorable(b))
}

/// Primary rank of every ASCII character, from the collator: 0 for ignorable characters,
/// the same rank for an upper- and lowercase letter, ranks in collation order otherwise
/// (whitespace, punctuation and symbols, then digits, then letters).
static ASCII_RANKS: LazyLock<[u8; 128]> = LazyLock::new(|| {
    let mut ranks = [0u8; 128];
    let Some(collators) = COLLATORS.as_ref() else {
        for (b, rank) in (0u8..128).zip(ranks.iter_mut()) {
            *rank = if is_ascii_ignorable(b) { 0 } else { b.to_ascii_lowercase() + 1 };
        }
        return ranks;
    };
    let cmp = |x: u8, y: u8| collators.primary.compare(ascii_str(x), ascii_str(y));
    let mut bytes: Vec<u8> =
        (0u8..128).filter(|&b| collators.primary.compare(ascii_str(b), "") != Ordering::Equal).collect();
    bytes.sort_by(|&x, &y| cmp(x, y));
    let mut rank = 0u8;
    let mut previous = None;
    for b in bytes {
        if previous.is_none_or(|p| cmp(p, b) != Ordering::Equal) {
            rank = rank.saturating_add(1);
        }
        if let Some(slot) = ranks.get_mut(usize::from(b)) {
            *slot = rank;
        }
        previous = Some(b);
    }
    ranks
});

/// The one-character string of an ASCII byte.
fn ascii_str(b: u8) -> &'static str {
    const ALL: &str = "\u{0}\u{1}\u{2}\u{3}\u{4}\u{5}\u{6}\u{7}\u{8}\t\n\u{b}\u{c}\r\u{e}\u{f}\
        \u{10}\u{11}\u{12}\u{13}\u{14}\u{15}\u{16}\u{17}\u{18}\u{19}\u{1a}\u{1b}\u{1c}\u{1d}\u{1e}\u{1f} \
        !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\u{7f}";
    let i = usize::from(b & 0x7f);
    ALL.get(i..i + 1).unwrap_or("")
}

/// The primary ranks of the non-ignorable characters of an ASCII text.
fn ascii_ranks<'a>(ranks: &'a [u8; 128], s: &'a [u8]) -> impl Iterator<Item = u8> + 'a {
    s.iter().map(|&b| ranks.get(usize::from(b)).copied().unwrap_or(0)).filter(|&r| r != 0)
}

/// Whether each non-ignorable character of an ASCII text is an uppercase letter.
fn ascii_cases<'a>(ranks: &'a [u8; 128], s: &'a [u8]) -> impl Iterator<Item = bool> + 'a {
    s.iter().filter(|&&b| ranks.get(usize::from(b)).is_some_and(|&r| r != 0)).map(u8::is_ascii_uppercase)
}

/// 4D's ordering of texts for `< > <= >=` (without wildcard) and `Compare strings` by
/// default: Unicode collation at primary strength, root locale. Case and accents are
/// ignored (`"abc"` and `"ABC"` compare Equal), ignorable characters are skipped, spaces
/// and punctuation count.
pub fn compare_primary(a: &str, b: &str) -> Ordering {
    if a == b {
        return Ordering::Equal;
    }
    if a.is_ascii() && b.is_ascii() {
        let ranks = &*ASCII_RANKS;
        return ascii_ranks(ranks, a.as_bytes()).cmp(ascii_ranks(ranks, b.as_bytes()));
    }
    match COLLATORS.as_ref() {
        Some(collators) => collators.primary.compare(a, b),
        None => fold(a).cmp(&fold(b)),
    }
}

/// A total, deterministic order of texts for sorting: [`compare_primary`] first, then
/// accents and case (Unicode collation at tertiary strength: unaccented and lowercase
/// first), then code points. Returns Equal only for identical texts. Operators must use
/// [`compare_primary`] or [`compare_with_wildcard`] instead: with this order `"abc" <
/// "ABC"` would be True.
pub fn compare(a: &str, b: &str) -> Ordering {
    if a == b {
        return Ordering::Equal;
    }
    if a.is_ascii() && b.is_ascii() {
        let ranks = &*ASCII_RANKS;
        let (x, y) = (a.as_bytes(), b.as_bytes());
        // Case is the only tertiary difference within ASCII: lowercase first.
        return ascii_ranks(ranks, x)
            .cmp(ascii_ranks(ranks, y))
            .then_with(|| ascii_cases(ranks, x).cmp(ascii_cases(ranks, y)))
            .then_with(|| a.cmp(b));
    }
    match COLLATORS.as_ref() {
        Some(collators) => collators.tertiary.compare(a, b).then_with(|| a.cmp(b)),
        None => fold(a).cmp(&fold(b)).then_with(|| a.cmp(b)),
    }
}

/// 4D's `=` on texts: primary-strength equality, with `@` in `b` (the right operand only)
/// matching any run of 0 or more characters, anywhere and any number of times. A `@` in `a`
/// is an ordinary character; two consecutive `@` in `b` make the result False whatever `a`
/// is. `#` is its negation.
pub fn equal(a: &str, b: &str) -> bool {
    // A text equals itself, and as a pattern matches itself (but for `@@`).
    if a.as_bytes() == b.as_bytes() {
        return !b.contains("@@");
    }
    if !b.contains(WILDCARD) {
        return compare_primary(a, b) == Ordering::Equal;
    }
    if b.contains("@@") {
        return false;
    }
    if is_plain_ascii(a) && is_plain_ascii(b) {
        return glob(a.as_bytes(), b.as_bytes(), |&p| p == b'@', |t, p| t.eq_ignore_ascii_case(p));
    }
    let text = fold_units(a);
    let pattern = pattern_units(b);
    glob(&text, &pattern, |p| *p == Token::Any, |t, p| *p == Token::Char(*t))
}

/// [`equal`] for two one-character ASCII texts: a `@` on the right matches anything.
#[inline]
pub fn equal_ascii_chars(a: u8, b: u8) -> bool {
    if a == b || b == b'@' {
        return true;
    }
    let ranks = &*ASCII_RANKS;
    ranks[usize::from(a & 0x7f)] == ranks[usize::from(b & 0x7f)]
}

/// `< > <= >=` on texts, as [`compare_primary`] except that a `@` at the end of `b` makes a
/// prefix comparison: a text that starts with the rest of `b` compares Equal (so
/// `"abcd" <= "abc@"` and `"abcd" >= "abc@"` are True), any other text compares as with the
/// rest of `b`. 4D supports no other wildcard in these operators; fourd compares any other
/// `@` of `b` as an ordinary character, and of `"abc@@"` only the last `@` is a wildcard.
pub fn compare_with_wildcard(a: &str, b: &str) -> Ordering {
    match b.strip_suffix(WILDCARD) {
        Some(prefix) if starts_with(a, prefix) => Ordering::Equal,
        Some(prefix) => compare_primary(a, prefix),
        None => compare_primary(a, b),
    }
}

/// Whether `a` starts with `prefix` at primary strength (every `@` literal).
fn starts_with(a: &str, prefix: &str) -> bool {
    if is_plain_ascii(a) && is_plain_ascii(prefix) {
        return a.as_bytes().get(..prefix.len()).is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()));
    }
    fold(a).starts_with(&fold(prefix))
}

/// The keyword operator `%`: True when `b` is a whole word of `a`, compared at primary
/// strength. Words are split at UAX #29 word boundaries, as ICU (and so 4D) splits them:
/// spaces, punctuation and dashes separate words, `3.14` and `Today's` are one word, other
/// symbols are not words. `b` (surrounding whitespace aside) must be exactly one word, else
/// the result is False (`"Alpha Bravo" % "Alpha Bravo"`); a `@` in `b` is a wildcard as in
/// [`equal`], so `"Software and Computers" % "comput@"` is True.
pub fn keyword_match(a: &str, b: &str) -> bool {
    let pattern = b.trim();
    let core: String = pattern.chars().filter(|&c| c != WILDCARD).collect();
    let mut words = core.unicode_words();
    let (Some(word), None) = (words.next(), words.next()) else { return false };
    if word.len() != core.len() {
        return false;
    }
    a.unicode_words().any(|w| equal(w, pattern))
}

/// The primary-strength key of a text: its canonical composition (NFC) with each character
/// replaced by its key from [`fold_char_into`]. Two texts made of Latin, Greek or Cyrillic letters, digits,
/// punctuation and symbols have the same fold exactly when collation calls them
/// primary-equal (`fold("Élan") == fold("elan")`, `fold("Straße") == fold("STRASSE")`).
/// Ordering folds by code point is not collation order: use [`compare_primary`] for that.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in nfc(s).chars() {
        fold_char_into(c, &mut out);
    }
    out
}

/// Appends the primary-strength key of `c` to `out`: nothing for a character collation
/// ignores (`Char(1)`, combining accents, soft hyphen); for a character that collation
/// weighs like one base character, the lowercase unaccented representative of all those
/// characters (`É` → `e`, `Ø` → `o`, `’` → `'`, `²` → `2`, `Σ` and `ς` → `σ`); for one that
/// weighs like several, their keys (`Æ` → `ae`, `ß` → `ss`, `ﬁ` → `fi`); and the lowercase
/// character itself for a letter that collation keeps apart from any other (`ı`, `þ`, `й`).
pub fn fold_char_into(c: char, out: &mut String) {
    if c.is_ascii() {
        if !is_ascii_ignorable(c as u8) {
            out.push(c.to_ascii_lowercase());
        }
        return;
    }
    let code = c as u32;
    if code < FOLD_CACHE_END {
        let index = usize::try_from(code - 0x80).unwrap_or(usize::MAX);
        if let Some(slot) = FOLD_CACHE.get(index) {
            out.push_str(slot.get_or_init(|| fold_non_ascii(c).into_boxed_str()));
            return;
        }
    }
    if let Ok(map) = FOLD_MAP.read()
        && let Some(key) = map.get(&c)
    {
        out.push_str(key);
        return;
    }
    let key = fold_non_ascii(c);
    out.push_str(&key);
    if let Ok(mut map) = FOLD_MAP.write()
        && map.len() < FOLD_MAP_LIMIT
    {
        map.insert(c, key.into_boxed_str());
    }
}

/// Characters below this code point have their fold cached in [`FOLD_CACHE`] on first use,
/// without locking (Latin, Greek, Cyrillic, Hebrew, Arabic, …, punctuation, symbols).
const FOLD_CACHE_END: u32 = 0x2400;

static FOLD_CACHE: [OnceLock<Box<str>>; (FOLD_CACHE_END - 0x80) as usize] =
    [const { OnceLock::new() }; (FOLD_CACHE_END - 0x80) as usize];

/// The folds of the other characters met so far, up to [`FOLD_MAP_LIMIT`] of them.
static FOLD_MAP: LazyLock<RwLock<HashMap<char, Box<str>>>> = LazyLock::new(Default::default);
const FOLD_MAP_LIMIT: usize = 1 << 16;

/// The one-character string of `c`.
fn char_str(c: char, buf: &mut [u8; 4]) -> &str {
    c.encode_utf8(buf)
}

/// The primary sort key of a text: two texts are primary-equal exactly when their keys are
/// equal (an ignorable text has an empty key), and keys compare bytewise as texts collate.
fn primary_key(primary: &CollatorBorrowed<'static>, s: &str) -> Vec<u8> {
    let mut key = Vec::new();
    let Ok(()) = primary.write_sort_key_to(s, &mut key);
    key
}

/// The blocks whose characters [`FoldTables`] knows: ASCII, Latin-1, Latin Extended, IPA,
/// combining marks, Greek, Cyrillic, Armenian, Hebrew, Arabic, Latin Extended Additional,
/// Greek Extended, punctuation, letterlike symbols, number forms, enclosed alphanumerics,
/// kana, alphabetic presentation forms. Other characters are folded through their
/// decomposition into these.
const KNOWN_BLOCKS: [Range<u32>; 5] = [0x20..0x7f, 0xa0..0x700, 0x1e00..0x2500, 0x3040..0x3100, 0xfb00..0xfb50];

/// The folds of whole classes of primary-equal characters, keyed by primary sort key and
/// sorted by key, built from the collator at first use.
#[derive(Default)]
struct FoldTables {
    /// Characters that weigh like one character: one representative per key, preferring
    /// ASCII, then a character that case folding leaves alone, then one without a
    /// compatibility decomposition, then the lowest code point.
    single: Vec<(Vec<u8>, Box<str>)>,
    /// Characters that weigh like several: every pair of ASCII letters (`æ`, `ß`, `ǳ` weigh
    /// like one) and the folded decomposition of each known character that weighs like
    /// its decomposition, each part having a weight of its own (`⑩` → `10`, `℁` → `a/s`),
    /// so that `⓾` and `⅍` find them too.
    several: Vec<(Vec<u8>, Box<str>)>,
}

impl FoldTables {
    /// The fold of the characters whose primary key is `key`, if the tables know it.
    fn get(&self, key: &[u8]) -> Option<&str> {
        if let Ok(i) = self.single.binary_search_by(|(k, _)| k.as_slice().cmp(key)) {
            return self.single.get(i).map(|(_, c)| &**c);
        }
        let i = self.several.binary_search_by(|(k, _)| k.as_slice().cmp(key)).ok()?;
        self.several.get(i).map(|(_, s)| &**s)
    }
}

static TABLES: LazyLock<FoldTables> = LazyLock::new(|| {
    let Some(collators) = COLLATORS.as_ref() else { return FoldTables::default() };
    let primary = &collators.primary;
    let nfkd = DecomposingNormalizerBorrowed::new_nfkd();
    let mut buf = [0u8; 4];
    let known: Vec<(Vec<u8>, char)> = KNOWN_BLOCKS
        .into_iter()
        .flatten()
        .filter_map(char::from_u32)
        .map(|c| (primary_key(primary, char_str(c, &mut buf)), c))
        .filter(|(key, _)| !key.is_empty())
        .collect();

    let mut several: Vec<(Vec<u8>, String)> = ('a'..='z')
        .flat_map(|x| ('a'..='z').map(move |y| String::from_iter([x, y])))
        .map(|pair| (primary_key(primary, &pair), pair))
        .collect();
    for (key, c) in &known {
        let decomposed = decomposed_fold(*c, |k, x| ignorable_after(primary, k, x), |x, out| out.push(x));
        if decomposed.chars().nth(1).is_some()
            && decomposed.chars().all(|x| weighs_alone(primary, x))
            && primary_key(primary, &decomposed) == *key
        {
            several.push((key.clone(), decomposed));
        }
    }
    let simplest = |s: &str| (!s.is_ascii(), s.chars().count(), s.to_owned());
    several.sort_by(|(kx, x), (ky, y)| kx.cmp(ky).then_with(|| simplest(x).cmp(&simplest(y))));
    several.dedup_by(|later, kept| later.0 == kept.0);

    let preference = |c: char| {
        let folds_to_itself = c.to_uppercase().flat_map(char::to_lowercase).eq(std::iter::once(c));
        let decomposes = !nfkd.normalize_iter(std::iter::once(c)).eq(std::iter::once(c));
        (!c.is_ascii(), !folds_to_itself, decomposes, c)
    };
    let mut representatives: Vec<(Vec<u8>, char)> =
        known.into_iter().filter(|(key, _)| several.binary_search_by(|(k, _)| k.cmp(key)).is_err()).collect();
    representatives.sort_by(|(kx, x), (ky, y)| kx.cmp(ky).then_with(|| preference(*x).cmp(&preference(*y))));
    representatives.dedup_by(|later, kept| later.0 == kept.0);

    // The characters inside the expansions become their representatives.
    let represent = |x: char| -> char {
        let key = primary_key(primary, char_str(x, &mut [0u8; 4]));
        match representatives.binary_search_by(|(k, _)| k.cmp(&key)) {
            Ok(i) => representatives.get(i).map_or(x, |(_, r)| r.to_ascii_lowercase()),
            Err(_) => x,
        }
    };
    let several = several
        .into_iter()
        .map(|(key, s)| {
            let s = if s.is_ascii() { s } else { s.chars().map(represent).collect() };
            (key, s.into_boxed_str())
        })
        .collect();
    let single = representatives
        .into_iter()
        .map(|(key, r)| (key, r.to_ascii_lowercase().to_string().into_boxed_str()))
        .collect();
    FoldTables { single, several }
});

/// Whether `x` has a primary weight of its own. A decomposition with a character that has
/// none, but weighs as a whole, is a contraction (`й` is `и` and a breve, but a letter of its
/// own): it must stay one character of the fold, so that `"й" = "и@"` stays False.
fn weighs_alone(primary: &CollatorBorrowed<'static>, x: char) -> bool {
    !primary_key(primary, char_str(x, &mut [0u8; 4])).is_empty()
}

/// Whether `x` weighs nothing at the primary level after `key` (a combining accent after a
/// letter).
fn ignorable_after(primary: &CollatorBorrowed<'static>, key: &str, x: char) -> bool {
    let mut longer = String::with_capacity(key.len() + 4);
    longer.push_str(key);
    longer.push(x);
    primary.compare(&longer, key) == Ordering::Equal
}

/// The fold of a non-ASCII character, computed (see [`fold_char_into`]): from
/// [`FoldTables`], else through its decomposition, checked against the collator, else the
/// lowercase character, else the character itself.
fn fold_non_ascii(c: char) -> String {
    let mut buf = [0u8; 4];
    let original: &str = char_str(c, &mut buf);
    let Some(collators) = COLLATORS.as_ref() else {
        return decomposed_fold(c, |_, x| ('\u{300}'..='\u{36f}').contains(&x), |x, out| out.push(x));
    };
    let primary = &collators.primary;
    let key = primary_key(primary, original);
    if key.is_empty() {
        return String::new();
    }
    let tables = &*TABLES;
    if let Some(fold) = tables.get(&key) {
        return fold.to_owned();
    }
    let candidate = decomposed_fold(
        c,
        |k, x| ignorable_after(primary, k, x),
        |x, out| match tables.get(&primary_key(primary, char_str(x, &mut [0u8; 4]))) {
            Some(fold) => out.push_str(fold),
            None => out.push(x),
        },
    );
    if primary.compare(original, &candidate) == Ordering::Equal && candidate.chars().all(|x| weighs_alone(primary, x)) {
        return candidate;
    }
    let lower: String = c.to_lowercase().collect();
    if primary.compare(original, &lower) == Ordering::Equal { lower } else { original.to_owned() }
}

/// The fold of `c` through its decomposition: case folded (lowercase of uppercase, so
/// `ẞ` → `ss`) and compatibility-decomposed (NFKD) until stable; then each character is
/// dropped if it weighs nothing after what comes before it, lowercased if ASCII, and handed
/// to `push` otherwise.
fn decomposed_fold(c: char, ignorable_after: impl Fn(&str, char) -> bool, push: impl Fn(char, &mut String)) -> String {
    let nfkd = DecomposingNormalizerBorrowed::new_nfkd();
    let mut chars = vec![c];
    for _ in 0..4 {
        let next: Vec<char> = chars
            .iter()
            .flat_map(|x| x.to_uppercase().flat_map(char::to_lowercase))
            .flat_map(|x| nfkd.normalize_iter(std::iter::once(x)))
            .collect();
        if next == chars {
            break;
        }
        chars = next;
    }
    let mut out = String::new();
    for x in chars {
        if x.is_ascii() {
            if !is_ascii_ignorable(x as u8) {
                out.push(x.to_ascii_lowercase());
            }
        } else if !ignorable_after(&out, x) {
            push(x, &mut out);
        }
    }
    out
}

/// A character of a folded pattern: a literal key character or the `@` wildcard.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Token {
    Char(char),
    Any,
}

/// The folded characters of a text.
fn fold_units(s: &str) -> Vec<char> {
    fold(s).chars().collect()
}

/// The folded characters of a right operand, each `@` a wildcard.
fn pattern_units(s: &str) -> Vec<Token> {
    let mut units = Vec::with_capacity(s.len());
    let mut key = String::new();
    for c in nfc(s).chars() {
        if c == WILDCARD {
            units.push(Token::Any);
        } else {
            key.clear();
            fold_char_into(c, &mut key);
            units.extend(key.chars().map(Token::Char));
        }
    }
    units
}

/// The greedy two-pointer wildcard match: on a mismatch, go back to the last wildcard and
/// let it swallow one more character. Never exponential: O(text × pattern) at worst.
fn glob<T, P>(text: &[T], pattern: &[P], is_any: impl Fn(&P) -> bool, matches: impl Fn(&T, &P) -> bool) -> bool {
    let (mut t, mut p) = (0, 0);
    let mut resume: Option<(usize, usize)> = None; // (pattern index after the wildcard, text index)
    while let Some(tc) = text.get(t) {
        match pattern.get(p) {
            Some(pc) if is_any(pc) => {
                p += 1;
                resume = Some((p, t));
            }
            Some(pc) if matches(tc, pc) => {
                t += 1;
                p += 1;
            }
            _ => match resume {
                Some((after_any, from)) => {
                    p = after_any;
                    t = from + 1;
                    resume = Some((after_any, from + 1));
                }
                None => return false,
            },
        }
    }
    pattern.get(p..).is_some_and(|rest| rest.iter().all(is_any))
}

/// The first occurrence of `needle` in `haystack` at or after byte `from`, compared at
/// primary strength (case, accents and ignorable characters do not count, `æ` matches
/// `ae`; `@` is an ordinary character). Returns the byte range in `haystack`: it starts and
/// ends on whole characters, a character with the combining marks that follow it counting
/// as one (so a match takes in the accents of its last letter). `None` when `needle` folds
/// to nothing or does not occur.
pub fn find(haystack: &str, needle: &str, from: usize) -> Option<Range<usize>> {
    let needle = fold_units(needle);
    if needle.is_empty() {
        return None;
    }
    // One entry per folded character: the character and the byte range of its cluster.
    let mut units: Vec<(char, Range<usize>)> = Vec::with_capacity(haystack.len());
    let mut key = String::new();
    for cluster in clusters(haystack) {
        key.clear();
        let text = haystack.get(cluster.clone()).unwrap_or("");
        for c in nfc(text).chars() {
            fold_char_into(c, &mut key);
        }
        units.extend(key.chars().map(|k| (k, cluster.clone())));
    }
    for (i, (_, cluster)) in units.iter().enumerate() {
        let starts_cluster = i == 0 || units.get(i - 1).is_some_and(|(_, previous)| previous != cluster);
        if cluster.start < from || !starts_cluster {
            continue;
        }
        let Some(window) = units.get(i..i + needle.len()) else { break };
        if !window.iter().zip(&needle).all(|((k, _), n)| k == n) {
            continue;
        }
        let Some((_, last)) = window.last() else { continue };
        if units.get(i + needle.len()).is_some_and(|(_, next)| next == last) {
            continue; // the match ends inside a character that folds to several
        }
        return Some(cluster.start..last.end);
    }
    None
}

/// The byte ranges of the clusters of a text: each character that has a fold with the
/// characters without one (combining marks, ignorable controls) that follow it.
fn clusters(s: &str) -> Vec<Range<usize>> {
    let mut clusters: Vec<Range<usize>> = Vec::new();
    let mut key = String::new();
    for (start, c) in s.char_indices() {
        let end = start + c.len_utf8();
        key.clear();
        fold_char_into(c, &mut key);
        match clusters.last_mut() {
            Some(last) if key.is_empty() => last.end = end,
            _ => clusters.push(start..end),
        }
    }
    clusters
}

/// The canonical composition (NFC) of a text, so that a letter and its combining marks fold
/// as the one character they make (`и` and a breve fold as `й`, not as `и`).
fn nfc(s: &str) -> Cow<'_, str> {
    if s.is_ascii() { Cow::Borrowed(s) } else { ComposingNormalizerBorrowed::new_nfc().normalize(s) }
}
