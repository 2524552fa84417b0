//! BLOB compression: `COMPRESS BLOB`, `EXPAND BLOB`, `BLOB PROPERTIES`.
//!
//! The GZIP modes write standard gzip (flate2), which other programs read and
//! which `EXPAND BLOB` reads from anywhere. 4D's own modes (compact, fast)
//! use a format 4D does not document: fourd writes its own in their place, a
//! header (`FDZ` and the mode's digit, then the expanded size as 4 bytes,
//! little-endian) before a raw deflate stream, so that a BLOB fourd
//! compressed expands and tells its mode and sizes as 4D's do.

use std::io::{Read, Write};

use super::blob::{blob_arg, with_blob};
use super::{Args, Ctx};
use crate::runtime::error::RuntimeError;
use crate::runtime::value::Value;

/// 4D's error for a BLOB that is not compressed or is damaged (documented).
const DAMAGED: i32 = -10600;
/// BLOBs under this size are not compressed (documented).
const MIN_SIZE: usize = 255;

/// The modes of the BLOB theme's constants (documented values).
const COMPACT: i32 = 1;
const FAST: i32 = 2;
const GZIP_BEST: i32 = -1;
const GZIP_FAST: i32 = -2;

/// The header of fourd's own compressed BLOBs, without the mode's digit.
const MAGIC: &[u8; 3] = b"FDZ";
const HEADER: usize = 8;

/// How a BLOB is compressed: its mode (0 for none) and its expanded size.
fn properties(bytes: &[u8]) -> (i32, usize) {
    if bytes.len() >= 18 && bytes[0] == 0x1f && bytes[1] == 0x8b && bytes[2] == 8 {
        // The gzip trailer's ISIZE; XFL 4 marks the fastest compression.
        let n = bytes.len();
        let size = u32::from_le_bytes([bytes[n - 4], bytes[n - 3], bytes[n - 2], bytes[n - 1]]) as usize;
        let mode = if bytes[8] == 4 { GZIP_FAST } else { GZIP_BEST };
        return (mode, size);
    }
    if bytes.len() >= HEADER && &bytes[..3] == MAGIC && matches!(bytes[3], b'1' | b'2') {
        let size = u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]) as usize;
        return (i32::from(bytes[3] - b'0'), size);
    }
    (0, bytes.len())
}

/// `COMPRESS BLOB(blob {; compression})` (534): OK 1 when compressed; a BLOB
/// under 255 bytes, or one already compressed, is left as it is with OK 0.
pub(crate) fn compress_blob(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    // Any other value is the compact mode (documented).
    let mode = match args.len() > 1 {
        true => match args.number(1)? {
            m if m == f64::from(FAST) => FAST,
            m if m == f64::from(GZIP_BEST) => GZIP_BEST,
            m if m == f64::from(GZIP_FAST) => GZIP_FAST,
            _ => COMPACT,
        },
        false => COMPACT,
    };
    let done = with_blob(ctx, args, 0, |bytes| {
        if bytes.len() < MIN_SIZE || properties(bytes).0 != 0 || bytes.len() > u32::MAX as usize {
            return Ok(false);
        }
        let compressed = match mode {
            GZIP_BEST | GZIP_FAST => {
                let level = if mode == GZIP_BEST { flate2::Compression::best() } else { flate2::Compression::fast() };
                let mut encoder = flate2::write::GzEncoder::new(Vec::new(), level);
                encoder.write_all(bytes).and_then(|_| encoder.finish())
            }
            _ => {
                let level = if mode == COMPACT { flate2::Compression::best() } else { flate2::Compression::fast() };
                let mut out = Vec::with_capacity(bytes.len() / 2 + HEADER);
                out.extend_from_slice(MAGIC);
                out.push(if mode == COMPACT { b'1' } else { b'2' });
                out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
                let mut encoder = flate2::write::DeflateEncoder::new(out, level);
                encoder.write_all(bytes).and_then(|_| encoder.finish())
            }
        };
        let compressed =
            compressed.map_err(|e| RuntimeError::new(DAMAGED, format!("the BLOB cannot be compressed: {e}")))?;
        *bytes = compressed;
        Ok(true)
    })?;
    ctx.set_ok(done)?;
    Ok(Value::Undefined)
}

/// `EXPAND BLOB(blob)` (535): a BLOB that is not compressed, or is
/// damaged, is error -10600 (documented), and OK 0.
pub(crate) fn expand_blob(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let outcome = with_blob(ctx, args, 0, |bytes| {
        let (mode, size) = properties(bytes);
        let mut out = Vec::with_capacity(size.min(1 << 30));
        let read = match mode {
            0 => return Err(RuntimeError::new(DAMAGED, "the BLOB is not compressed")),
            GZIP_BEST | GZIP_FAST => flate2::read::MultiGzDecoder::new(&bytes[..]).read_to_end(&mut out),
            _ => flate2::read::DeflateDecoder::new(&bytes[HEADER..]).read_to_end(&mut out),
        };
        match read {
            Ok(_) if mode < 0 || out.len() == size => {
                *bytes = out;
                Ok(())
            }
            Ok(_) => Err(RuntimeError::new(DAMAGED, "the compressed BLOB is damaged: its size does not match")),
            Err(e) => Err(RuntimeError::new(DAMAGED, format!("the compressed BLOB is damaged: {e}"))),
        }
    });
    ctx.set_ok(outcome.is_ok())?;
    outcome.map(|()| Value::Undefined)
}

/// `BLOB PROPERTIES(blob; compressed {; expandedSize {; currentSize}})`
/// (536): the compression mode (0 for none) and the sizes.
pub(crate) fn blob_properties(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let bytes = blob_arg(args, 0)?;
    let (mode, size) = properties(&bytes);
    let values = [f64::from(mode), size as f64, bytes.len() as f64];
    for (i, value) in values.into_iter().enumerate().take(args.len().saturating_sub(1)) {
        let pointer = args.pointer(i + 1)?;
        ctx.host.assign(&pointer, Value::Real(value))?;
    }
    Ok(Value::Undefined)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_and_plain_blobs_are_not_compressed() {
        assert_eq!(properties(b"hello"), (0, 5));
        assert_eq!(properties(&[0x1f, 0x8b]), (0, 2));
    }
}
