//! Unit tests of pictures: codec ids, SVG sizes, the matrix, a PNG round trip.

use super::*;

#[test]
fn codec_ids_are_extensions_or_mime_types() {
    assert_eq!(Codec::from_id(".PNG"), Some(Codec::Png));
    assert_eq!(Codec::from_id("image/jpeg"), Some(Codec::Jpeg));
    assert_eq!(Codec::from_id(".jpeg"), Some(Codec::Jpeg));
    assert_eq!(Codec::from_id("tiff"), Some(Codec::Tiff));
    assert_eq!(Codec::from_id(".webp"), None);
}

#[test]
fn svg_sizes_come_from_the_root() {
    let size = |text: &str| svg::size_of(text.as_bytes());
    assert_eq!(size("<svg width=\"20\" height=\"10px\"/>"), Some((20, 10)));
    assert_eq!(size("<?xml version=\"1.0\"?>\n<!-- c --><svg viewBox=\"0 0 40 30\"></svg>"), Some((40, 30)));
    assert_eq!(size("<svg width=\"80\" viewBox=\"0,0,40,30\"/>"), Some((80, 60)));
    assert_eq!(size("<svg width=\"1in\" height=\"72pt\"/>"), Some((96, 96)));
    assert_eq!(size("<svg/>"), Some((300, 150)));
    assert_eq!(size("<html/>"), None);
    assert_eq!(size("not xml"), None);
}

#[test]
fn transformations_keep_the_bytes_and_reset_undoes_them() {
    let p = Picture::svg("<svg width=\"10\" height=\"4\"/>".to_string());
    let q = p.scaled(2.0, 0.5).and_then(|q| q.moved(3.0, 0.0)).unwrap_or_default();
    assert_eq!(q.size(), (23, 2));
    assert_eq!(q.byte_size(), p.byte_size());
    assert_eq!(q.reset(), p);
    assert_eq!(q.flipped(true).map(|f| f.size()).ok(), Some((20, 2)));
}

#[test]
fn a_png_round_trips() {
    let pixels = image::RgbaImage::from_pixel(3, 2, image::Rgba([255, 0, 0, 255]));
    let bytes = render::encode(&pixels, &Codec::Png, None).unwrap_or_default();
    let p = Picture::decode(bytes).unwrap_or_default();
    assert_eq!(p.codec(), Some(&Codec::Png));
    assert_eq!(p.size(), (3, 2));
    assert!(Picture::decode(b"hello".to_vec()).is_none());
}
