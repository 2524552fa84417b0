//! Character sets: `Convert to text` and `CONVERT FROM TEXT`, which convert
//! between texts and the bytes of a character set named by one of the names
//! 4D lists or by its MIBEnum number, and Mac Roman for the `Mac` text
//! formats of the BLOB commands.
//!
//! UTF-8, UTF-16, UTF-32, US-ASCII and ISO-8859-1 are converted here; the
//! other character sets through `encoding_rs`. A character a character set
//! cannot hold is written `?`; bytes that are not valid in it read as U+FFFD.

use encoding_rs::{EncoderResult, Encoding};

use super::blob::{blob_arg, put_blob};
use super::{Args, Ctx};
use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::value::Value;

/// Byte order of UTF-16 and UTF-32.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Order {
    /// Written with a byte order mark, big-endian; read big-endian unless a mark says otherwise.
    Marked,
    Big,
    Little,
}

/// A character set fourd can convert.
#[derive(Clone, Copy, Debug)]
enum Charset {
    Utf8,
    Utf16(Order),
    Utf32(Order),
    Ascii,
    Latin1,
    Other(&'static Encoding),
}

/// The names of the character sets 4D lists, with their MIBEnum numbers
/// (names compare without regard to case).
static NAMES: &[(&str, i32)] = &[
    ("UTF-32", 1017),
    ("UTF-32BE", 1018),
    ("UTF-32LE", 1019),
    ("UTF-16", 1015),
    ("UTF-16BE", 1013),
    ("UTF-16LE", 1014),
    ("UTF-8", 106),
    ("UTF-7", 1012),
    ("US-ASCII", 3),
    ("ANSI_X3.4-1968", 3),
    ("ANSI_X3.4-1986", 3),
    ("ASCII", 3),
    ("cp367", 3),
    ("csASCII", 3),
    ("IBM367", 3),
    ("iso-ir-6", 3),
    ("ISO_646.irv:1991", 3),
    ("ISO646-US", 3),
    ("us", 3),
    ("IBM437", 2011),
    ("cp437", 2011),
    ("437", 2011),
    ("csPC8CodePage437", 2011),
    ("ebcdic-cp-us", 2028),
    ("cp037", 2028),
    ("csIBM037", 2028),
    ("ebcdic-cp-ca", 2028),
    ("ebcdic-cp-n", 2028),
    ("ebcdic-cp-wt", 2028),
    ("IBM037", 2028),
    ("MacRoman", 2027),
    ("x-mac-roman", 2027),
    ("mac", 2027),
    ("macintosh", 2027),
    ("csMacintosh", 2027),
    ("windows-1252", 2252),
    ("MacCE", 1250),
    ("x-mac-ce", 1250),
    ("windows-1250", 2250),
    ("x-mac-cyrillic", 1251),
    ("windows-1251", 2251),
    ("x-mac-greek", 1253),
    ("windows-1253", 2253),
    ("x-mac-turkish", 1254),
    ("windows-1254", 2254),
    ("x-mac-arabic", 1256),
    ("windows-1256", 2256),
    ("x-mac-hebrew", 1255),
    ("windows-1255", 2255),
    ("windows-1257", 2257),
    ("Shift_JIS", 17),
    ("csShiftJIS", 17),
    ("MS_Kanji", 17),
    ("Shift-JIS", 17),
    ("ISO-2022-JP", 39),
    ("csISO2022JP", 39),
    ("Big5", 2026),
    ("csBig5", 2026),
    ("EUC-KR", 38),
    ("csEUCKR", 38),
    ("KOI8-R", 2084),
    ("csKOI8R", 2084),
    ("ISO-8859-1", 4),
    ("CP819", 4),
    ("csISOLatin1", 4),
    ("IBM819", 4),
    ("iso-ir-100", 4),
    ("ISO_8859-1", 4),
    ("ISO_8859-1:1987", 4),
    ("l1", 4),
    ("latin1", 4),
    ("ISO-8859-2", 5),
    ("csISOLatin2", 5),
    ("iso-ir-101", 5),
    ("ISO_8859-2", 5),
    ("ISO_8859-2:1987", 5),
    ("l2", 5),
    ("latin2", 5),
    ("ISO-8859-3", 6),
    ("csISOLatin3", 6),
    ("ISO-8859-3:1988", 6),
    ("iso-ir-109", 6),
    ("ISO_8859-3", 6),
    ("l3", 6),
    ("latin3", 6),
    ("ISO-8859-4", 7),
    ("csISOLatin4", 7),
    ("ISO-8859-4:1988", 7),
    ("iso-ir-110", 7),
    ("ISO_8859-4", 7),
    ("l4", 7),
    ("latin4", 7),
    ("ISO-8859-5", 8),
    ("csISOLatinCyrillic", 8),
    ("cyrillic", 8),
    ("ISO-8859-5:1988", 8),
    ("iso-ir-144", 8),
    ("ISO_8859-5", 8),
    ("ISO-8859-6", 9),
    ("arabic", 9),
    ("ASMO-708", 9),
    ("csISOLatinArabic", 9),
    ("ECMA-114", 9),
    ("ISO-8859-6:1987", 9),
    ("iso-ir-127", 9),
    ("ISO_8859-6", 9),
    ("ISO-8859-7", 10),
    ("csISOLatinGreek", 10),
    ("ECMA-118", 10),
    ("ELOT_928", 10),
    ("greek", 10),
    ("greek8", 10),
    ("iso-ir-126", 10),
    ("ISO_8859-7", 10),
    ("ISO_8859-7:1987", 10),
    ("ISO-8859-8", 11),
    ("csISOLatinHebrew", 11),
    ("hebrew", 11),
    ("iso-ir-138", 11),
    ("ISO_8859-8", 11),
    ("ISO_8859-8:1988", 11),
    ("ISO-8859-9", 12),
    ("csISOLatin5", 12),
    ("iso-ir-148", 12),
    ("ISO_8859-9", 12),
    ("ISO_8859-9:1989", 12),
    ("l5", 12),
    ("latin5", 12),
    ("ISO-8859-10", 13),
    ("csISOLatin6", 13),
    ("iso-ir-157", 13),
    ("ISO_8859-10", 13),
    ("ISO_8859-10:1992", 13),
    ("l6", 13),
    ("latin6", 13),
    ("ISO-8859-13", 109),
    ("ISO-8859-15", 111),
    ("Latin-9", 111),
    ("GBK", 113),
    ("GB2312", 2025),
    ("csGB2312", 2025),
    ("x-mac-chinesesimp", 2025),
    ("Windows-31J", 2024),
    ("GB_2312-80", 57),
    ("csISO58GB231280", 57),
];

/// What a charset argument designates.
enum Lookup {
    Found(Charset),
    /// A character set 4D knows and fourd cannot convert (its MIBEnum).
    Unsupported(i32),
    /// Not a character set 4D knows.
    Unknown,
}

/// The character set with MIBEnum `mib`.
fn by_mib(mib: i32) -> Lookup {
    use encoding_rs as e;
    let other = |encoding| Lookup::Found(Charset::Other(encoding));
    match mib {
        106 => Lookup::Found(Charset::Utf8),
        1015 => Lookup::Found(Charset::Utf16(Order::Marked)),
        1013 => Lookup::Found(Charset::Utf16(Order::Big)),
        1014 => Lookup::Found(Charset::Utf16(Order::Little)),
        1017 => Lookup::Found(Charset::Utf32(Order::Marked)),
        1018 => Lookup::Found(Charset::Utf32(Order::Big)),
        1019 => Lookup::Found(Charset::Utf32(Order::Little)),
        3 => Lookup::Found(Charset::Ascii),
        4 => Lookup::Found(Charset::Latin1),
        5 => other(e::ISO_8859_2),
        6 => other(e::ISO_8859_3),
        7 => other(e::ISO_8859_4),
        8 => other(e::ISO_8859_5),
        9 => other(e::ISO_8859_6),
        10 => other(e::ISO_8859_7),
        11 => other(e::ISO_8859_8),
        // ISO-8859-9 is windows-1254 without its characters at 0x80-0x9F.
        12 | 2254 => other(e::WINDOWS_1254),
        13 => other(e::ISO_8859_10),
        109 => other(e::ISO_8859_13),
        111 => other(e::ISO_8859_15),
        17 | 2024 => other(e::SHIFT_JIS),
        39 => other(e::ISO_2022_JP),
        38 => other(e::EUC_KR),
        2026 => other(e::BIG5),
        2084 => other(e::KOI8_R),
        57 | 113 | 2025 => other(e::GBK),
        2027 => other(e::MACINTOSH),
        1251 => other(e::X_MAC_CYRILLIC),
        2250 => other(e::WINDOWS_1250),
        2251 => other(e::WINDOWS_1251),
        2252 => other(e::WINDOWS_1252),
        2253 => other(e::WINDOWS_1253),
        2255 => other(e::WINDOWS_1255),
        2256 => other(e::WINDOWS_1256),
        2257 => other(e::WINDOWS_1257),
        1012 | 2011 | 2028 | 1250 | 1253 | 1254 | 1255 | 1256 | 1257 => Lookup::Unsupported(mib),
        _ => Lookup::Unknown,
    }
}

/// The character set argument `i`: a name or a MIBEnum number.
fn charset_arg(args: &Args<'_>, i: usize) -> Result<Lookup, RuntimeError> {
    Ok(match args.get(i) {
        Value::Text(name) => {
            let name = name.as_str().trim();
            match NAMES.iter().find(|(known, _)| known.eq_ignore_ascii_case(name)) {
                Some(&(_, mib)) => by_mib(mib),
                None => Lookup::Unknown,
            }
        }
        other => match other.as_number() {
            Some(n) if n.fract() == 0.0 && n.abs() < f64::from(i32::MAX) => by_mib(n as i32),
            Some(_) => Lookup::Unknown,
            None => return Err(super::wrong_type(i, "a character set name or number", other)),
        },
    })
}

/// The charset of `lookup`; `None` (OK set to 0) for an unknown one.
fn resolve(ctx: &mut Ctx<'_>, lookup: Lookup) -> Result<Option<Charset>, RuntimeError> {
    match lookup {
        Lookup::Found(charset) => Ok(Some(charset)),
        Lookup::Unsupported(mib) => Err(RuntimeError::new(
            codes::NOT_SUPPORTED,
            format!("fourd cannot convert the character set {mib} ({})", name_of(mib)),
        )),
        Lookup::Unknown => {
            ctx.set_ok(false)?;
            Ok(None)
        }
    }
}

/// The first name 4D lists for MIBEnum `mib`.
fn name_of(mib: i32) -> &'static str {
    NAMES.iter().find(|(_, m)| *m == mib).map_or("", |(name, _)| name)
}

/// `text` in `encoding`, a character it cannot hold written `?`.
fn encode_with(encoding: &'static Encoding, text: &str) -> Vec<u8> {
    let mut encoder = encoding.new_encoder();
    let mut out = Vec::with_capacity(text.len() + 8);
    let mut rest = text;
    loop {
        let room = encoder.max_buffer_length_from_utf8_without_replacement(rest.len()).unwrap_or(rest.len() + 64);
        out.reserve(room.max(8));
        let (result, read) = encoder.encode_from_utf8_to_vec_without_replacement(rest, &mut out, true);
        rest = rest.get(read..).unwrap_or("");
        match result {
            EncoderResult::InputEmpty => return out,
            EncoderResult::OutputFull => {}
            EncoderResult::Unmappable(_) => out.push(b'?'),
        }
    }
}

/// `text` as Mac Roman bytes (the `Mac` formats of `TEXT TO BLOB`).
pub(crate) fn mac_roman(text: &str) -> Vec<u8> {
    encode_with(encoding_rs::MACINTOSH, text)
}

/// Mac Roman bytes as a text (the `Mac` formats of `BLOB to text`).
pub(crate) fn from_mac_roman(bytes: &[u8]) -> String {
    encoding_rs::MACINTOSH.decode_without_bom_handling(bytes).0.into_owned()
}

fn encode(charset: Charset, text: &str) -> Vec<u8> {
    match charset {
        Charset::Utf8 => text.as_bytes().to_vec(),
        Charset::Utf16(order) => {
            let mut out = Vec::with_capacity(text.len() * 2 + 2);
            if order == Order::Marked {
                out.extend_from_slice(&[0xfe, 0xff]);
            }
            for unit in text.encode_utf16() {
                out.extend_from_slice(&if order == Order::Little { unit.to_le_bytes() } else { unit.to_be_bytes() });
            }
            out
        }
        Charset::Utf32(order) => {
            let mut out = Vec::with_capacity(text.len() * 4 + 4);
            if order == Order::Marked {
                out.extend_from_slice(&[0, 0, 0xfe, 0xff]);
            }
            for c in text.chars() {
                let c = u32::from(c);
                out.extend_from_slice(&if order == Order::Little { c.to_le_bytes() } else { c.to_be_bytes() });
            }
            out
        }
        Charset::Ascii => text.chars().map(|c| if c.is_ascii() { c as u8 } else { b'?' }).collect(),
        Charset::Latin1 => text.chars().map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?')).collect(),
        Charset::Other(encoding) => encode_with(encoding, text),
    }
}

/// The Unicode character set a byte order mark at the start of `bytes`
/// names, and the mark's length.
fn bom(bytes: &[u8]) -> Option<(Charset, usize)> {
    match bytes {
        [0xef, 0xbb, 0xbf, ..] => Some((Charset::Utf8, 3)),
        [0, 0, 0xfe, 0xff, ..] => Some((Charset::Utf32(Order::Big), 4)),
        [0xff, 0xfe, 0, 0, ..] => Some((Charset::Utf32(Order::Little), 4)),
        [0xfe, 0xff, ..] => Some((Charset::Utf16(Order::Big), 2)),
        [0xff, 0xfe, ..] => Some((Charset::Utf16(Order::Little), 2)),
        _ => None,
    }
}

fn decode(charset: Charset, bytes: &[u8]) -> String {
    // A Unicode character set honours a byte order mark (documented).
    let (charset, bytes) = match charset {
        Charset::Utf8 | Charset::Utf16(_) | Charset::Utf32(_) => match bom(bytes) {
            Some((marked, len)) => (marked, &bytes[len..]),
            None => (charset, bytes),
        },
        _ => (charset, bytes),
    };
    match charset {
        Charset::Utf8 => String::from_utf8_lossy(bytes).into_owned(),
        Charset::Utf16(order) => {
            let units = bytes.chunks(2).map(|pair| match (pair, order) {
                ([a, b], Order::Little) => u16::from_le_bytes([*a, *b]),
                ([a, b], _) => u16::from_be_bytes([*a, *b]),
                // An odd last byte is no character.
                _ => 0xfffd,
            });
            char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)).collect()
        }
        Charset::Utf32(order) => bytes
            .chunks(4)
            .map(|quad| {
                let Ok(quad) = <[u8; 4]>::try_from(quad) else { return char::REPLACEMENT_CHARACTER };
                let c = if order == Order::Little { u32::from_le_bytes(quad) } else { u32::from_be_bytes(quad) };
                char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER)
            })
            .collect(),
        Charset::Ascii => {
            bytes.iter().map(|&b| if b.is_ascii() { char::from(b) } else { char::REPLACEMENT_CHARACTER }).collect()
        }
        Charset::Latin1 => bytes.iter().map(|&b| char::from(b)).collect(),
        Charset::Other(encoding) => encoding.decode_without_bom_handling(bytes).0.into_owned(),
    }
}

/// `Convert to text(blob; charSet)` (1012): the text the BLOB's bytes hold in
/// the character set; OK is 1, or 0 (and the text empty) for a character
/// set 4D does not know.
pub(crate) fn convert_to_text(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let bytes = blob_arg(args, 0)?;
    let lookup = charset_arg(args, 1)?;
    let Some(charset) = resolve(ctx, lookup)? else {
        return Ok(Value::text(""));
    };
    let text = decode(charset, &bytes);
    ctx.set_ok(true)?;
    Ok(Value::text(text))
}

/// `CONVERT FROM TEXT(text; charSet; blob)` (1011): the text's bytes in the
/// character set, into the BLOB; OK is 1, or 0 for a character set 4D does
/// not know (the BLOB is then left as it was).
pub(crate) fn convert_from_text(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let text = args.text(0)?;
    let lookup = charset_arg(args, 1)?;
    let pointer = args.pointer(2)?;
    let Some(charset) = resolve(ctx, lookup)? else {
        return Ok(Value::Undefined);
    };
    put_blob(ctx, &pointer, encode(charset, text))?;
    ctx.set_ok(true)?;
    Ok(Value::Undefined)
}

/// The character set of a document command or function (`Document to
/// text`, `.setText()`...): what it converts with and whether a byte order
/// mark is written.
pub(crate) struct DocumentCharset {
    charset: Charset,
    /// Whether a byte order mark is written (for a Unicode character set).
    pub bom: bool,
    /// The name as given (`UTF-8` when none was).
    pub name: String,
}

/// The character set argument of a document command: a name (with an
/// optional `-no-bom` suffix) or a MIBEnum number; UTF-8 when absent, with a
/// byte order mark when `default_bom` says so. An unknown one is an error.
pub(crate) fn document_charset(value: &Value, i: usize, default_bom: bool) -> Result<DocumentCharset, RuntimeError> {
    let (lookup, bom, name) = match value {
        Value::Undefined => (Lookup::Found(Charset::Utf8), default_bom, String::from("UTF-8")),
        Value::Text(name) => {
            let full = name.as_str().trim();
            let (base, bom) = match full.len().checked_sub(7).filter(|&at| full.is_char_boundary(at)) {
                Some(at) if full[at..].eq_ignore_ascii_case("-no-bom") => (&full[..at], false),
                _ => (full, true),
            };
            let lookup = match NAMES.iter().find(|(known, _)| known.eq_ignore_ascii_case(base)) {
                Some(&(_, mib)) => by_mib(mib),
                None => Lookup::Unknown,
            };
            (lookup, bom, full.to_string())
        }
        other => (charset_arg(&Args { values: std::slice::from_ref(other), star: false, marker: None }, 0)?, true, {
            let n = other.as_number().unwrap_or(0.0);
            name_of(n as i32).to_string()
        }),
    };
    match lookup {
        Lookup::Found(charset) => Ok(DocumentCharset { charset, bom, name }),
        Lookup::Unsupported(mib) => Err(RuntimeError::new(
            codes::NOT_SUPPORTED,
            format!("fourd cannot convert the character set {mib} ({})", name_of(mib)),
        )),
        Lookup::Unknown => Err(super::bad_argument(&format!("argument {} is not a character set 4D knows", i + 1))),
    }
}

impl DocumentCharset {
    /// The bytes of `text`, after a byte order mark when one is written.
    pub(crate) fn encode(&self, text: &str) -> Vec<u8> {
        let mark: &[u8] = match (self.bom, self.charset) {
            (true, Charset::Utf8) => &[0xef, 0xbb, 0xbf],
            (true, Charset::Utf16(Order::Big)) => &[0xfe, 0xff],
            (true, Charset::Utf16(Order::Little)) => &[0xff, 0xfe],
            (true, Charset::Utf32(Order::Big)) => &[0, 0, 0xfe, 0xff],
            (true, Charset::Utf32(Order::Little)) => &[0xff, 0xfe, 0, 0],
            _ => &[],
        };
        let charset = match (self.bom, self.charset) {
            // A marked set written without its mark is big-endian.
            (false, Charset::Utf16(Order::Marked)) => Charset::Utf16(Order::Big),
            (false, Charset::Utf32(Order::Marked)) => Charset::Utf32(Order::Big),
            (_, charset) => charset,
        };
        let mut out = mark.to_vec();
        out.extend(encode(charset, text));
        out
    }

    /// The text of `bytes`: a byte order mark at their start names the
    /// character set, whatever this one is (documented).
    pub(crate) fn decode(&self, bytes: &[u8]) -> String {
        match bom(bytes) {
            Some((marked, len)) => decode(marked, &bytes[len..]),
            None => decode(self.charset, bytes),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_name_has_a_known_number() {
        for (name, mib) in NAMES {
            assert!(!matches!(by_mib(*mib), Lookup::Unknown), "{name}");
        }
    }

    #[test]
    fn unicode_round_trips() {
        let text = "Café 𝄞";
        for charset in [
            Charset::Utf8,
            Charset::Utf16(Order::Marked),
            Charset::Utf16(Order::Little),
            Charset::Utf32(Order::Marked),
            Charset::Utf32(Order::Little),
        ] {
            assert_eq!(decode(charset, &encode(charset, text)), text);
        }
        assert_eq!(encode(Charset::Latin1, "é€"), vec![0xe9, b'?']);
        assert_eq!(mac_roman("é"), vec![0x8e]);
    }
}
