//! The HTTP client: `HTTP Get` and `HTTP Request`, on ureq. A call waits
//! for the answer (as in 4D), with the process's options and credentials
//! (`HTTP SET OPTION`, `HTTP AUTHENTICATE`: `http_options.rs`), and does not
//! check the authority of an HTTPS server's certificate (4D documents that
//! it does not).
//!
//! The answer goes into the `response` variable as its type asks: a Text
//! (decoded by the `charset` of its `Content-Type`, else by its BOM, else as
//! UTF-8 when it is valid UTF-8, else as Windows-1252, 4D's "ANSI"), a BLOB,
//! or an Object (JSON parsed when the type is a text one, else a `4D.Blob`).
//! The header arrays, when passed, give the request's fields and receive the
//! answer's. A server that cannot be reached raises [`HTTP_UNREACHABLE`]
//! (4D documents an error without its number; the result is then 0).

use super::{Args, Ctx, http_send};
use crate::runtime::error::RuntimeError;
use crate::runtime::value::{Array, ArrayType, Value};

/// fourd's error code for a server that cannot be reached (refused, not
/// found, timed out).
pub const HTTP_UNREACHABLE: i32 = -10540;

/// The largest answer read (4D's largest BLOB).
const LIMIT: u64 = i32::MAX as u64;

/// `HTTP Get(url; response {; headerNames; headerValues}{; *})` (1157).
pub(crate) fn http_get(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let url = args.text(0)?.to_string();
    exchange(ctx, args, "GET", &url, None, 1)
}

/// `HTTP Request(method; url; contents; response {; headerNames; headerValues}{; *})` (1158).
pub(crate) fn http_request(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let method = args.text(0)?.trim().to_ascii_uppercase();
    let url = args.text(1)?.to_string();
    let contents = match args.get(2) {
        Value::Text(t) => t.as_str().as_bytes().to_vec(),
        Value::Undefined | Value::Null => Vec::new(),
        Value::Object(o) if crate::runtime::blob::boxed(&o.borrow()).is_none() => {
            crate::runtime::format::json(args.get(2), false).into_bytes()
        }
        Value::Collection(_) => crate::runtime::format::json(args.get(2), false).into_bytes(),
        other => match crate::runtime::blob::scalar_of(other) {
            Some(bytes) => bytes.to_vec(),
            None => return Err(super::wrong_type(2, "a text, a BLOB or an object", other)),
        },
    };
    exchange(ctx, args, &method, &url, Some(contents), 3)
}

/// Sends the request, fills `response` (argument `at`) and the header arrays after it.
fn exchange(
    ctx: &mut Ctx<'_>,
    args: &Args<'_>,
    method: &str,
    url: &str,
    body: Option<Vec<u8>>,
    at: usize,
) -> Result<Value, RuntimeError> {
    let with_headers = args.len() > at + 2;
    let mut fields = Vec::new();
    if with_headers {
        let names = text_array(ctx, args, at + 1)?;
        let values = text_array(ctx, args, at + 2)?;
        fields = names.into_iter().zip(values).collect::<Vec<_>>();
    }
    let request = super::http_options::outgoing(method, url, fields, body.unwrap_or_default());
    let result = http_send::open(&request);
    super::http_options::after_request();
    let mut answer = result.map_err(|e| RuntimeError::new(HTTP_UNREACHABLE, e))?;
    let content_type = answer.head.get("content-type").unwrap_or("").to_ascii_lowercase();
    let bytes = answer
        .body
        .with_config()
        .limit(LIMIT)
        .read_to_vec()
        .map_err(|e| RuntimeError::new(HTTP_UNREACHABLE, format!("the answer of {url} could not be read: {e}")))?;
    let target = args.pointer(at)?;
    let value = match ctx.host.deref(&target)? {
        Value::Text(_) => Value::text(decode(&bytes, &content_type)),
        Value::Object(_) | Value::Undefined | Value::Null if is_text_type(&content_type) => {
            let text = decode(&bytes, &content_type);
            match crate::runtime::json::parse(&text, false) {
                Ok((value, _)) => value,
                Err(_) => crate::runtime::blob::blob_object(std::rc::Rc::new(bytes)),
            }
        }
        Value::Object(_) => crate::runtime::blob::blob_object(std::rc::Rc::new(bytes)),
        _ => Value::Blob(std::rc::Rc::new(bytes)),
    };
    ctx.host.assign(&target, value)?;
    if with_headers {
        let (names, values): (Vec<_>, Vec<_>) = answer.head.headers.into_iter().unzip();
        fill_text_array(ctx, args, at + 1, names)?;
        fill_text_array(ctx, args, at + 2, values)?;
    }
    Ok(Value::Real(f64::from(answer.head.status)))
}

/// Whether a content type is a text one (its answer parsed as JSON into an object).
pub(crate) fn is_text_type(content_type: &str) -> bool {
    content_type.starts_with("text/") || content_type.contains("json") || content_type.contains("javascript")
}

/// The answer as text: by its charset, its BOM, as UTF-8 when valid, else Windows-1252.
pub(crate) fn decode(bytes: &[u8], content_type: &str) -> String {
    let label = content_type.split(';').find_map(|p| p.trim().strip_prefix("charset=")).map(|c| c.trim_matches('"'));
    if let Some(encoding) = label.and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes())) {
        return encoding.decode_with_bom_removal(bytes).0.into_owned();
    }
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding.decode_with_bom_removal(bytes).0.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

fn text_array(ctx: &mut Ctx<'_>, args: &Args<'_>, i: usize) -> Result<Vec<String>, RuntimeError> {
    let array = ctx.array(args, i)?;
    let array = array.borrow();
    Ok(array
        .items
        .iter()
        .skip(1)
        .map(|v| match v {
            Value::Text(t) => t.as_str().to_string(),
            _ => String::new(),
        })
        .collect())
}

fn fill_text_array(ctx: &mut Ctx<'_>, args: &Args<'_>, i: usize, items: Vec<String>) -> Result<(), RuntimeError> {
    let pointer = args.pointer(i)?;
    let mut array = Array::new(ArrayType::Text, 0);
    array.items.extend(items.into_iter().map(Value::text));
    ctx.host.assign(&pointer, Value::new_array(array))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charsets() {
        assert_eq!(decode(b"caf\xe9", "text/plain; charset=iso-8859-1"), "café");
        assert_eq!(decode("café".as_bytes(), "application/json"), "café");
        assert_eq!(decode(b"caf\xe9", ""), "café");
    }
}
