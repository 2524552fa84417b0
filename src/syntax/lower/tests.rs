//! Unit tests of the literal readers: dates, times and text escapes.

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
