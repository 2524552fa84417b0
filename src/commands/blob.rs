//! Commands of the "BLOB" theme: sizes, bytes inserted, deleted and copied,
//! and numbers and texts written into and read from BLOBs in 4D's formats.
//!
//! A command that changes a BLOB takes the variable by reference (a pointer,
//! [`with_blob`]); one that reads a BLOB takes it by value, a scalar BLOB or
//! a `4D.Blob` alike. Writing commands write at the start of the BLOB
//! (replacing what it held), at the end with `*`, or at an offset variable,
//! which then moves past what was written; reading commands read at the
//! start or at an offset variable, which moves past what was read.

use std::rc::Rc;

use super::{Args, Ctx, wrong_type};
use crate::runtime::blob::{MAX_BLOB_BYTES, blob_too_large, scalar_of};
use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::types::{code, empty_blob};
use crate::runtime::value::{Blob, Pointer, Value};

/// 4D's error for a read or a position outside a BLOB (documented for `BLOB to integer`).
pub const OUT_OF_RANGE: i32 = -111;

/// The bytes of a BLOB argument passed by value: a scalar BLOB or a `4D.Blob`
/// (undefined reads as an empty BLOB).
pub(crate) fn blob_arg(args: &Args<'_>, i: usize) -> Result<Blob, RuntimeError> {
    match args.get(i) {
        Value::Undefined => Ok(Blob::default()),
        other => scalar_of(other).ok_or_else(|| wrong_type(i, "a BLOB", other)),
    }
}

/// Runs `change` on the bytes of the BLOB variable that by-reference argument
/// `i` designates, then gives the variable its new bytes (also when `change`
/// fails, so that nothing is lost). The bytes are taken out of the variable
/// first, so that they are changed in place and not copied.
pub(crate) fn with_blob<T>(
    ctx: &mut Ctx<'_>,
    args: &Args<'_>,
    i: usize,
    change: impl FnOnce(&mut Vec<u8>) -> Result<T, RuntimeError>,
) -> Result<T, RuntimeError> {
    let pointer = args.pointer(i)?;
    let mut bytes = match ctx.host.deref(&pointer)? {
        Value::Blob(b) => {
            ctx.host.assign(&pointer, empty_blob())?;
            Rc::try_unwrap(b).unwrap_or_else(|shared| shared.to_vec())
        }
        Value::Undefined => Vec::new(),
        other if scalar_of(&other).is_some() => {
            return Err(RuntimeError::new(
                codes::BAD_ARGUMENTS,
                format!("argument {} is a 4D.Blob, which cannot be changed: pass a Blob variable", i + 1),
            ));
        }
        other => return Err(wrong_type(i, "a BLOB variable", &other)),
    };
    let result = change(&mut bytes);
    put_blob(ctx, &pointer, bytes)?;
    result
}

/// Gives the variable `pointer` designates the BLOB `bytes`: a `4D.Blob` when
/// the variable is an object variable (`var $b : 4D.Blob`), a scalar BLOB otherwise.
pub(crate) fn put_blob(ctx: &mut Ctx<'_>, pointer: &Pointer, bytes: Vec<u8>) -> Result<(), RuntimeError> {
    let bytes = Rc::new(bytes);
    let value = if ctx.host.variable_type(pointer)? == code::IS_OBJECT {
        crate::runtime::blob::blob_object(bytes)
    } else {
        Value::Blob(bytes)
    };
    ctx.host.assign(pointer, value)
}

/// A size or a count argument as a number of bytes (`what` names it in the error).
fn count(args: &Args<'_>, i: usize, what: &str) -> Result<usize, RuntimeError> {
    let n = args.number(i)?.trunc();
    if n < 0.0 {
        return Err(RuntimeError::new(codes::BAD_ARGUMENTS, format!("the {what} cannot be negative ({n})")));
    }
    if n > MAX_BLOB_BYTES as f64 || n.is_nan() {
        return Err(blob_too_large(n));
    }
    Ok(n as usize)
}

/// A filler argument: its value modulo 256 (0 when absent).
fn filler(args: &Args<'_>, i: usize) -> Result<u8, RuntimeError> {
    Ok((args.number(i)?.trunc() as i64).rem_euclid(256) as u8)
}

/// A position inside a BLOB of `len` bytes (the end included).
fn position(args: &Args<'_>, i: usize, len: usize) -> Result<usize, RuntimeError> {
    let n = args.number(i)?.trunc();
    if n < 0.0 || n > len as f64 {
        return Err(outside(n, len));
    }
    Ok(n as usize)
}

fn outside(offset: f64, len: usize) -> RuntimeError {
    RuntimeError::new(OUT_OF_RANGE, format!("offset {offset} is outside the BLOB (size {len})"))
}

/// `BLOB size(blob)` (605).
pub(crate) fn blob_size(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Real(blob_arg(args, 0)?.len() as f64))
}

/// `SET BLOB SIZE(blob; size {; filler})` (606): new bytes get the filler (0 by default).
pub(crate) fn set_blob_size(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let size = count(args, 1, "size")?;
    let fill = filler(args, 2)?;
    with_blob(ctx, args, 0, |bytes| {
        bytes.resize(size, fill);
        Ok(())
    })?;
    Ok(Value::Undefined)
}

/// `COPY BLOB(source; destination; sourceOffset; destinationOffset; length)`
/// (558): the destination grows as needed (new bytes are 0).
pub(crate) fn copy_blob(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let source = blob_arg(args, 0)?;
    let from = position(args, 2, source.len())?;
    let len = count(args, 4, "length")?;
    if from + len > source.len() {
        return Err(RuntimeError::new(
            OUT_OF_RANGE,
            format!("{len} bytes from offset {from} go past the end of the source BLOB (size {})", source.len()),
        ));
    }
    let to = args.number(3)?.trunc();
    if to < 0.0 || to + len as f64 > MAX_BLOB_BYTES as f64 {
        return Err(outside(to, MAX_BLOB_BYTES));
    }
    let piece = &source[from..from + len];
    with_blob(ctx, args, 1, |bytes| write_at(bytes, to as usize, piece))?;
    Ok(Value::Undefined)
}

/// `INSERT IN BLOB(blob; offset; length {; filler})` (559).
pub(crate) fn insert_in_blob(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let len = count(args, 2, "length")?;
    let fill = filler(args, 3)?;
    with_blob(ctx, args, 0, |bytes| {
        let at = position(args, 1, bytes.len())?;
        if bytes.len() + len > MAX_BLOB_BYTES {
            return Err(blob_too_large((bytes.len() + len) as f64));
        }
        bytes.splice(at..at, std::iter::repeat_n(fill, len));
        Ok(())
    })?;
    Ok(Value::Undefined)
}

/// `DELETE FROM BLOB(blob; offset; length)` (560): a length past the end
/// deletes to the end.
pub(crate) fn delete_from_blob(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let len = count(args, 2, "length")?;
    with_blob(ctx, args, 0, |bytes| {
        let at = position(args, 1, bytes.len())?;
        let end = at.saturating_add(len).min(bytes.len());
        bytes.drain(at..end);
        Ok(())
    })?;
    Ok(Value::Undefined)
}

/// Writes `data` at `at`, the BLOB growing as needed (new bytes are 0).
fn write_at(bytes: &mut Vec<u8>, at: usize, data: &[u8]) -> Result<(), RuntimeError> {
    let end = at + data.len();
    if end > MAX_BLOB_BYTES {
        return Err(blob_too_large(end as f64));
    }
    if bytes.len() < end {
        bytes.resize(end, 0);
    }
    bytes[at..end].copy_from_slice(data);
    Ok(())
}

/// Writes `data` into the BLOB of argument `blob` as the writing commands do:
/// replacing its contents, appended with `*`, or at the offset variable of
/// argument `offset`, which then moves past it.
pub(crate) fn write_value(
    ctx: &mut Ctx<'_>,
    args: &Args<'_>,
    blob: usize,
    offset: usize,
    data: &[u8],
) -> Result<(), RuntimeError> {
    if args.len() > offset {
        let pointer = args.pointer(offset)?;
        let at = offset_value(ctx, &pointer)?;
        if at < 0.0 || at + data.len() as f64 > MAX_BLOB_BYTES as f64 {
            return Err(outside(at, MAX_BLOB_BYTES));
        }
        with_blob(ctx, args, blob, |bytes| write_at(bytes, at as usize, data))?;
        return ctx.host.assign(&pointer, Value::Real(at + data.len() as f64));
    }
    let append = args.star;
    with_blob(ctx, args, blob, |bytes| {
        if !append {
            bytes.clear();
        }
        let at = bytes.len();
        write_at(bytes, at, data)
    })
}

/// The number an offset variable holds (0 when it holds nothing).
pub(crate) fn offset_value(ctx: &mut Ctx<'_>, pointer: &Pointer) -> Result<f64, RuntimeError> {
    match ctx.host.deref(pointer)? {
        Value::Undefined => Ok(0.0),
        other => other.as_number().map(f64::trunc).ok_or_else(|| {
            RuntimeError::new(codes::BAD_ARGUMENTS, format!("an offset is a number, not {}", other.type_name()))
        }),
    }
}

/// Reads with `read` from the BLOB of argument `blob`, at the start or at the
/// offset variable of argument `offset`, which then moves past what `read`
/// took (it returns the value and the number of bytes it took).
fn read_value(
    ctx: &mut Ctx<'_>,
    args: &Args<'_>,
    blob: usize,
    offset: usize,
    read: impl FnOnce(&[u8]) -> Result<(Value, usize), RuntimeError>,
) -> Result<Value, RuntimeError> {
    let bytes = blob_arg(args, blob)?;
    let pointer = if args.len() > offset { Some(args.pointer(offset)?) } else { None };
    let at = match &pointer {
        Some(p) => offset_value(ctx, p)?,
        None => 0.0,
    };
    if at < 0.0 || at > bytes.len() as f64 {
        return Err(outside(at, bytes.len()));
    }
    let (value, taken) = read(&bytes[at as usize..])?;
    if let Some(p) = pointer {
        ctx.host.assign(&p, Value::Real(at + taken as f64))?;
    }
    Ok(value)
}

/// The first `N` bytes of `bytes`, or error -111.
fn fixed<const N: usize>(bytes: &[u8]) -> Result<[u8; N], RuntimeError> {
    bytes
        .get(..N)
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| RuntimeError::new(OUT_OF_RANGE, format!("reading {N} bytes goes past the end of the BLOB")))
}

/// A byte order argument (`Native byte ordering` 0, `Macintosh byte
/// ordering` 1, `PC byte ordering` 2): whether it is big-endian. Native is
/// the machine's order (little-endian on every system fourd runs on).
fn big_endian(args: &Args<'_>, i: usize) -> Result<bool, RuntimeError> {
    match args.number(i)? as i64 {
        0 => Ok(cfg!(target_endian = "big")),
        1 => Ok(true),
        2 => Ok(false),
        n => Err(RuntimeError::new(codes::BAD_ARGUMENTS, format!("{n} is not a byte order (0, 1 or 2)"))),
    }
}

/// `INTEGER TO BLOB(integer; blob; byteOrder {; offset | *})` (548): 2 bytes
/// (the number's low 16 bits).
pub(crate) fn integer_to_blob(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let n = args.number(0)? as i64 as i16;
    let data = if big_endian(args, 2)? { n.to_be_bytes() } else { n.to_le_bytes() };
    write_value(ctx, args, 1, 3, &data)?;
    Ok(Value::Undefined)
}

/// `LONGINT TO BLOB(longint; blob; byteOrder {; offset | *})` (550): 4 bytes
/// (the number's low 32 bits).
pub(crate) fn longint_to_blob(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let n = args.number(0)? as i64 as i32;
    let data = if big_endian(args, 2)? { n.to_be_bytes() } else { n.to_le_bytes() };
    write_value(ctx, args, 1, 3, &data)?;
    Ok(Value::Undefined)
}

/// `BLOB to integer(blob; byteOrder {; offset})` (549).
pub(crate) fn blob_to_integer(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let big = big_endian(args, 1)?;
    read_value(ctx, args, 0, 2, |bytes| {
        let b = fixed::<2>(bytes)?;
        let n = if big { i16::from_be_bytes(b) } else { i16::from_le_bytes(b) };
        Ok((Value::Real(f64::from(n)), 2))
    })
}

/// `BLOB to longint(blob; byteOrder {; offset})` (551).
pub(crate) fn blob_to_longint(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let big = big_endian(args, 1)?;
    read_value(ctx, args, 0, 2, |bytes| {
        let b = fixed::<4>(bytes)?;
        let n = if big { i32::from_be_bytes(b) } else { i32::from_le_bytes(b) };
        Ok((Value::Real(f64::from(n)), 4))
    })
}

/// The real formats: `Native real format` 0, `Extended real format` 1,
/// `Macintosh double real format` 2, `PC double real format` 3.
#[derive(Clone, Copy)]
enum RealFormat {
    Double { big: bool },
    Extended,
}

fn real_format(args: &Args<'_>, i: usize) -> Result<RealFormat, RuntimeError> {
    match args.number(i)? as i64 {
        0 => Ok(RealFormat::Double { big: cfg!(target_endian = "big") }),
        1 => Ok(RealFormat::Extended),
        2 => Ok(RealFormat::Double { big: true }),
        3 => Ok(RealFormat::Double { big: false }),
        n => Err(RuntimeError::new(codes::BAD_ARGUMENTS, format!("{n} is not a real format (0 to 3)"))),
    }
}

/// `REAL TO BLOB(real; blob; realFormat {; offset | *})` (552): 8 bytes, or
/// 10 in the extended format.
pub(crate) fn real_to_blob(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let x = args.number(0)?;
    let data = match real_format(args, 2)? {
        RealFormat::Double { big: true } => x.to_be_bytes().to_vec(),
        RealFormat::Double { big: false } => x.to_le_bytes().to_vec(),
        RealFormat::Extended => to_extended(x).to_vec(),
    };
    write_value(ctx, args, 1, 3, &data)?;
    Ok(Value::Undefined)
}

/// `BLOB to real(blob; realFormat {; offset})` (553).
pub(crate) fn blob_to_real(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let format = real_format(args, 1)?;
    read_value(ctx, args, 0, 2, |bytes| match format {
        RealFormat::Double { big } => {
            let b = fixed::<8>(bytes)?;
            Ok((Value::Real(if big { f64::from_be_bytes(b) } else { f64::from_le_bytes(b) }), 8))
        }
        RealFormat::Extended => Ok((Value::Real(from_extended(fixed::<10>(bytes)?)), 10)),
    })
}

/// A double as an 80-bit extended real (x87 layout, little-endian: 64-bit
/// significand with its integer bit, then sign and 15-bit exponent).
fn to_extended(x: f64) -> [u8; 10] {
    let bits = x.to_bits();
    let sign = (bits >> 63) as u16;
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    let (exp15, significand) = match exponent {
        0 if fraction == 0 => (0u16, 0u64),
        0 => {
            // Subnormal: normalise, its top bit becoming the integer bit.
            let top = 63 - fraction.leading_zeros() as i32;
            ((top - 1074 + 16383) as u16, fraction << (63 - top))
        }
        0x7ff => (0x7fff, (1 << 63) | (fraction << 11)),
        e => ((e - 1023 + 16383) as u16, (1 << 63) | (fraction << 11)),
    };
    let mut out = [0u8; 10];
    out[..8].copy_from_slice(&significand.to_le_bytes());
    out[8..].copy_from_slice(&((sign << 15) | exp15).to_le_bytes());
    out
}

/// An 80-bit extended real (see [`to_extended`]) as the nearest double.
fn from_extended(b: [u8; 10]) -> f64 {
    let mut significand = [0u8; 8];
    significand.copy_from_slice(&b[..8]);
    let significand = u64::from_le_bytes(significand);
    let top = u16::from_le_bytes([b[8], b[9]]);
    let negative = top & 0x8000 != 0;
    let exp15 = i32::from(top & 0x7fff);
    let magnitude = if exp15 == 0x7fff {
        if significand << 1 == 0 { f64::INFINITY } else { f64::NAN }
    } else if significand == 0 {
        0.0
    } else {
        // significand × 2^(exp15 − 16383 − 63), scaled in two steps so that
        // neither factor overflows before the product does.
        let scale = exp15 - 16383 - 63;
        let half = scale / 2;
        significand as f64 * 2f64.powi(half) * 2f64.powi(scale - half)
    };
    if negative { -magnitude } else { magnitude }
}

/// The text formats of `TEXT TO BLOB` and `BLOB to text`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TextFormat {
    CString,
    Pascal,
    WithLength,
    WithoutLength,
}

/// A text format argument: the format and whether it is UTF-8 (else Mac Roman).
fn text_format(args: &Args<'_>, i: usize) -> Result<(TextFormat, bool), RuntimeError> {
    Ok(match args.number(i)? as i64 {
        0 => (TextFormat::CString, false),
        1 => (TextFormat::Pascal, false),
        2 => (TextFormat::WithLength, false),
        3 => (TextFormat::WithoutLength, false),
        4 => (TextFormat::CString, true),
        5 => (TextFormat::WithLength, true),
        6 => (TextFormat::WithoutLength, true),
        n => return Err(RuntimeError::new(codes::BAD_ARGUMENTS, format!("{n} is not a text format (0 to 6)"))),
    })
}

/// The longest text the Mac formats hold, in bytes (documented: 32 KB).
const MAC_MAX: usize = 32_767;

/// `TEXT TO BLOB(text; blob {; textFormat {; offset | *}})` (554). The
/// default format is `Mac C string`.
pub(crate) fn text_to_blob(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let text = args.text(0)?;
    let (format, utf8) = if args.len() > 2 { text_format(args, 2)? } else { (TextFormat::CString, false) };
    let mut encoded = if utf8 { text.as_bytes().to_vec() } else { super::charsets::mac_roman(text) };
    if !utf8 {
        encoded.truncate(if format == TextFormat::Pascal { 255 } else { MAC_MAX });
    }
    if format == TextFormat::CString {
        // The text ends at its first NUL, which the BLOB gets once.
        if let Some(nul) = encoded.iter().position(|&b| b == 0) {
            encoded.truncate(nul);
        }
    }
    let mut data = Vec::with_capacity(encoded.len() + 4);
    match format {
        TextFormat::Pascal => data.push(encoded.len() as u8),
        TextFormat::WithLength if utf8 => data.extend_from_slice(&(encoded.len() as u32).to_be_bytes()),
        TextFormat::WithLength => data.extend_from_slice(&(encoded.len() as u16).to_be_bytes()),
        TextFormat::CString | TextFormat::WithoutLength => {}
    }
    data.extend_from_slice(&encoded);
    if format == TextFormat::CString {
        data.push(0);
    }
    write_value(ctx, args, 1, 3, &data)?;
    Ok(Value::Undefined)
}

/// `BLOB to text(blob; textFormat {; offset {; textLength}})` (555). A
/// length that goes past the end of the BLOB reads to its end; a text
/// without length is read for `textLength` characters (UTF-16 units, as 4D
/// counts them), or to the end when it is not given.
pub(crate) fn blob_to_text(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let (format, utf8) = text_format(args, 1)?;
    let wanted = if args.len() > 3 { Some(count(args, 3, "text length")?) } else { None };
    read_value(ctx, args, 0, 2, |bytes| {
        let (start, len, extra) = match format {
            TextFormat::CString => {
                let len = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
                (0, len, usize::from(len < bytes.len()))
            }
            TextFormat::Pascal => (1, usize::from(fixed::<1>(bytes)?[0]), 0),
            TextFormat::WithLength if utf8 => (4, u32::from_be_bytes(fixed::<4>(bytes)?) as usize, 0),
            TextFormat::WithLength => (2, usize::from(u16::from_be_bytes(fixed::<2>(bytes)?)), 0),
            TextFormat::WithoutLength => {
                let len = match wanted {
                    Some(units) if utf8 => utf8_prefix(bytes, units),
                    Some(units) => units.min(bytes.len()),
                    None => bytes.len(),
                };
                (0, len, 0)
            }
        };
        let end = (start + len).min(bytes.len());
        let body = &bytes[start.min(end)..end];
        let text =
            if utf8 { String::from_utf8_lossy(body).into_owned() } else { super::charsets::from_mac_roman(body) };
        Ok((Value::text(text), end + extra))
    })
}

/// How many bytes of `bytes` (UTF-8) hold its first `units` UTF-16 units
/// (an invalid byte reads as one character).
fn utf8_prefix(bytes: &[u8], units: usize) -> usize {
    let (mut left, mut taken) = (units, 0);
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if left == 0 {
                return taken;
            }
            left = left.saturating_sub(c.len_utf16());
            taken += c.len_utf8();
        }
        for _ in chunk.invalid() {
            if left == 0 {
                return taken;
            }
            left -= 1;
            taken += 1;
        }
    }
    taken
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extended_reals_round_trip() {
        for x in [0.0, 1.0, -2.5, 1e300, -1e-300, 5e-324, f64::MAX, f64::MIN_POSITIVE, f64::INFINITY] {
            assert_eq!(from_extended(to_extended(x)), x, "{x}");
        }
        assert!(from_extended(to_extended(f64::NAN)).is_nan());
        // 1.0: integer bit set, exponent 16383.
        assert_eq!(to_extended(1.0), [0, 0, 0, 0, 0, 0, 0, 0x80, 0xff, 0x3f]);
    }
}
