//! The Pictures theme: pictures read from and written to files and BLOBs,
//! their properties, codecs, transformations, combinations, thumbnails and
//! comparison. The picture value itself, its codecs and its pixels live in
//! `runtime::picture`; `SVG EXPORT TO PICTURE` is with the XML DOM
//! commands (`xml/mod.rs`).
//!
//! A command that documents `OK` sets it; the file dialogs of an empty file
//! name are not shown (fourd runs headless): OK is 0, as when the user
//! cancels.

use std::path::Path;

use super::files::{Roots, io_error, set_document, system_path};
use super::{Args, Ctx, wrong_type};
use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::picture::{self, Codec, Layer, Picture, compose};
use crate::runtime::value::{Array, ArrayType, Value};

/// The operators of `TRANSFORM PICTURE` (constants of the Picture Transformation theme).
mod transform {
    pub const RESET: i32 = 0;
    pub const SCALE: i32 = 1;
    pub const TRANSLATE: i32 = 2;
    pub const FLIP_HORIZONTALLY: i32 = 3;
    pub const FLIP_VERTICALLY: i32 = 4;
    pub const CROP: i32 = 100;
    pub const FADE_TO_GREY_SCALE: i32 = 101;
    pub const TRANSPARENCY: i32 = 102;
}

/// The operators of `COMBINE PICTURES`.
mod combine {
    pub const HORIZONTAL_CONCATENATION: i32 = 1;
    pub const VERTICAL_CONCATENATION: i32 = 2;
    pub const SUPERIMPOSITION: i32 = 3;
}

/// The modes of `CREATE THUMBNAIL` (Picture Display Formats).
mod thumbnail {
    pub const SCALED_TO_FIT: i32 = 2;
    pub const SCALED_TO_FIT_PROPORTIONAL: i32 = 5;
    pub const SCALED_TO_FIT_PROP_CENTERED: i32 = 6;
}

/// The picture of argument `i` (undefined reads as the empty picture).
fn picture_arg(args: &Args<'_>, i: usize) -> Result<Picture, RuntimeError> {
    match args.get(i) {
        Value::Picture(p) => Ok(p.clone()),
        Value::Undefined | Value::Null => Ok(Picture::empty()),
        other => Err(wrong_type(i, "a picture", other)),
    }
}

/// The picture held by the variable of by-reference argument `i`.
fn picture_var(ctx: &mut Ctx<'_>, args: &Args<'_>, i: usize) -> Result<Picture, RuntimeError> {
    let pointer = args.pointer(i)?;
    match ctx.host.deref(&pointer)? {
        Value::Picture(p) => Ok(p),
        Value::Undefined | Value::Null => Ok(Picture::empty()),
        other => Err(wrong_type(i, "a picture variable", &other)),
    }
}

/// Gives the variable of by-reference argument `i` a picture.
fn put_picture(ctx: &mut Ctx<'_>, args: &Args<'_>, i: usize, picture: Picture) -> Result<(), RuntimeError> {
    let pointer = args.pointer(i)?;
    ctx.host.assign(&pointer, Value::Picture(picture))
}

/// A whole-number argument, as a Longint.
fn long(args: &Args<'_>, i: usize) -> Result<i32, RuntimeError> {
    Ok(args.number(i)?.trunc().clamp(f64::from(i32::MIN), f64::from(i32::MAX)) as i32)
}

/// The codec of the extension of a file's name.
fn codec_of_name(path: &Path) -> Option<Codec> {
    path.extension().and_then(|e| Codec::from_id(&e.to_string_lossy()))
}

/// `READ PICTURE FILE(fileName; picture {; *})` (678). A file fourd cannot
/// read as a picture sets OK to 0 and empties the picture; with `*` its bytes
/// are kept under its extension as codec id (as `BLOB TO PICTURE` with an
/// unknown codec). A file that is not there raises the file manager's error.
pub(crate) fn read_picture_file(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let name = args.text(0)?.to_string();
    ctx.set_ok(false)?;
    if name.is_empty() {
        return Ok(Value::Undefined);
    }
    let path = system_path(&Roots::of(ctx)?, &name);
    if path.is_dir() {
        return Err(super::files::file_error(super::files::code::NOT_FOUND, "a folder is not a picture file", &path));
    }
    let bytes = std::fs::read(&path).map_err(|e| io_error(&e, &path))?;
    let picture = match Picture::decode(bytes.clone()) {
        Some(p) => p,
        None if args.star => {
            let id = path.extension().map_or_else(String::new, |e| format!(".{}", e.to_string_lossy()));
            Picture::wrap(bytes, if id.is_empty() { "application/octet-stream" } else { &id })
        }
        None => {
            put_picture(ctx, args, 1, Picture::empty())?;
            return Ok(Value::Undefined);
        }
    };
    put_picture(ctx, args, 1, picture)?;
    set_document(ctx, &path)?;
    ctx.set_ok(true)?;
    Ok(Value::Undefined)
}

/// `WRITE PICTURE FILE(fileName; picture {; codec})` (680): in the codec
/// given, else that of the name's extension, else (no extension) the
/// picture's own. A codec no codec has, or an empty picture, sets OK to 0
/// and writes nothing (documented for the codec).
pub(crate) fn write_picture_file(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let name = args.text(0)?.to_string();
    let picture = picture_arg(args, 1)?;
    ctx.set_ok(false)?;
    if name.is_empty() || picture.is_empty() {
        return Ok(Value::Undefined);
    }
    let path = system_path(&Roots::of(ctx)?, &name);
    let codec = if args.len() > 2 {
        Codec::from_id(args.text(2)?)
    } else if path.extension().is_some() {
        codec_of_name(&path)
    } else {
        picture.codec().cloned()
    };
    let Some(codec) = codec else { return Ok(Value::Undefined) };
    let bytes = picture.encode(&codec, None)?;
    if ctx.host.documents().is_open(&path) {
        return Err(super::files::file_error(super::files::code::BUSY, "the document is open", &path));
    }
    std::fs::write(&path, bytes).map_err(|e| io_error(&e, &path))?;
    set_document(ctx, &path)?;
    ctx.set_ok(true)?;
    Ok(Value::Undefined)
}

/// `BLOB TO PICTURE(pictureBlob; picture {; codec})` (682). With a codec
/// fourd has, the bytes must be a picture of that codec; with an id no codec
/// has, the picture wraps the bytes (documented). Bytes that are no picture
/// set OK to 0 and empty the picture (documented).
pub(crate) fn blob_to_picture(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let bytes = super::blob::blob_arg(args, 0)?;
    let id = if args.len() > 2 { Some(args.text(2)?.to_string()) } else { None };
    let picture = match id.as_deref() {
        Some(id) if !id.is_empty() && Codec::from_id(id).is_none() => Some(Picture::wrap(bytes.to_vec(), id)),
        Some(id) if !id.is_empty() => {
            let wanted = Codec::from_id(id);
            Picture::decode(bytes.to_vec()).filter(|p| p.codec() == wanted.as_ref())
        }
        _ => Picture::decode(bytes.to_vec()),
    };
    let ok = picture.is_some();
    put_picture(ctx, args, 1, picture.unwrap_or_default())?;
    ctx.set_ok(ok)?;
    Ok(Value::Undefined)
}

/// `PICTURE TO BLOB(picture; pictureBlob; codec)` (692). A conversion that
/// fails (an unknown codec, an empty picture, an SVG to a bitmap codec)
/// sets OK to 0 and gives an empty BLOB (documented); a picture wrapping
/// bytes under an unknown id gives them back under the same id.
pub(crate) fn picture_to_blob(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let picture = picture_arg(args, 0)?;
    let id = args.text(2)?;
    let bytes = match (Codec::from_id(id), picture.codec()) {
        (Some(codec), Some(_)) => picture.encode(&codec, None).ok(),
        (None, Some(own @ Codec::Other(own_id))) if own_id.eq_ignore_ascii_case(id.trim()) => {
            picture.encode(own, None).ok()
        }
        _ => None,
    };
    let ok = bytes.is_some();
    let pointer = args.pointer(1)?;
    super::blob::put_blob(ctx, &pointer, bytes.unwrap_or_default())?;
    ctx.set_ok(ok)?;
    Ok(Value::Undefined)
}

/// `PICTURE PROPERTIES(picture; width; height {; hOffset {; vOffset {; mode}}})`
/// (457): the size as shown. The offsets and mode are those of a picture
/// shown on a form's background, which fourd has not: 0.
pub(crate) fn picture_properties(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let picture = picture_arg(args, 0)?;
    let (w, h) = picture.size();
    let values = [f64::from(w), f64::from(h), 0.0, 0.0, 0.0];
    for (i, value) in values.into_iter().enumerate().take(args.len().saturating_sub(1)) {
        let pointer = args.pointer(i + 1)?;
        ctx.host.assign(&pointer, Value::Real(value))?;
    }
    Ok(Value::Undefined)
}

/// `Picture size(picture)` (356): the bytes the picture keeps.
pub(crate) fn picture_size(_: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::Real(picture_arg(args, 0)?.byte_size() as f64))
}

/// A picture with its move drawn in (so that a scale does not scale the move).
fn flattened(picture: &Picture) -> Result<Picture, RuntimeError> {
    let m = picture.matrix();
    if m.tx == 0.0 && m.ty == 0.0 {
        return Ok(picture.clone());
    }
    compose(&[Layer::Picture(picture.clone(), 0, 0)], picture.size())
}

/// `CREATE THUMBNAIL(source; dest {; width {; height {; mode {; depth}}}})`
/// (679): 48 × 48 and `Scaled to fit prop centered` by default; the free
/// space of the proportional modes is white (documented). `depth` is ignored
/// (documented).
pub(crate) fn create_thumbnail(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let source = picture_arg(args, 0)?;
    let width = if args.len() > 2 { args.number(2)? } else { 48.0 };
    let height = if args.len() > 3 { args.number(3)? } else { 48.0 };
    let mode = if args.len() > 4 { long(args, 4)? } else { thumbnail::SCALED_TO_FIT_PROP_CENTERED };
    if !(width >= 1.0 && height >= 1.0) {
        return Err(RuntimeError::new(
            codes::BAD_ARGUMENTS,
            format!("a thumbnail of {width} × {height} pixels cannot be made"),
        ));
    }
    let (w, h) = (width.round() as u32, height.round() as u32);
    picture::check_size(w, h)?;
    let (sw, sh) = source.size();
    let thumbnail = if source.is_empty() || sw == 0 || sh == 0 {
        Picture::empty()
    } else {
        let base = flattened(&source)?;
        let (fx, fy) = (f64::from(w) / f64::from(sw), f64::from(h) / f64::from(sh));
        match mode {
            thumbnail::SCALED_TO_FIT => compose(&[Layer::Picture(base.scaled(fx, fy)?, 0, 0)], (w, h))?,
            thumbnail::SCALED_TO_FIT_PROPORTIONAL | thumbnail::SCALED_TO_FIT_PROP_CENTERED => {
                let f = fx.min(fy);
                let scaled = base.scaled(f, f)?;
                let (tw, th) = scaled.size();
                let (x, y) = if mode == thumbnail::SCALED_TO_FIT_PROP_CENTERED {
                    ((i64::from(w) - i64::from(tw)) / 2, (i64::from(h) - i64::from(th)) / 2)
                } else {
                    (0, 0)
                };
                let white = image::Rgba([255, 255, 255, 255]);
                compose(&[Layer::Fill(white, w, h), Layer::Picture(scaled, x, y)], (w, h))?
            }
            other => {
                return Err(RuntimeError::new(
                    codes::BAD_ARGUMENTS,
                    format!(
                        "CREATE THUMBNAIL takes the modes Scaled to fit (2), Scaled to fit proportional (5) and \
                         Scaled to fit prop centered (6), not {other}"
                    ),
                ));
            }
        }
    };
    put_picture(ctx, args, 1, thumbnail)?;
    Ok(Value::Undefined)
}

/// `TRANSFORM PICTURE(picture; operator {; param1 {; param2 {; param3 {; param4}}}})` (988).
pub(crate) fn transform_picture(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let picture = picture_var(ctx, args, 0)?;
    let operator = long(args, 1)?;
    let p = |i: usize| args.number(i);
    let result = match operator {
        transform::RESET => picture.reset(),
        transform::SCALE => picture.scaled(p(2)?, p(3)?)?,
        transform::TRANSLATE => picture.moved(p(2)?, p(3)?)?,
        transform::FLIP_HORIZONTALLY => picture.flipped(true)?,
        transform::FLIP_VERTICALLY => picture.flipped(false)?,
        transform::CROP => picture::crop(&picture, p(2)?, p(3)?, p(4)?, p(5)?)?,
        transform::FADE_TO_GREY_SCALE => picture::grey(&picture)?,
        transform::TRANSPARENCY => {
            let colour = if args.len() > 2 { p(2)? as i64 as u32 } else { 0x00FF_FFFF };
            picture::transparency(&picture, colour)?
        }
        other => {
            return Err(RuntimeError::new(
                codes::BAD_ARGUMENTS,
                format!("{other} is not an operator of TRANSFORM PICTURE (see the Picture Transformation constants)"),
            ));
        }
    };
    put_picture(ctx, args, 0, result)?;
    Ok(Value::Undefined)
}

/// `COMBINE PICTURES(resultingPict; pict1; operator; pict2 {; horOffset; vertOffset})`
/// (987): `pict2` to the right of, below or over `pict1`, moved by the
/// offsets; the result spans both from the origin (what an offset takes past
/// the origin is cut off). An empty picture adds nothing.
pub(crate) fn combine_pictures(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let first = picture_arg(args, 1)?;
    let operator = long(args, 2)?;
    let second = picture_arg(args, 3)?;
    let dx = if args.len() > 4 { args.number(4)?.round() as i64 } else { 0 };
    let dy = if args.len() > 5 { args.number(5)?.round() as i64 } else { 0 };
    let (w1, h1) = first.size();
    let (x, y) = match operator {
        combine::HORIZONTAL_CONCATENATION => (i64::from(w1) + dx, dy),
        combine::VERTICAL_CONCATENATION => (dx, i64::from(h1) + dy),
        combine::SUPERIMPOSITION => (dx, dy),
        other => {
            return Err(RuntimeError::new(
                codes::BAD_ARGUMENTS,
                format!(
                    "{other} is not an operator of COMBINE PICTURES (Horizontal concatenation, Vertical \
                     concatenation or Superimposition)"
                ),
            ));
        }
    };
    let result = if second.is_empty() {
        first
    } else if first.is_empty() {
        second
    } else {
        let (w2, h2) = second.size();
        let far = |origin: i64, own: u32, other: u32| {
            u32::try_from((origin + i64::from(own)).max(i64::from(other))).unwrap_or(u32::MAX)
        };
        let size = (far(x, w2, w1), far(y, h2, h1));
        compose(&[Layer::Picture(first, 0, 0), Layer::Picture(second, x, y)], size)?
    };
    put_picture(ctx, args, 0, result)?;
    Ok(Value::Undefined)
}

/// `PICTURE CODEC LIST(codecArray {; namesArray}{; *})` (992): the codecs
/// fourd writes; with `*`, those it reads too (SVG, which it reads and
/// keeps but writes only from an SVG picture).
pub(crate) fn picture_codec_list(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let mut codecs = picture::WRITERS.to_vec();
    if args.star {
        codecs.push(Codec::Svg);
    }
    let fill = |items: Vec<String>| {
        let mut array = Array::new(ArrayType::Text, 0);
        array.items.extend(items.into_iter().map(Value::text));
        Value::new_array(array)
    };
    let ids = fill(codecs.iter().map(|c| c.id().to_string()).collect());
    ctx.host.assign(&args.pointer(0)?, ids)?;
    if args.len() > 1 && !matches!(args.get(1), Value::Undefined) {
        let names = fill(codecs.iter().map(|c| c.name().to_string()).collect());
        ctx.host.assign(&args.pointer(1)?, names)?;
    }
    Ok(Value::Undefined)
}

/// `Is picture file(filePath {; *})` (1113): without `*`, whether the file is
/// there with the extension of a codec fourd reads; with `*`, whether its
/// bytes are a picture fourd reads (whatever its name).
pub(crate) fn is_picture_file(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let name = args.text(0)?;
    if name.is_empty() {
        return Ok(Value::Bool(false));
    }
    let path = system_path(&Roots::of(ctx)?, name);
    if !path.is_file() {
        return Ok(Value::Bool(false));
    }
    Ok(Value::Bool(if args.star {
        std::fs::read(&path).ok().and_then(Picture::decode).is_some()
    } else {
        codec_of_name(&path).is_some()
    }))
}

/// `CONVERT PICTURE(picture; codec {; compression})` (1002). A codec id no
/// codec has raises fourd's error -10551 and leaves the picture as it was.
pub(crate) fn convert_picture(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let picture = picture_var(ctx, args, 0)?;
    let id = args.text(1)?;
    let Some(codec) = Codec::from_id(id) else {
        return Err(RuntimeError::new(picture::UNKNOWN_CODEC, format!("no codec has the id \"{id}\"")));
    };
    let quality = if args.len() > 2 { Some(args.number(2)?) } else { None };
    let converted = picture.converted(&codec, quality)?;
    put_picture(ctx, args, 0, converted)?;
    Ok(Value::Undefined)
}

/// `Equal pictures(picture1; picture2; mask)` (1196). An empty picture is an
/// anomaly (documented): OK 0, False and an empty mask.
pub(crate) fn equal_pictures(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let a = picture_arg(args, 0)?;
    let b = picture_arg(args, 1)?;
    ctx.set_ok(false)?;
    if a.is_empty() || b.is_empty() {
        put_picture(ctx, args, 2, Picture::empty())?;
        return Ok(Value::Bool(false));
    }
    let (same, mask) = picture::equal(&a, &b)?;
    put_picture(ctx, args, 2, mask)?;
    ctx.set_ok(true)?;
    Ok(Value::Bool(same))
}
