// TEXT TO BLOB and BLOB to text in each text format (the documented bytes of "Café").
var $b : Blob
var $offset : Integer
TEXT TO BLOB("Café"; $b)
ALERT("default: "+Bytes($b))
TEXT TO BLOB("Café"; $b; Mac C string)
ALERT("Mac C string: "+Bytes($b))
TEXT TO BLOB("Café"; $b; Mac Pascal string)
ALERT("Mac Pascal string: "+Bytes($b))
TEXT TO BLOB("Café"; $b; Mac text with length)
ALERT("Mac text with length: "+Bytes($b))
TEXT TO BLOB("Café"; $b; Mac text without length)
ALERT("Mac text without length: "+Bytes($b))
TEXT TO BLOB("Café"; $b; UTF8 C string)
ALERT("UTF8 C string: "+Bytes($b))
TEXT TO BLOB("Café"; $b; UTF8 text with length)
ALERT("UTF8 text with length: "+Bytes($b))
TEXT TO BLOB("Café"; $b; UTF8 text without length)
ALERT("UTF8 text without length: "+Bytes($b))
TEXT TO BLOB(""; $b; UTF8 C string)
ALERT("empty C string: "+Bytes($b))
TEXT TO BLOB(""; $b; UTF8 text with length)
ALERT("empty with length: "+Bytes($b))
// Round trips, several texts one after the other.
SET BLOB SIZE($b; 0)
TEXT TO BLOB("Zoë"; $b; UTF8 C string; *)
TEXT TO BLOB("naïve"; $b; UTF8 text with length; *)
TEXT TO BLOB("Ünïcödé"; $b; Mac Pascal string; *)
TEXT TO BLOB("été"; $b; Mac text with length; *)
TEXT TO BLOB("€ and 😀"; $b; UTF8 text without length; *)
ALERT(String(BLOB size($b)))
$offset:=0
ALERT(BLOB to text($b; UTF8 C string; $offset)+" "+String($offset))
ALERT(BLOB to text($b; UTF8 text with length; $offset)+" "+String($offset))
ALERT(BLOB to text($b; Mac Pascal string; $offset)+" "+String($offset))
ALERT(BLOB to text($b; Mac text with length; $offset)+" "+String($offset))
// Without length: as many characters as asked (an emoji is two).
ALERT(BLOB to text($b; UTF8 text without length; $offset; 5)+" "+String($offset))
ALERT(BLOB to text($b; UTF8 text without length; $offset; 2)+" "+String($offset))
// The first text, at the start.
ALERT(BLOB to text($b; UTF8 C string))
// At an offset: the text is written there and the BLOB grows as needed.
SET BLOB SIZE($b; 0)
SET BLOB SIZE($b; 3; 0x2D)
$offset:=1
TEXT TO BLOB("ab"; $b; UTF8 text without length; $offset)
ALERT(Bytes($b)+" offset "+String($offset))
$offset:=5
TEXT TO BLOB("c"; $b; UTF8 text without length; $offset)
ALERT(Bytes($b)+" offset "+String($offset))
// Mac Roman has "€" (0xDB); a character it does not have becomes "?".
TEXT TO BLOB("a€b✓"; $b; Mac text without length)
ALERT(Bytes($b))
// A C string without its NUL ends at the end of the BLOB; a length past the end stops there.
TEXT TO BLOB("xyz"; $b; UTF8 text without length)
ALERT(BLOB to text($b; UTF8 C string))
TEXT TO BLOB("xyz"; $b; UTF8 text with length)
SET BLOB SIZE($b; 6)
ALERT(BLOB to text($b; UTF8 text with length))
// Without a length, a text without length is read to the end.
TEXT TO BLOB("the rest"; $b; UTF8 text without length)
$offset:=4
ALERT(BLOB to text($b; UTF8 text without length; $offset)+" "+String($offset))
