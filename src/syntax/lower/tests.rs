//! Unit tests of the literal readers (dates, times and text escapes), and of
//! parsing a file's lines on several threads.

use super::expr::{parse_date, parse_time, unescape};

#[test]
fn dates() {
    assert_eq!(parse_date("2024-02-29"), Ok((2024, 2, 29)));
    assert_eq!(parse_date("00-00-00"), Ok((0, 0, 0)));
    assert_eq!(parse_date("12/04/98"), Ok((1998, 12, 4)));
    assert_eq!(parse_date("01/02/05"), Ok((2005, 1, 2)));
    assert!(parse_date("2023-02-29").is_err());
    assert!(parse_date("2024-13-01").is_err());
}

#[test]
fn times() {
    assert_eq!(parse_time("12:30:00"), Ok(45000));
    assert_eq!(parse_time("-01:02:03"), Ok(-3723));
    assert_eq!(parse_time("8:05"), Ok(29100));
    assert!(parse_time("10:60:00").is_err());
}

#[test]
fn escapes() {
    assert_eq!(unescape(r#""a\nb\T\\\"\q""#), "a\nb\t\\\"\\q");
}

/// Parsed on several threads, in chunks, a file gives the same method and
/// the same diagnostics, in the same order, as parsed line after line: here
/// blocks that span chunks, syntax errors, SQL and a stray `End if`.
#[test]
fn lines_on_several_threads_give_the_same_method() {
    use crate::diag::SourceId;
    use crate::syntax::lines::split;
    let piece = "If ($i>0)\n\tFor ($i; 1; 3)\n\t\t$o:={a: $i; b: [1; 2; \"x\"]}\n\t\t$t:=(1+\n\tEnd for\nEnd if\n\
                 Begin SQL\n\tSELECT 1\nEnd SQL\nCase of\n\t: ($i=1)\n\t\tALERT(\"one\")\nEnd case\n";
    let mut text = piece.repeat(super::CHUNK_LINES / 7 + 3);
    text.push_str("End if\n$x:=1\n");
    let source = SourceId(0);
    let one = super::build_on(source, &text, split(source, &text), 1);
    let three = super::build_on(source, &text, split(source, &text), 3);
    assert!(one.1.len() > 2, "the text has errors");
    assert_eq!(format!("{:?}", one.0), format!("{:?}", three.0));
    assert_eq!(format!("{:?}", one.1), format!("{:?}", three.1));
}
