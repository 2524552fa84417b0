//! Pictures: the `Value::Picture` value.
//!
//! A picture keeps the bytes it was read from and their codec (`.png`,
//! `.jpg`, `.gif`, `.bmp`, `.tif`, `.svg`, or an unknown codec id under which
//! `BLOB TO PICTURE` wraps any bytes), its natural size (read from the
//! header, or from the root attributes of an SVG: no pixel is decoded to
//! load a picture), and a matrix of the non-destructive transformations 4D
//! documents (scale, move, flip), which `TRANSFORM PICTURE(...; Reset)`
//! undoes. A picture is a value: it is never changed in place, every
//! operation makes a new one that shares the bytes when it can.
//!
//! Pixels are decoded only when an operation needs them (`render.rs`:
//! encoding to another codec, combining raster pictures, cropping, grey
//! scale, comparing). SVG stays SVG: its transformations and combinations
//! are written as SVG around the original text (`svg.rs`); fourd has no
//! rasteriser, so what needs an SVG's pixels raises an error.

mod render;
mod svg;

use std::rc::Rc;

use super::error::{RuntimeError, codes};

pub use render::{Layer, compose, crop, equal, grey, transparency};

/// fourd's error code for bytes that hold no picture fourd can read
/// (the documentation gives none; a file that is not there is the file manager's -43).
pub const NOT_A_PICTURE: i32 = -10550;
/// fourd's error code for a codec id that no codec has.
pub const UNKNOWN_CODEC: i32 = -10551;

/// The largest side of a picture fourd makes, in pixels.
pub const MAX_SIDE: u32 = 32_767;
/// The most pixels a picture fourd makes or decodes may have (256 MB of RGBA).
pub const MAX_PIXELS: u64 = 64 * 1024 * 1024;

/// A picture's format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Codec {
    Png,
    Jpeg,
    Gif,
    Bmp,
    Tiff,
    Svg,
    /// An id no codec has: the picture wraps bytes it does not read
    /// (`BLOB TO PICTURE` with such an id, documented), as the id was given.
    Other(String),
}

/// The codecs fourd reads and writes, in the order `PICTURE CODEC LIST` gives them.
pub const WRITERS: [Codec; 5] = [Codec::Png, Codec::Jpeg, Codec::Gif, Codec::Bmp, Codec::Tiff];

impl Codec {
    /// The codec of an id: an extension (`.png`, `png`) or a MIME type
    /// (`image/png`), in any case; `None` for an id no codec has.
    pub fn from_id(id: &str) -> Option<Codec> {
        let id = id.trim().to_ascii_lowercase();
        let bare = id.strip_prefix('.').unwrap_or(&id);
        Some(match bare {
            "png" | "image/png" => Codec::Png,
            "jpg" | "jpeg" | "jpe" | "image/jpeg" | "image/jpg" => Codec::Jpeg,
            "gif" | "image/gif" => Codec::Gif,
            "bmp" | "image/bmp" | "image/x-bmp" => Codec::Bmp,
            "tif" | "tiff" | "image/tiff" => Codec::Tiff,
            "svg" | "image/svg+xml" => Codec::Svg,
            _ => return None,
        })
    }

    /// The id `PICTURE CODEC LIST` gives (an extension).
    pub fn id(&self) -> &str {
        match self {
            Codec::Png => ".png",
            Codec::Jpeg => ".jpg",
            Codec::Gif => ".gif",
            Codec::Bmp => ".bmp",
            Codec::Tiff => ".tif",
            Codec::Svg => ".svg",
            Codec::Other(id) => id,
        }
    }

    /// The codec's name, as `PICTURE CODEC LIST` gives it.
    pub fn name(&self) -> &str {
        match self {
            Codec::Png => "PNG",
            Codec::Jpeg => "JPEG",
            Codec::Gif => "GIF",
            Codec::Bmp => "BMP",
            Codec::Tiff => "TIFF",
            Codec::Svg => "SVG",
            Codec::Other(id) => id,
        }
    }

    /// The MIME type of the format (for an SVG's `<image>` of a raster picture).
    pub fn mime(&self) -> &str {
        match self {
            Codec::Png => "image/png",
            Codec::Jpeg => "image/jpeg",
            Codec::Gif => "image/gif",
            Codec::Bmp => "image/bmp",
            Codec::Tiff => "image/tiff",
            Codec::Svg => "image/svg+xml",
            Codec::Other(_) => "application/octet-stream",
        }
    }

    fn format(&self) -> Option<image::ImageFormat> {
        Some(match self {
            Codec::Png => image::ImageFormat::Png,
            Codec::Jpeg => image::ImageFormat::Jpeg,
            Codec::Gif => image::ImageFormat::Gif,
            Codec::Bmp => image::ImageFormat::Bmp,
            Codec::Tiff => image::ImageFormat::Tiff,
            Codec::Svg | Codec::Other(_) => return None,
        })
    }

    fn of_format(format: image::ImageFormat) -> Option<Codec> {
        Some(match format {
            image::ImageFormat::Png => Codec::Png,
            image::ImageFormat::Jpeg => Codec::Jpeg,
            image::ImageFormat::Gif => Codec::Gif,
            image::ImageFormat::Bmp => Codec::Bmp,
            image::ImageFormat::Tiff => Codec::Tiff,
            _ => return None,
        })
    }
}

/// The non-destructive transformations of a picture, applied in this order:
/// flips, then the scale, then the move.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Matrix {
    pub sx: f64,
    pub sy: f64,
    pub tx: f64,
    pub ty: f64,
    pub flip_h: bool,
    pub flip_v: bool,
}

impl Matrix {
    pub const IDENTITY: Matrix = Matrix { sx: 1.0, sy: 1.0, tx: 0.0, ty: 0.0, flip_h: false, flip_v: false };

    pub fn is_identity(&self) -> bool {
        *self == Matrix::IDENTITY
    }

    /// The size of the content once scaled (rounded to whole pixels).
    fn scaled(&self, (w, h): (u32, u32)) -> (u32, u32) {
        (side(f64::from(w) * self.sx), side(f64::from(h) * self.sy))
    }
}

/// A length in whole pixels, within fourd's limits (a negative or NaN length is 0).
fn side(x: f64) -> u32 {
    if x.is_nan() || x <= 0.0 { 0 } else { x.round().min(f64::from(u32::MAX)) as u32 }
}

#[derive(Debug)]
struct Data {
    /// `None` for the empty picture.
    codec: Option<Codec>,
    bytes: Rc<[u8]>,
    /// The size of the picture as read, in pixels.
    natural: (u32, u32),
    matrix: Matrix,
}

/// A picture value: shared until an operation makes a new one.
#[derive(Clone, Debug)]
pub struct Picture(Rc<Data>);

thread_local! {
    static EMPTY: Picture = Picture(Rc::new(Data {
        codec: None,
        bytes: Rc::from(&[][..]),
        natural: (0, 0),
        matrix: Matrix::IDENTITY,
    }));
}

impl Default for Picture {
    fn default() -> Picture {
        Picture::empty()
    }
}

impl PartialEq for Picture {
    /// The same picture: the same bytes in the same codec, transformed alike.
    fn eq(&self, other: &Picture) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
            || (self.0.codec == other.0.codec && self.0.matrix == other.0.matrix && self.0.bytes == other.0.bytes)
    }
}

/// What a picture is made of, without `Rc`s: a picture passed to another process.
#[derive(Clone, Debug)]
pub struct PortablePicture {
    codec: Option<Codec>,
    bytes: Vec<u8>,
    natural: (u32, u32),
    matrix: Matrix,
}

impl PortablePicture {
    pub fn picture(&self) -> Picture {
        Picture(Rc::new(Data {
            codec: self.codec.clone(),
            bytes: Rc::from(self.bytes.as_slice()),
            natural: self.natural,
            matrix: self.matrix,
        }))
    }
}

impl Picture {
    /// The empty picture (what a new Picture variable holds; size 0).
    pub fn empty() -> Picture {
        EMPTY.with(Picture::clone)
    }

    fn new(codec: Codec, bytes: Rc<[u8]>, natural: (u32, u32)) -> Picture {
        Picture(Rc::new(Data { codec: Some(codec), bytes, natural, matrix: Matrix::IDENTITY }))
    }

    /// A picture read from encoded bytes: the codec is found from the bytes
    /// (an SVG text, or a format fourd reads), and only the header is read.
    /// `None` when the bytes hold no picture fourd reads.
    pub fn decode(bytes: Vec<u8>) -> Option<Picture> {
        if bytes.is_empty() {
            return None;
        }
        if let Some(size) = svg::size_of(&bytes) {
            return Some(Picture::new(Codec::Svg, Rc::from(bytes), size));
        }
        let format = image::guess_format(&bytes).ok()?;
        let codec = Codec::of_format(format)?;
        let reader = image::ImageReader::with_format(std::io::Cursor::new(&bytes), format);
        let (w, h) = reader.into_dimensions().ok()?;
        if w == 0 || h == 0 || u64::from(w) * u64::from(h) > MAX_PIXELS {
            return None;
        }
        Some(Picture::new(codec, Rc::from(bytes), (w, h)))
    }

    /// Bytes kept as they are under a codec id no codec has (documented for
    /// `BLOB TO PICTURE`): a picture of no size that gives its bytes back
    /// under the same id.
    pub fn wrap(bytes: Vec<u8>, id: &str) -> Picture {
        Picture::new(Codec::Other(id.to_string()), Rc::from(bytes), (0, 0))
    }

    /// An SVG text as a picture (`SVG EXPORT TO PICTURE`).
    pub fn svg(text: String) -> Picture {
        let bytes = text.into_bytes();
        let size = svg::size_of(&bytes).unwrap_or((0, 0));
        Picture::new(Codec::Svg, Rc::from(bytes), size)
    }

    pub fn is_empty(&self) -> bool {
        self.0.codec.is_none()
    }

    /// The codec of the bytes it keeps (`None` for the empty picture).
    pub fn codec(&self) -> Option<&Codec> {
        self.0.codec.as_ref()
    }

    pub fn matrix(&self) -> Matrix {
        self.0.matrix
    }

    /// `Picture size`: the bytes it keeps.
    pub fn byte_size(&self) -> usize {
        self.0.bytes.len()
    }

    pub fn natural(&self) -> (u32, u32) {
        self.0.natural
    }

    /// The size of the content once flipped and scaled, before the move.
    pub fn content_size(&self) -> (u32, u32) {
        self.0.matrix.scaled(self.0.natural)
    }

    /// The width and height as shown: the content from the origin, after its
    /// move (a move right or down adds blank space before it; what a move
    /// left or up takes past the origin is cut off).
    pub fn size(&self) -> (u32, u32) {
        let (w, h) = self.content_size();
        let m = self.0.matrix;
        (side(f64::from(w) + m.tx.round()), side(f64::from(h) + m.ty.round()))
    }

    fn with_matrix(&self, matrix: Matrix) -> Result<Picture, RuntimeError> {
        if self.is_empty() {
            return Ok(self.clone());
        }
        let out = Picture(Rc::new(Data {
            codec: self.0.codec.clone(),
            bytes: Rc::clone(&self.0.bytes),
            natural: self.0.natural,
            matrix,
        }));
        let (w, h) = out.size();
        check_size(w, h)?;
        Ok(out)
    }

    /// Scaled by factors (`*`, `*+`, `*|`, `TRANSFORM PICTURE(...; Scale)`).
    /// The move is not scaled.
    pub fn scaled(&self, fx: f64, fy: f64) -> Result<Picture, RuntimeError> {
        if !(fx.is_finite() && fy.is_finite()) || fx < 0.0 || fy < 0.0 {
            return Err(RuntimeError::new(
                codes::BAD_ARGUMENTS,
                format!("a picture cannot be scaled by {fx} and {fy}"),
            ));
        }
        let m = self.0.matrix;
        self.with_matrix(Matrix { sx: m.sx * fx, sy: m.sy * fy, ..m })
    }

    /// Moved by pixels (`+`, `-` and `/` with a number, `TRANSFORM PICTURE(...; Translate)`).
    pub fn moved(&self, dx: f64, dy: f64) -> Result<Picture, RuntimeError> {
        if !(dx.is_finite() && dy.is_finite()) {
            return Err(RuntimeError::new(codes::BAD_ARGUMENTS, "a picture cannot be moved by an infinite number"));
        }
        let m = self.0.matrix;
        self.with_matrix(Matrix { tx: m.tx + dx, ty: m.ty + dy, ..m })
    }

    /// Flipped; the moves made before are forgotten (documented).
    pub fn flipped(&self, horizontally: bool) -> Result<Picture, RuntimeError> {
        let m = self.0.matrix;
        let m = if horizontally { Matrix { flip_h: !m.flip_h, ..m } } else { Matrix { flip_v: !m.flip_v, ..m } };
        self.with_matrix(Matrix { tx: 0.0, ty: 0.0, ..m })
    }

    /// The picture without its transformations (`TRANSFORM PICTURE(...; Reset)`).
    pub fn reset(&self) -> Picture {
        if self.0.matrix.is_identity() {
            return self.clone();
        }
        Picture(Rc::new(Data {
            codec: self.0.codec.clone(),
            bytes: Rc::clone(&self.0.bytes),
            natural: self.0.natural,
            matrix: Matrix::IDENTITY,
        }))
    }

    /// The bytes of the picture in `codec`: its own bytes when it has that
    /// codec and no transformation (documented: written "as is"), else the
    /// picture drawn and encoded. `quality` (0 to 1) is JPEG's.
    pub fn encode(&self, codec: &Codec, quality: Option<f64>) -> Result<Vec<u8>, RuntimeError> {
        let Some(own) = self.codec() else {
            return Err(RuntimeError::new(NOT_A_PICTURE, "the picture is empty"));
        };
        if own == codec && self.0.matrix.is_identity() && (quality.is_none() || *codec != Codec::Jpeg) {
            return Ok(self.0.bytes.to_vec());
        }
        match codec {
            Codec::Svg if *own == Codec::Svg => {
                Ok(svg::document(&[Layer::Picture(self.clone(), 0, 0)], self.size(), None)?.into_bytes())
            }
            Codec::Svg => Err(RuntimeError::new(
                codes::NOT_SUPPORTED,
                "fourd writes SVG only from an SVG picture (it does not trace bitmaps)",
            )),
            Codec::Other(id) => Err(RuntimeError::new(UNKNOWN_CODEC, format!("no codec has the id \"{id}\""))),
            _ => render::encode(&self.render()?, codec, quality),
        }
    }

    /// The picture as a new picture in `codec` (`CONVERT PICTURE`).
    pub fn converted(&self, codec: &Codec, quality: Option<f64>) -> Result<Picture, RuntimeError> {
        if self.is_empty() {
            return Ok(self.clone());
        }
        if self.codec() == Some(codec) && self.0.matrix.is_identity() && quality.is_none() {
            return Ok(self.clone());
        }
        let bytes = self.encode(codec, quality)?;
        Picture::decode(bytes).ok_or_else(|| RuntimeError::new(NOT_A_PICTURE, "the converted picture cannot be read"))
    }

    /// The pixels of the picture as shown (transformations applied).
    pub fn render(&self) -> Result<image::RgbaImage, RuntimeError> {
        render::render(self)
    }

    /// The raw bytes it keeps.
    fn bytes(&self) -> &[u8] {
        &self.0.bytes
    }

    /// A copy without `Rc`s, for another process.
    pub fn portable(&self) -> PortablePicture {
        PortablePicture {
            codec: self.0.codec.clone(),
            bytes: self.0.bytes.to_vec(),
            natural: self.0.natural,
            matrix: self.0.matrix,
        }
    }
}

/// The error of a picture larger than fourd makes.
pub fn check_size(w: u32, h: u32) -> Result<(), RuntimeError> {
    if w > MAX_SIDE || h > MAX_SIDE || u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(RuntimeError::new(
            codes::NOT_ENOUGH_MEMORY,
            format!(
                "a picture of {w} × {h} pixels is larger than fourd makes ({MAX_SIDE} pixels a side, {MAX_PIXELS} pixels)"
            ),
        ));
    }
    Ok(())
}

/// The error of an operation that needs the pixels of an SVG picture.
fn svg_pixels(what: &str) -> RuntimeError {
    RuntimeError::new(
        codes::NOT_SUPPORTED,
        format!("{what} needs the pixels of an SVG picture, and fourd keeps SVG as SVG (it has no rasteriser)"),
    )
}

#[cfg(test)]
mod tests;
