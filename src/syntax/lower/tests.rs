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

/// Every line of the golden tests that the fast reader reads gives the
/// grammar's item (the check `parse_line` makes in debug builds), and the
/// fast reader reads most of them: it is not silently bypassed. With
/// `FOURD_CORPUS` set to a folder, its method files are compared too.
#[test]
fn the_fast_reader_agrees_with_the_grammar_on_the_golden_tests() {
    use crate::diag::SourceId;
    use crate::syntax::lines::{LineKind, split};
    fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                files(&path, out);
            } else if path.extension().is_some_and(|e| e == "4dm") {
                out.push(path);
            }
        }
    }
    let mut paths = Vec::new();
    files(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden"), &mut paths);
    // More code to compare on: `FOURD_CORPUS=folder cargo test fast_reader -- --nocapture`.
    if let Some(corpus) = std::env::var_os("FOURD_CORPUS") {
        files(std::path::Path::new(&corpus), &mut paths);
    }
    let (mut lines, mut fast) = (0, 0);
    for path in paths {
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        let source = SourceId(0);
        let lexed = split(source, &text);
        for line in lexed.lines() {
            if line.kind == LineKind::Sql || line.text.trim().is_empty() {
                continue;
            }
            lines += 1;
            if let Some(item) = super::fast::read_line(source, line.start, line.text) {
                fast += 1;
                super::same_as_grammar(source, &line, &item);
            }
        }
    }
    assert!(lines > 3000, "{lines} lines");
    assert!(fast * 10 > lines * 6, "the fast reader read {fast} of {lines} lines");
}

/// Lines at the edges of what the fast reader reads: each is read by it
/// (and agrees with the grammar), or left to the grammar, as listed.
#[test]
fn the_fast_reader_reads_or_leaves_each_line_as_listed() {
    use crate::diag::SourceId;
    use crate::syntax::lines::split;
    let read = [
        "ALERT (\"x\")",
        "$a:=$b .c",
        "$t:=$s[[2]]",
        "$t:=$s[ [2] ]",
        "$x:=$a{3}+$p->+$q->name",
        "$x:=-->$a",
        "$x:=$a<<2",
        "$x:=$a ?+ 3",
        "$x:=New object:C1471(\"a\"; 1)",
        "$x:=Is text:K8:3",
        "$x:=Current process",
        "$x:=1.",
        "$x:=2.5e-3",
        "$o:={\"a b\": 1; c: {}; d: []}",
        "f($a:=1; $b.c+=2)",
        "var $a, $b : cs.Person",
        "var $n : Integer:=5",
        "For ($i; 1; 10; 2)",
        "End for each",
        "End   if",
        "Case of",
        ": ($x=1)",
        "return",
        "return $x+1;",
        "$x:=\"a\\\"b\\\\\"",
        "vN:=1",
        "#DECLARE($a : Integer; $b) -> $r : Text",
        "#DECLARE",
        "#DECLARE()",
        "#declare ($x ; $y : cs.A ) : Text",
        "#DECLARE($b )->$r ",
    ];
    let leave = [
        "If",
        "Else if",
        "$x:=$a ? 1 : 2",
        "$x:=[Table]Field",
        "$x:=0x1F",
        "$x:=1abc",
        "$x:=a  b",
        "$x:=<>v",
        "$x:=1<<>2",
        "$x:=${1}",
        "$x:=!2024-01-01!",
        "$x:=?10:00:00?",
        "$x:=Try(1)",
        "$x:=f(*)",
        "$x:=\u{e9}t\u{e9}",
        "$x:=a:Z1",
        "For each ($v; $c)",
        "Use ($o)",
        "Function f",
        "var $a; $b:=1",
        "(1+2):=3",
        "f():=3",
        "$x:=$a.",
        "$x:=1e",
        "End",
        "#DECLARE(...)",
        "#DECLARE($a : Integer; ... : Text)",
        "#DECLAREX",
    ];
    let source = SourceId(0);
    for (text, expect_read) in read.iter().map(|t| (t, true)).chain(leave.iter().map(|t| (t, false))) {
        let lexed = split(source, text);
        let line = lexed.lines().next().expect("one line");
        let item = super::fast::read_line(source, line.start, line.text);
        assert_eq!(item.is_some(), expect_read, "{text:?}");
        if let Some(item) = item {
            super::same_as_grammar(source, &line, &item);
        }
    }
}

/// The syntax tree of a very large file must fit in memory (the 50 MB
/// benchmark, `benches/check_scaling.sh`): its nodes stay small.
#[test]
fn syntax_nodes_stay_small() {
    use crate::syntax::ast::{Expr, Stmt};
    assert_eq!(std::mem::size_of::<Expr>(), 56);
    assert_eq!(std::mem::size_of::<Stmt>(), 136);
}

/// The prepass reader keeps only the statements that may name process
/// variables, read alone, and gives up on a file with a bad line it reads.
#[test]
fn statements_naming_variables_are_read_alone() {
    use crate::diag::SourceId;
    use crate::syntax::ast::StmtKind;
    let text = "$a:=1\nIf (vY=1)\n\tvX:=2\nEnd if\nFor (vI; 1; 2)\nEnd for\nC_LONGINT(vZ)\n: (True)\nvar $b : Text\n";
    let stmts = crate::syntax::statements_naming_variables(SourceId(0), text).unwrap_or_default();
    let kinds: Vec<&str> = stmts
        .iter()
        .map(|s| match &s.kind {
            StmtKind::Assign { .. } => "assign",
            StmtKind::For { .. } => "for",
            StmtKind::Expr(_) => "call",
            StmtKind::Var(_) => "var",
            _ => "other",
        })
        .collect();
    assert_eq!(kinds, ["assign", "for", "call", "var"]);
    assert!(crate::syntax::statements_naming_variables(SourceId(0), "vX:=(1\n").is_none());
    assert!(crate::syntax::statements_naming_variables(SourceId(0), "$t:=\"open\n").is_none());
}
