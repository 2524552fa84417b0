//! The pixels of pictures: decoding and drawing a picture with its
//! transformations, encoding pixels in a codec, combining pictures, and the
//! destructive transformations (crop, grey scale, transparency), whose
//! result is a new PNG picture.

use std::rc::Rc;

use image::{Rgba, RgbaImage, imageops};

use super::{Codec, NOT_A_PICTURE, Picture, check_size, svg, svg_pixels};
use crate::runtime::error::{RuntimeError, codes};

/// One part of a combined picture: a picture at a position, or a plain
/// rectangle of a colour (the white of a thumbnail's free space).
#[derive(Clone, Debug)]
pub enum Layer {
    Picture(Picture, i64, i64),
    Fill(Rgba<u8>, u32, u32),
}

/// The pixels of a picture as shown, its transformations applied.
pub(super) fn render(picture: &Picture) -> Result<RgbaImage, RuntimeError> {
    let (w, h) = picture.size();
    check_size(w, h)?;
    let base = decode(picture)?;
    let m = picture.matrix();
    let mut content = if m.flip_h { imageops::flip_horizontal(&base) } else { base };
    if m.flip_v {
        content = imageops::flip_vertical(&content);
    }
    let (cw, ch) = picture.content_size();
    if (cw, ch) != content.dimensions() {
        content = if cw == 0 || ch == 0 {
            RgbaImage::new(0, 0)
        } else {
            imageops::resize(&content, cw, ch, imageops::FilterType::Triangle)
        };
    }
    if m.tx == 0.0 && m.ty == 0.0 {
        return Ok(content);
    }
    let mut canvas = RgbaImage::new(w, h);
    imageops::replace(&mut canvas, &content, m.tx.round() as i64, m.ty.round() as i64);
    Ok(canvas)
}

/// The pixels of a picture's bytes, without its transformations.
fn decode(picture: &Picture) -> Result<RgbaImage, RuntimeError> {
    let format = match picture.codec() {
        None => return Ok(RgbaImage::new(0, 0)),
        Some(Codec::Svg) => return Err(svg_pixels("this operation")),
        Some(Codec::Other(id)) => {
            return Err(RuntimeError::new(
                NOT_A_PICTURE,
                format!("the picture holds bytes of the codec \"{id}\", which fourd cannot draw"),
            ));
        }
        Some(codec) => codec.format(),
    };
    let Some(format) = format else { return Err(RuntimeError::new(NOT_A_PICTURE, "no picture")) };
    image::load_from_memory_with_format(picture.bytes(), format)
        .map(|image| image.to_rgba8())
        .map_err(|e| RuntimeError::new(NOT_A_PICTURE, format!("the picture cannot be decoded: {e}")))
}

/// Pixels encoded in a raster codec; `quality` (0 to 1) is JPEG's (best by default).
pub(super) fn encode(pixels: &RgbaImage, codec: &Codec, quality: Option<f64>) -> Result<Vec<u8>, RuntimeError> {
    if pixels.width() == 0 || pixels.height() == 0 {
        return Err(RuntimeError::new(NOT_A_PICTURE, "a picture of no pixels cannot be encoded"));
    }
    let mut out = std::io::Cursor::new(Vec::new());
    let result = match codec {
        Codec::Jpeg => {
            let q = (quality.unwrap_or(1.0).clamp(0.0, 1.0) * 100.0).round().max(1.0) as u8;
            let rgb = image::DynamicImage::ImageRgba8(pixels.clone()).to_rgb8();
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, q).encode_image(&rgb)
        }
        Codec::Gif | Codec::Png | Codec::Bmp | Codec::Tiff => match codec.format() {
            Some(format) => pixels.write_to(&mut out, format),
            None => return Err(RuntimeError::new(NOT_A_PICTURE, "no codec")),
        },
        Codec::Svg | Codec::Other(_) => {
            return Err(RuntimeError::new(
                codes::NOT_SUPPORTED,
                format!("fourd cannot encode pixels as {}", codec.id()),
            ));
        }
    };
    result.map_err(|e| {
        RuntimeError::new(NOT_A_PICTURE, format!("the picture cannot be encoded as {}: {e}", codec.id()))
    })?;
    Ok(out.into_inner())
}

/// Pixels as a new PNG picture.
fn png(pixels: &RgbaImage) -> Result<Picture, RuntimeError> {
    if pixels.width() == 0 || pixels.height() == 0 {
        return Ok(Picture::empty());
    }
    let bytes = encode(pixels, &Codec::Png, None)?;
    Ok(Picture::new(Codec::Png, Rc::from(bytes), pixels.dimensions()))
}

/// Layers drawn in order on a canvas of `size` (transparent where no layer
/// draws): an SVG picture when a layer is SVG (the others are kept inside
/// it as they are), a PNG picture otherwise.
pub fn compose(layers: &[Layer], size: (u32, u32)) -> Result<Picture, RuntimeError> {
    check_size(size.0, size.1)?;
    if size.0 == 0 || size.1 == 0 {
        return Ok(Picture::empty());
    }
    let vector = layers.iter().any(|l| matches!(l, Layer::Picture(p, _, _) if p.codec() == Some(&Codec::Svg)));
    if vector {
        return Ok(Picture::svg(svg::document(layers, size, None)?));
    }
    let mut canvas = RgbaImage::new(size.0, size.1);
    for layer in layers {
        match layer {
            Layer::Picture(p, x, y) => {
                if !p.is_empty() {
                    imageops::overlay(&mut canvas, &p.render()?, *x, *y);
                }
            }
            Layer::Fill(colour, w, h) => {
                imageops::overlay(&mut canvas, &RgbaImage::from_pixel(*w, *h, *colour), 0, 0);
            }
        }
    }
    png(&canvas)
}

/// `Equal pictures`: whether two pictures have the same size and pixels
/// (transparent pixels are alike whatever their colour), and the mask (white where they differ, on black; the empty picture when the
/// sizes differ).
pub fn equal(a: &Picture, b: &Picture) -> Result<(bool, Picture), RuntimeError> {
    if a.size() != b.size() {
        return Ok((false, Picture::empty()));
    }
    let (w, h) = a.size();
    let svg_a = a.codec() == Some(&Codec::Svg);
    let svg_b = b.codec() == Some(&Codec::Svg);
    if svg_a || svg_b {
        // Two SVG pictures of the same text, transformed alike, are equal;
        // any other comparison needs pixels.
        if a == b {
            return Ok((true, png(&RgbaImage::from_pixel(w, h, Rgba([0, 0, 0, 255])))?));
        }
        return Err(svg_pixels("comparing pictures"));
    }
    let (pa, pb) = (a.render()?, b.render()?);
    let mut same = true;
    let mask = RgbaImage::from_fn(w, h, |x, y| {
        let (a, b) = (pa.get_pixel(x, y), pb.get_pixel(x, y));
        // Two transparent pixels are alike, whatever colour they would have.
        if a == b || (a.0[3] == 0 && b.0[3] == 0) {
            Rgba([0, 0, 0, 255])
        } else {
            same = false;
            Rgba([255, 255, 255, 255])
        }
    });
    Ok((same, png(&mask)?))
}

/// `TRANSFORM PICTURE(...; Crop; x; y; width; height)`: the part of the
/// picture as shown in that rectangle (clipped to the picture).
pub fn crop(picture: &Picture, x: f64, y: f64, w: f64, h: f64) -> Result<Picture, RuntimeError> {
    if picture.is_empty() {
        return Ok(picture.clone());
    }
    let (pw, ph) = picture.size();
    let x0 = x.round().clamp(0.0, f64::from(pw)) as u32;
    let y0 = y.round().clamp(0.0, f64::from(ph)) as u32;
    let cw = w.round().clamp(0.0, f64::from(pw - x0)) as u32;
    let chh = h.round().clamp(0.0, f64::from(ph - y0)) as u32;
    if picture.codec() == Some(&Codec::Svg) {
        return Ok(Picture::svg(svg::document(
            &[Layer::Picture(picture.clone(), -i64::from(x0), -i64::from(y0))],
            (cw, chh),
            None,
        )?));
    }
    let pixels = picture.render()?;
    png(&imageops::crop_imm(&pixels, x0, y0, cw, chh).to_image())
}

/// `TRANSFORM PICTURE(...; Fade to grey scale)`.
pub fn grey(picture: &Picture) -> Result<Picture, RuntimeError> {
    if picture.is_empty() {
        return Ok(picture.clone());
    }
    if picture.codec() == Some(&Codec::Svg) {
        return Ok(Picture::svg(svg::document(
            &[Layer::Picture(picture.clone(), 0, 0)],
            picture.size(),
            Some(svg::GREY_FILTER),
        )?));
    }
    let mut pixels = picture.render()?;
    for p in pixels.pixels_mut() {
        let [r, g, b, a] = p.0;
        // ITU-R BT.709 luma, as image's own grey conversion.
        let l = (0.2126 * f64::from(r) + 0.7152 * f64::from(g) + 0.0722 * f64::from(b)).round() as u8;
        *p = Rgba([l, l, l, a]);
    }
    png(&pixels)
}

/// `TRANSFORM PICTURE(...; Transparency; colour)`: the pixels of the colour
/// (`0x00RRGGBB`) made transparent.
pub fn transparency(picture: &Picture, colour: u32) -> Result<Picture, RuntimeError> {
    if picture.is_empty() {
        return Ok(picture.clone());
    }
    if picture.codec() == Some(&Codec::Svg) {
        return Err(svg_pixels("Transparency"));
    }
    let [_, r, g, b] = colour.to_be_bytes();
    let mut pixels = picture.render()?;
    for p in pixels.pixels_mut() {
        if p.0[0] == r && p.0[1] == g && p.0[2] == b {
            p.0[3] = 0;
        }
    }
    png(&pixels)
}
