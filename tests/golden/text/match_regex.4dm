// Match regex(pattern; text): the whole text must match.
ALERT(String(Match regex(".*smith.*"; "John smith jr"))+" "+String(Match regex("smith"; "John smith jr"))+" "+String(Match regex("[0-9]+"; "2024")))
// With a start position the pattern is searched from there; with * it must match there.
ALERT(String(Match regex("a.b"; "---a-b---"; 1))+" "+String(Match regex("a.b"; "---a-b---"; 1; *))+" "+String(Match regex("a.b"; "---a-b---"; 4; *))+" "+String(Match regex("a.b"; "---a-b---"; 5)))
// ICU syntax: look-around, back references, case-insensitive flag, \d and \b.
ALERT(String(Match regex("foo(?=bar)"; "xfoobar"; 1))+" "+String(Match regex("(?<!x)foo"; "xfoo"; 1))+" "+String(Match regex("(\\w)\\1"; "hello"; 1))+" "+String(Match regex("(?i)HELLO"; "hello")))
ALERT(String(Match regex("\\bcat\\b"; "concat"; 1))+" "+String(Match regex("\\d{3}-\\d{4}"; "call 555-1234 now"; 1))+" "+String(Match regex(""; ""))+" "+String(Match regex("a"; "abc"; 99)))
// Positions count UTF-16 code units: é is one, the emoji two.
ALERT(String(Match regex("b"; "éb"; 2; *))+" "+String(Match regex("x"; "😀x"; 3; *))+" "+String(Match regex("x"; "😀x"; 2; *)))
// Where the occurrence is: its position (from 1) and length in variables.
var $pos; $len : Integer
var $start : Integer:=1
var $tags : Text:="a <b> c <i>"
var $found : Boolean
Repeat
	$found:=Match regex("<.>"; $tags; $start; $pos; $len)
	If ($found)
		ALERT(Substring($tags; $pos; $len)+" at "+String($pos)+", "+String($len))
		$start:=$pos+$len
	End if
Until (Not($found))
// In arrays: the occurrence in element 0, then each group; a group that
// took no part has 0 and 0.
ARRAY LONGINT($positions; 0)
ARRAY LONGINT($lengths; 0)
ALERT(String(Match regex("(\\w+)@(\\w+)(x)?"; "mail: ann@home now"; 1; $positions; $lengths)))
ALERT(String(Size of array($positions))+": "+String($positions{0})+"/"+String($lengths{0})+" "+String($positions{1})+"/"+String($lengths{1})+" "+String($positions{2})+"/"+String($lengths{2})+" "+String($positions{3})+"/"+String($lengths{3}))
// `*`: only at the start position (the documented example).
ALERT(String(Match regex("a.b"; "---a-b---"; 1; $pos; $len))+" "+String(Match regex("a.b"; "---a-b---"; 1; $pos; $len; *))+" "+String(Match regex("a.b"; "---a-b---"; 4; $pos; $len; *)))
// Positions count UTF-16 units, as 4D's texts do: 😀 is two.
$found:=Match regex("b+"; "😀abbc"; 1; $pos; $len)
ALERT(String($pos)+" "+String($len))
