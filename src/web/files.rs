//! Static files of the web root (4D's HTML root folder, `WebFolder` by
//! default): which file a URL path names, never one outside the root, and
//! the content type, validators (`ETag`, `Last-Modified`) and `304` answer.
//!
//! A URL path is percent-decoded once; a path that holds a `..` or `.`
//! segment, a backslash, a NUL or a colon after decoding, or does not decode
//! to UTF-8, is refused outright (never looked up); the file found is then
//! canonicalised and must still lie under the canonical root, so a symbolic
//! link that leads out of the root is refused too. A `.4dm` source is never
//! served, wherever it lies.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// What a URL path names in the web root.
#[derive(Debug, PartialEq, Eq)]
pub enum Lookup {
    /// A file to serve.
    File(PathBuf),
    /// Nothing there: the request is a dynamic one (`On Web Connection`).
    Missing,
    /// A path that tries to leave the root, or names a source: refused.
    Refused,
}

/// The file that `url_path` (the path of a request's URL, still
/// percent-encoded) names under `root` (canonical), `index` for a folder.
pub fn lookup(root: &Path, url_path: &str, index: &str) -> Lookup {
    let Some(decoded) = percent_decode(url_path.as_bytes()) else { return Lookup::Refused };
    let Ok(decoded) = String::from_utf8(decoded) else { return Lookup::Refused };
    let mut path = root.to_path_buf();
    for segment in decoded.split('/') {
        if segment.is_empty() {
            continue;
        }
        if segment == "." || segment == ".." || segment.contains(['\\', '\0', ':']) {
            return Lookup::Refused;
        }
        path.push(segment);
    }
    if is_source(&path) {
        return Lookup::Refused;
    }
    let Ok(meta) = std::fs::metadata(&path) else { return Lookup::Missing };
    if meta.is_dir() {
        path.push(index);
        if !path.is_file() {
            return Lookup::Missing;
        }
    } else if !meta.is_file() {
        return Lookup::Missing;
    }
    match path.canonicalize() {
        Ok(real) if real.starts_with(root) && !is_source(&real) => Lookup::File(real),
        Ok(_) => Lookup::Refused,
        Err(_) => Lookup::Missing,
    }
}

/// Whether `path` is a 4D method or class source.
fn is_source(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("4dm"))
}

/// `%XX` decoded; `None` for a `%` not followed by two hexadecimal digits.
pub fn percent_decode(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hi = hex(*bytes.get(i + 1)?)?;
            let lo = hex(*bytes.get(i + 2)?)?;
            out.push(hi << 4 | lo);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// The content type of a file, by its extension (`application/octet-stream`
/// when unknown); text types say UTF-8.
pub fn content_type(path: &Path) -> &'static str {
    let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    mime_of_extension(&ext).unwrap_or("application/octet-stream")
}

/// The MIME type of a file extension (without the dot, lowercase).
pub fn mime_of_extension(ext: &str) -> Option<&'static str> {
    Some(match ext {
        "html" | "htm" | "shtml" | "shtm" => "text/html; charset=UTF-8",
        "css" => "text/css; charset=UTF-8",
        "js" | "mjs" => "text/javascript; charset=UTF-8",
        "json" => "application/json",
        "txt" | "text" => "text/plain; charset=UTF-8",
        "xml" => "application/xml",
        "csv" => "text/csv; charset=UTF-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "bmp" => "image/bmp",
        "tif" | "tiff" => "image/tiff",
        "pdf" => "application/pdf",
        "zip" => "application/zip",
        "gz" => "application/gzip",
        "wasm" => "application/wasm",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "mp3" => "audio/mpeg",
        "wav" => "audio/wav",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "rtf" => "application/rtf",
        "doc" => "application/msword",
        "xls" => "application/vnd.ms-excel",
        "swf" => "application/x-shockwave-flash",
        _ => return None,
    })
}

/// A file's validators: a strong `ETag` made of its size and modification
/// time, and its `Last-Modified` date (HTTP form).
pub fn validators(meta: &std::fs::Metadata) -> (String, Option<String>) {
    let modified = meta.modified().ok();
    let nanos = modified.and_then(|m| m.duration_since(SystemTime::UNIX_EPOCH).ok()).map_or(0, |d| d.as_nanos());
    let etag = format!("\"{:x}-{:x}\"", meta.len(), nanos);
    (etag, modified.and_then(http_date))
}

/// A time in the HTTP date form (`Sun, 06 Nov 1994 08:49:37 GMT`).
pub fn http_date(time: SystemTime) -> Option<String> {
    let ts = jiff::Timestamp::try_from(time).ok()?;
    jiff::fmt::rfc2822::DateTimePrinter::new().timestamp_to_rfc9110_string(&ts).ok()
}

/// Whether the client's copy is current: `If-None-Match` names the ETag, or
/// (without `If-None-Match`) `If-Modified-Since` is not before the file's
/// modification (to the second).
pub fn not_modified(
    if_none_match: Option<&str>,
    if_modified_since: Option<&str>,
    etag: &str,
    meta: &std::fs::Metadata,
) -> bool {
    if let Some(tags) = if_none_match {
        return tags.split(',').map(str::trim).any(|t| t == "*" || t == etag || t.strip_prefix("W/") == Some(etag));
    }
    let (Some(since), Ok(modified)) = (if_modified_since, meta.modified()) else { return false };
    let Ok(since) = jiff::fmt::rfc2822::parse(since.trim()) else { return false };
    let Ok(modified) = jiff::Timestamp::try_from(modified) else { return false };
    modified.as_second() <= since.timestamp().as_second()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding() {
        assert_eq!(percent_decode(b"a%20b%2F").as_deref(), Some(&b"a b/"[..]));
        assert_eq!(percent_decode(b"%2"), None);
        assert_eq!(percent_decode(b"%zz"), None);
    }

    #[test]
    fn traversal_is_refused_before_any_lookup() {
        let root = Path::new("/nonexistent-root");
        for path in [
            "/../etc/passwd",
            "/%2e%2e/x",
            "/a/%2E%2E/%2e%2e/x",
            "/..%2fx",
            "/a\\..\\b",
            "/a%5c..",
            "/%00",
            "/x.4dm",
            "/X.4DM",
            "/%ff",
        ] {
            assert_eq!(lookup(root, path, "index.html"), Lookup::Refused, "{path}");
        }
        assert_eq!(lookup(root, "/a/b", "index.html"), Lookup::Missing);
    }

    #[test]
    fn types() {
        assert_eq!(content_type(Path::new("a.HTML")), "text/html; charset=UTF-8");
        assert_eq!(content_type(Path::new("a")), "application/octet-stream");
    }
}
