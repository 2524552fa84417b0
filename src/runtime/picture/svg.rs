//! SVG pictures: the size of an SVG text (its root's `width` and `height`,
//! else its `viewBox`), and SVG documents that draw pictures transformed and
//! combined, each SVG picture nested as it is and each bitmap as an
//! `<image>` of its own bytes: an SVG picture stays vectorial through the
//! transformations and combinations fourd makes.

use std::fmt::Write;

use base64::Engine;
use quick_xml::events::Event;

use super::{Codec, Layer, Picture, check_size};
use crate::runtime::error::RuntimeError;

/// The size of an SVG with no size and no `viewBox`: the default size of a
/// replaced element in CSS, which is what a browser shows.
const DEFAULT_SIZE: (u32, u32) = (300, 150);

/// The filter of `Fade to grey scale` on an SVG picture.
pub const GREY_FILTER: &str = "<filter id=\"fourd-grey\"><feColorMatrix type=\"saturate\" values=\"0\"/></filter>";

/// Where the root element starts, and its width and height in pixels, when
/// `bytes` are an SVG text.
fn root(bytes: &[u8]) -> Option<(usize, (u32, u32))> {
    let text = std::str::from_utf8(bytes).ok()?;
    let text_start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut reader = quick_xml::Reader::from_str(&text[text_start..]);
    loop {
        let at = usize::try_from(reader.buffer_position()).ok()? + text_start;
        match reader.read_event().ok()? {
            Event::Decl(_) | Event::Comment(_) | Event::DocType(_) | Event::PI(_) => {}
            Event::Text(t) if t.iter().all(u8::is_ascii_whitespace) => {}
            Event::Start(e) | Event::Empty(e) => {
                if e.local_name().as_ref() != b"svg" {
                    return None;
                }
                let mut width = None;
                let mut height = None;
                let mut view_box = None;
                for attribute in e.attributes().flatten() {
                    let value = String::from_utf8_lossy(&attribute.value).into_owned();
                    match attribute.key.local_name().as_ref() {
                        b"width" => width = length(&value),
                        b"height" => height = length(&value),
                        b"viewBox" => view_box = parse_view_box(&value),
                        _ => {}
                    }
                }
                let size = match (width, height, view_box) {
                    (Some(w), Some(h), _) => (w, h),
                    (Some(w), None, Some((vw, vh))) if vw > 0.0 => (w, w * vh / vw),
                    (None, Some(h), Some((vw, vh))) if vh > 0.0 => (h * vw / vh, h),
                    (_, _, Some((vw, vh))) => (vw, vh),
                    (w, h, None) => (w.unwrap_or(f64::from(DEFAULT_SIZE.0)), h.unwrap_or(f64::from(DEFAULT_SIZE.1))),
                };
                let (w, h) = (super::side(size.0), super::side(size.1));
                check_size(w, h).ok()?;
                return Some((at, (w, h)));
            }
            _ => return None,
        }
    }
}

/// The size of an SVG text, `None` when the bytes are no SVG.
pub(super) fn size_of(bytes: &[u8]) -> Option<(u32, u32)> {
    root(bytes).map(|(_, size)| size)
}

/// A length of SVG in pixels (96 per inch); `None` for a percentage or no number.
fn length(text: &str) -> Option<f64> {
    let text = text.trim();
    let split = text.find(|c: char| c.is_ascii_alphabetic() || c == '%').unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let n: f64 = number.trim().parse().ok()?;
    let factor = match unit.trim() {
        "" | "px" => 1.0,
        "pt" => 96.0 / 72.0,
        "pc" => 16.0,
        "mm" => 96.0 / 25.4,
        "cm" => 96.0 / 2.54,
        "in" => 96.0,
        "em" => 16.0,
        _ => return None,
    };
    (n.is_finite() && n >= 0.0).then_some(n * factor)
}

/// The width and height of a `viewBox`.
fn parse_view_box(text: &str) -> Option<(f64, f64)> {
    let numbers: Vec<f64> = text
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(str::parse)
        .collect::<Result<_, _>>()
        .ok()?;
    match numbers[..] {
        [_, _, w, h] if w >= 0.0 && h >= 0.0 => Some((w, h)),
        _ => None,
    }
}

/// An SVG document of `size` that draws the layers in order (inside a grey
/// filter when `filter` is given).
pub(super) fn document(layers: &[Layer], size: (u32, u32), filter: Option<&str>) -> Result<String, RuntimeError> {
    let (w, h) = size;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" \
         width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">"
    );
    if let Some(filter) = filter {
        let _ = write!(out, "<defs>{filter}</defs><g filter=\"url(#fourd-grey)\">");
    }
    for layer in layers {
        match layer {
            Layer::Fill(colour, fw, fh) => {
                let [r, g, b, a] = colour.0;
                let _ = write!(
                    out,
                    "<rect width=\"{fw}\" height=\"{fh}\" fill=\"#{r:02x}{g:02x}{b:02x}\" fill-opacity=\"{}\"/>",
                    f64::from(a) / 255.0
                );
            }
            Layer::Picture(p, x, y) => {
                if p.is_empty() {
                    continue;
                }
                let _ = write!(out, "<g transform=\"translate({x} {y})\">");
                fragment(p, &mut out)?;
                out.push_str("</g>");
            }
        }
    }
    if filter.is_some() {
        out.push_str("</g>");
    }
    out.push_str("</svg>\n");
    Ok(out)
}

/// One picture, its transformations applied, as SVG elements.
fn fragment(p: &Picture, out: &mut String) -> Result<(), RuntimeError> {
    let m = p.matrix();
    let (nw, nh) = p.natural();
    let (cw, ch) = (f64::from(nw) * m.sx, f64::from(nh) * m.sy);
    let mut transform = format!("translate({} {})", m.tx.round(), m.ty.round());
    if m.flip_h {
        let _ = write!(transform, " translate({cw} 0) scale(-1 1)");
    }
    if m.flip_v {
        let _ = write!(transform, " translate(0 {ch}) scale(1 -1)");
    }
    let _ = write!(transform, " scale({} {})", m.sx, m.sy);
    let _ = write!(out, "<g transform=\"{transform}\">");
    match p.codec() {
        Some(Codec::Svg) => {
            let bytes = p.bytes();
            let Some((at, _)) = root(bytes) else {
                return Err(RuntimeError::new(super::NOT_A_PICTURE, "the SVG picture cannot be read"));
            };
            let text = std::str::from_utf8(&bytes[at..]).unwrap_or_default();
            let _ = write!(out, "<svg width=\"{nw}\" height=\"{nh}\" overflow=\"hidden\">{}</svg>", text.trim_end());
        }
        Some(Codec::Other(id)) => {
            return Err(RuntimeError::new(
                super::NOT_A_PICTURE,
                format!("the picture holds bytes of the codec \"{id}\", which fourd cannot draw"),
            ));
        }
        Some(codec) => {
            let data = base64::engine::general_purpose::STANDARD.encode(p.bytes());
            let _ = write!(
                out,
                "<image width=\"{nw}\" height=\"{nh}\" preserveAspectRatio=\"none\" xlink:href=\"data:{};base64,{data}\"/>",
                codec.mime()
            );
        }
        None => {}
    }
    out.push_str("</g>");
    Ok(())
}
