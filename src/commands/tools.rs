//! Commands of the "Tools" theme: `Generate UUID`, Base64 (`BASE64 ENCODE`,
//! `BASE64 DECODE`) and digests (`Generate digest`).

use base64::Engine;
use base64::alphabet;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::{DecodePaddingMode, general_purpose};
use md5::Digest;

use super::blob::put_blob;
use super::{Args, Ctx};
use crate::runtime::blob::scalar_of;
use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::types::code;
use crate::runtime::value::{Pointer, Value};

/// `Generate UUID` (1066): 32 uppercase hexadecimal characters, a random (version 4) UUID.
pub(crate) fn generate_uuid(_: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    let mut buffer = uuid::Uuid::encode_buffer();
    Ok(Value::text(uuid::Uuid::new_v4().simple().encode_upper(&mut buffer).to_string()))
}

/// Base64 decoding that takes the padding or leaves it out.
const DECODE: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);
/// Base64URL decoding, likewise.
const DECODE_URL: GeneralPurpose = GeneralPurpose::new(
    &alphabet::URL_SAFE,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// The bytes of a text (its UTF-8) or of a BLOB; `what` names the argument in the error.
fn bytes_of(value: &Value, i: usize) -> Result<Vec<u8>, RuntimeError> {
    match value {
        Value::Text(t) => Ok(t.as_str().as_bytes().to_vec()),
        Value::Undefined => Ok(Vec::new()),
        other => match scalar_of(other) {
            Some(b) => Ok(b.to_vec()),
            None => Err(super::wrong_type(i, "a text or a BLOB", other)),
        },
    }
}

/// The argument of `BASE64 ENCODE` and `BASE64 DECODE` to convert: its value,
/// and the variable that holds it when it is one.
fn source(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<(Value, Option<Pointer>), RuntimeError> {
    match args.get(0) {
        Value::Pointer(p) => Ok((ctx.host.deref(p)?, Some(Pointer::clone(p)))),
        other => Ok((other.clone(), None)),
    }
}

/// Whether the variable `pointer` designates receives a BLOB (it is
/// declared Blob or 4D.Blob, or holds one) rather than a text.
fn receives_blob(ctx: &mut Ctx<'_>, pointer: &Pointer) -> Result<bool, RuntimeError> {
    Ok(match ctx.host.variable_type(pointer)? {
        code::IS_BLOB => true,
        code::IS_TEXT => false,
        _ => scalar_of(&ctx.host.deref(pointer)?).is_some(),
    })
}

/// Puts the result of `BASE64 ENCODE` or `BASE64 DECODE` into its variable:
/// the `encoded`/`decoded` argument, or else the converted one.
fn put_result(
    ctx: &mut Ctx<'_>,
    args: &Args<'_>,
    source: Option<Pointer>,
    bytes: Vec<u8>,
) -> Result<Value, RuntimeError> {
    let target = match (args.len() > 1, source) {
        (true, _) => args.pointer(1)?,
        (false, Some(p)) => p,
        (false, None) => {
            return Err(RuntimeError::new(
                codes::BAD_ARGUMENTS,
                "without a second argument, the first must be a variable, which receives the result",
            ));
        }
    };
    if receives_blob(ctx, &target)? {
        put_blob(ctx, &target, bytes)?;
    } else {
        ctx.host.assign(&target, Value::text(String::from_utf8_lossy(&bytes).into_owned()))?;
    }
    Ok(Value::Undefined)
}

/// `BASE64 ENCODE(toEncode {; encoded} {; *})` (895): Base64 with padding,
/// or Base64URL without padding with `*`.
pub(crate) fn base64_encode(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let (value, pointer) = source(ctx, args)?;
    let bytes = bytes_of(&value, 0)?;
    let encoded = if args.star {
        general_purpose::URL_SAFE_NO_PAD.encode(&bytes)
    } else {
        general_purpose::STANDARD.encode(&bytes)
    };
    put_result(ctx, args, pointer, encoded.into_bytes())
}

/// `BASE64 DECODE(toDecode {; decoded} {; *})` (896): with or without
/// padding, line breaks and spaces ignored; invalid content gives an empty
/// result (documented).
pub(crate) fn base64_decode(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let (value, pointer) = source(ctx, args)?;
    let mut encoded = bytes_of(&value, 0)?;
    encoded.retain(|b| !b.is_ascii_whitespace());
    let engine = if args.star { &DECODE_URL } else { &DECODE };
    let decoded = engine.decode(&encoded).unwrap_or_default();
    put_result(ctx, args, pointer, decoded)
}

/// `Generate digest(param; algorithm {; *})` (1147): the digest of a text's
/// UTF-8 or of a BLOB, in lowercase hexadecimal, or in Base64URL with `*`.
pub(crate) fn generate_digest(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let bytes = bytes_of(args.get(0), 0)?;
    let digest: Vec<u8> = match args.number(1)? as i64 {
        0 => md5::Md5::digest(&bytes).to_vec(),
        1 => sha1::Sha1::digest(&bytes).to_vec(),
        3 => sha2::Sha256::digest(&bytes).to_vec(),
        4 => sha2::Sha512::digest(&bytes).to_vec(),
        2 => {
            return Err(RuntimeError::new(
                codes::NOT_SUPPORTED,
                "the obsolete 4D REST digest (2) is not supported by fourd",
            ));
        }
        n => {
            return Err(RuntimeError::new(
                codes::BAD_ARGUMENTS,
                format!("{n} is not a digest algorithm (0, 1, 3 or 4)"),
            ));
        }
    };
    if args.star {
        return Ok(Value::text(general_purpose::URL_SAFE_NO_PAD.encode(&digest)));
    }
    let mut hex = String::with_capacity(digest.len() * 2);
    for byte in digest {
        hex.push(char::from(b"0123456789abcdef"[usize::from(byte >> 4)]));
        hex.push(char::from(b"0123456789abcdef"[usize::from(byte & 15)]));
    }
    Ok(Value::text(hex))
}
