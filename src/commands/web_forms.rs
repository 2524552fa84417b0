//! The fields a web request carries: its URL's query, a form sent as
//! `application/x-www-form-urlencoded`, and the parts of a
//! `multipart/form-data` body (`WEB GET VARIABLES`, `WEB GET BODY PART`).
//!
//! Names and values are percent-decoded (`+` is a space in a query or an
//! urlencoded form) and read as UTF-8, bytes that are not being replaced.

use super::web::WebRequest;

/// One part of a multipart body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Part {
    /// The `name` of its `Content-Disposition`.
    pub name: String,
    /// Its `filename`, "" when it is not a file.
    pub file_name: String,
    /// Its `Content-Type`, "" when none was given.
    pub mime: String,
    pub data: Vec<u8>,
}

/// The fields of the query, then those of the body's form: a file part of a
/// multipart form gives its file name as its value.
pub fn fields(request: &WebRequest) -> Vec<(String, String)> {
    let mut out = urlencoded(request.query());
    let mime = request.header("Content-Type").unwrap_or("").to_ascii_lowercase();
    if mime.starts_with("application/x-www-form-urlencoded") {
        out.extend(urlencoded(&String::from_utf8_lossy(&request.body)));
    } else if mime.starts_with("multipart/form-data") {
        for part in parts(request) {
            let value = if part.file_name.is_empty() {
                String::from_utf8_lossy(&part.data).into_owned()
            } else {
                part.file_name
            };
            out.push((part.name, value));
        }
    }
    out
}

/// The `name=value` pairs of a query or an urlencoded form, decoded.
pub fn urlencoded(text: &str) -> Vec<(String, String)> {
    text.split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode_component(name), decode_component(value))
        })
        .collect()
}

/// A query component: `+` is a space, `%XX` a byte; a `%` that starts no
/// escape is kept as it is.
pub fn decode_component(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() && hex(bytes[i + 1]).is_some() && hex(bytes[i + 2]).is_some() => {
                out.push(hex(bytes[i + 1]).unwrap_or(0) << 4 | hex(bytes[i + 2]).unwrap_or(0));
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// The parts of a `multipart/form-data` body, in order; none when the body
/// is not one or its boundary is missing.
pub fn parts(request: &WebRequest) -> Vec<Part> {
    let Some(mime) = request.header("Content-Type") else { return Vec::new() };
    if !mime.trim_start().to_ascii_lowercase().starts_with("multipart/") {
        return Vec::new();
    }
    let Some(boundary) = parameter(mime, "boundary") else { return Vec::new() };
    split_parts(&request.body, boundary.as_bytes())
}

/// A parameter of a header value (`boundary=...`, `name="..."`), unquoted.
fn parameter(value: &str, name: &str) -> Option<String> {
    for piece in value.split(';').skip(1) {
        let Some((key, val)) = piece.split_once('=') else { continue };
        if key.trim().eq_ignore_ascii_case(name) {
            let val = val.trim();
            let val = val.strip_prefix('"').and_then(|v| v.strip_suffix('"')).unwrap_or(val);
            return Some(val.to_string());
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() || from > haystack.len() {
        return None;
    }
    haystack[from..].windows(needle.len()).position(|w| w == needle).map(|p| p + from)
}

fn split_parts(body: &[u8], boundary: &[u8]) -> Vec<Part> {
    let mut delimiter = b"--".to_vec();
    delimiter.extend_from_slice(boundary);
    let mut out = Vec::new();
    let Some(mut at) = find(body, &delimiter, 0) else { return out };
    loop {
        let start = at + delimiter.len();
        // `--boundary--` closes the body.
        if body[start..].starts_with(b"--") {
            break;
        }
        let Some(head_start) = find(body, b"\r\n", start).map(|p| p + 2) else { break };
        let Some(head_end) = find(body, b"\r\n\r\n", head_start - 2) else { break };
        let Some(next) = find(body, &delimiter, head_end + 4) else { break };
        // The data ends before the CR LF that precedes the next delimiter.
        let data_end = if next >= 2 && &body[next - 2..next] == b"\r\n" { next - 2 } else { next };
        let head = String::from_utf8_lossy(&body[head_start.min(head_end)..head_end]);
        let mut part = Part { data: body[(head_end + 4).min(data_end)..data_end].to_vec(), ..Part::default() };
        for line in head.split("\r\n") {
            let Some((name, value)) = line.split_once(':') else { continue };
            if name.trim().eq_ignore_ascii_case("Content-Disposition") {
                part.name = parameter(value, "name").unwrap_or_default();
                part.file_name = parameter(value, "filename").unwrap_or_default();
            } else if name.trim().eq_ignore_ascii_case("Content-Type") {
                part.mime = value.trim().to_string();
            }
        }
        out.push(part);
        at = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_decoding() {
        assert_eq!(
            urlencoded("a=1&b=x+y%2Bz&c&d=%C3%A9&e=%"),
            vec![
                (String::from("a"), String::from("1")),
                (String::from("b"), String::from("x y+z")),
                (String::from("c"), String::new()),
                (String::from("d"), String::from("é")),
                (String::from("e"), String::from("%")),
            ]
        );
    }

    #[test]
    fn multipart() {
        let body = b"--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nhello\r\n--XX\r\nContent-Disposition: form-data; name=\"f\"; filename=\"t.txt\"\r\nContent-Type: text/plain\r\n\r\nline1\r\nline2\r\n--XX--\r\n";
        let parts = split_parts(body, b"XX");
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].name, "a");
        assert_eq!(parts[0].data, b"hello");
        assert_eq!(parts[1].file_name, "t.txt");
        assert_eq!(parts[1].mime, "text/plain");
        assert_eq!(parts[1].data, b"line1\r\nline2");
        assert!(split_parts(b"garbage", b"XX").is_empty());
        assert!(split_parts(b"--XX\r\nno end", b"XX").is_empty());
    }
}
