// CONVERT FROM TEXT and Convert to text: character sets by name (any case)
// or by MIBEnum number; OK tells whether the character set was known.
var $b : Blob
CONVERT FROM TEXT("Café"; "UTF-8"; $b)
ALERT(String(OK)+" UTF-8: "+Bytes($b))
CONVERT FROM TEXT("Café"; "ISO-8859-1"; $b)
ALERT(String(OK)+" ISO-8859-1: "+Bytes($b))
CONVERT FROM TEXT("Café"; "latin1"; $b)
ALERT("latin1: "+Bytes($b))
CONVERT FROM TEXT("Café"; 4; $b)
ALERT("4: "+Bytes($b))
CONVERT FROM TEXT("Café €"; "windows-1252"; $b)
ALERT("windows-1252: "+Bytes($b))
CONVERT FROM TEXT("Café €"; "iso-8859-1"; $b)
ALERT("ISO-8859-1 without €: "+Bytes($b))
CONVERT FROM TEXT("Café"; "MacRoman"; $b)
ALERT("MacRoman: "+Bytes($b))
CONVERT FROM TEXT("Café"; "US-ASCII"; $b)
ALERT("US-ASCII: "+Bytes($b))
CONVERT FROM TEXT("Ça"; "UTF-16BE"; $b)
ALERT("UTF-16BE: "+Bytes($b))
CONVERT FROM TEXT("Ça"; "UTF-16LE"; $b)
ALERT("UTF-16LE: "+Bytes($b))
CONVERT FROM TEXT("Ça"; "UTF-16"; $b)
ALERT("UTF-16: "+Bytes($b))
CONVERT FROM TEXT("é"; "UTF-32LE"; $b)
ALERT("UTF-32LE: "+Bytes($b))
CONVERT FROM TEXT("日本"; "Shift_JIS"; $b)
ALERT("Shift_JIS: "+Bytes($b))
CONVERT FROM TEXT("Привет"; "KOI8-R"; $b)
ALERT("KOI8-R: "+Bytes($b))
CONVERT FROM TEXT("Łódź"; "ISO-8859-2"; $b)
ALERT("ISO-8859-2: "+Bytes($b))
// Round trips of accented text.
var $charsets : Collection
var $charset : Variant
var $text : Text
$text:="Ångström, déjà vu, naïve, œuvre"
$charsets:=New collection("UTF-8"; "utf-16"; "UTF-16LE"; "UTF-32"; "UTF-32BE"; "windows-1252"; "x-mac-roman"; "ISO-8859-15"; 106)
For each ($charset; $charsets)
	CONVERT FROM TEXT($text; $charset; $b)
	ALERT(String($charset)+": "+String(BLOB size($b))+" bytes, "+String(Convert to text($b; $charset)=$text)+" "+String(OK))
End for each 
// A byte order mark is honoured, whatever Unicode character set is named.
CONVERT FROM TEXT("Ça"; "UTF-16"; $b)
ALERT(Convert to text($b; "UTF-16LE"))
ALERT(Convert to text($b; "UTF-8"))
TEXT TO BLOB("Ça"; $b; UTF8 text without length)
INSERT IN BLOB($b; 0; 3)
$b{0}:=0xEF
$b{1}:=0xBB
$b{2}:=0xBF
ALERT(String(Length(Convert to text($b; "UTF-8"))))
// Bytes that are not valid in the character set read as U+FFFD.
SET BLOB SIZE($b; 0)
SET BLOB SIZE($b; 2; 0xFF)
ALERT(String(Character code(Convert to text($b; "UTF-8")))+" "+String(OK))
// An unknown character set: OK is 0, the text is empty, the BLOB is left as it was.
ALERT("["+Convert to text($b; "klingon")+"] "+String(OK))
CONVERT FROM TEXT("x"; "klingon"; $b)
ALERT(String(OK)+" "+Bytes($b))
CONVERT FROM TEXT("x"; 99999; $b)
ALERT(String(OK)+" "+Bytes($b))
CONVERT FROM TEXT("x"; "utf-8"; $b)
ALERT(String(OK)+" "+Bytes($b))
