//! Unit tests of the REPL core: when an entry is complete, and what a session shows.

use super::incomplete;

#[test]
fn sessions_lists_the_standalone_session_and_its_process() {
    let mut run = crate::eval::Run::for_folder(std::path::Path::new("no such folder"), std::path::Path::new(""));
    let out = super::transcript(&mut run, ":sessions\nSession.id");
    let lines: Vec<&str> = out.lines().collect();
    // `4D> :sessions`, the session, `4D> Session.id`, the id in quotes.
    assert_eq!(lines.len(), 4, "{out}");
    let (id, rest) = lines[1].split_at(32);
    assert!(id.chars().all(|c| c.is_ascii_digit() || ('A'..='F').contains(&c)), "{out}");
    assert_eq!(rest, " standalone designer: 1 Main process");
    assert_eq!(lines[3], format!("\"{id}\""));
}

#[test]
fn complete_entries() {
    for text in [
        "1+2",
        "$x:=1",
        "If (True)\nALERT(\"x\")\nEnd if",
        "For ($i; 1; 3)\nEnd for",
        "For each ($x; $c)\nEnd for each",
        "Repeat\n$i:=$i+1\nUntil ($i>3)",
        "Case of\n: (True)\nEnd case",
        "Use ($s)\n$s.x:=1\nEnd use",
        "Try\nthrow(1)\nCatch\nEnd try",
        "$x:=Try(1/0)",
        "USE SET(\"x\")",
        "$t:=\"If (\"",
        "// If (True)",
        "/* If */ $x:=1",
        "Begin SQL\nSELECT * FROM t\nEnd SQL",
        "$x:=\"a\\\"b\"",
    ] {
        assert!(!incomplete(text), "{text:?} is complete");
    }
}

#[test]
fn lines_inside_brackets_go_on() {
    assert_eq!(super::joined("$c:=New collection(\n1; 2)"), "$c:=New collection( \\\n1; 2)");
    assert_eq!(super::joined("$c:=f(1; // one\n2)"), "$c:=f(1; \\\n2)");
    assert_eq!(super::joined("$c:=f(1; \\\n2)"), "$c:=f(1; \\\n2)");
    assert_eq!(super::joined("$t:=\"(\"\n"), "$t:=\"(\"\n");
}

#[test]
fn incomplete_entries() {
    for text in [
        "If (True)",
        "If (True)\nFor ($i; 1; 2)\nEnd for",
        "While (True)",
        "Repeat",
        "Case of",
        "Use ($s)",
        "Try",
        "For each ($x; $c)\n",
        "$x:=(1+",
        "$c:=[1; 2",
        "$t:=\"abc",
        "$x:=1+\\",
        "/* a comment",
        "Begin SQL\nSELECT 1",
        "// goes on \\",
    ] {
        assert!(incomplete(text), "{text:?} is incomplete");
    }
}
