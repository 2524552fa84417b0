// Match regex(pattern; text): the whole text must match.
ALERT(String(Match regex(".*smith.*"; "John smith jr"))+" "+String(Match regex("smith"; "John smith jr"))+" "+String(Match regex("[0-9]+"; "2024")))
// With a start position the pattern is searched from there; with * it must match there.
ALERT(String(Match regex("a.b"; "---a-b---"; 1))+" "+String(Match regex("a.b"; "---a-b---"; 1; *))+" "+String(Match regex("a.b"; "---a-b---"; 4; *))+" "+String(Match regex("a.b"; "---a-b---"; 5)))
// ICU syntax: look-around, back references, case-insensitive flag, \d and \b.
ALERT(String(Match regex("foo(?=bar)"; "xfoobar"; 1))+" "+String(Match regex("(?<!x)foo"; "xfoo"; 1))+" "+String(Match regex("(\\w)\\1"; "hello"; 1))+" "+String(Match regex("(?i)HELLO"; "hello")))
ALERT(String(Match regex("\\bcat\\b"; "concat"; 1))+" "+String(Match regex("\\d{3}-\\d{4}"; "call 555-1234 now"; 1))+" "+String(Match regex(""; ""))+" "+String(Match regex("a"; "abc"; 99)))
// Positions count UTF-16 code units: é is one, the emoji two.
ALERT(String(Match regex("b"; "éb"; 2; *))+" "+String(Match regex("x"; "😀x"; 3; *))+" "+String(Match regex("x"; "😀x"; 2; *)))
