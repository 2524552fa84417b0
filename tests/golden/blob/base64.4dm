// BASE64 ENCODE and BASE64 DECODE: texts (their UTF-8) and BLOBs, in place
// or into a second variable, Base64 or Base64URL (*).
var $t; $encoded; $decoded : Text
var $b; $bEncoded; $bDecoded : Blob
BASE64 ENCODE("Hello"; $encoded)
ALERT($encoded)
BASE64 ENCODE("Café"; $encoded)
ALERT($encoded)
BASE64 ENCODE(""; $encoded)
ALERT("["+$encoded+"]")
BASE64 DECODE("Q2Fmw6k="; $decoded)
ALERT($decoded)
// In place: the variable receives the result.
$t:="fourd"
BASE64 ENCODE($t)
ALERT($t)
BASE64 DECODE($t)
ALERT($t)
// BLOBs: 0xFB 0xFF shows the characters in which Base64URL differs.
SET BLOB SIZE($b; 2; 0xFF)
$b{0}:=0xFB
BASE64 ENCODE($b; $encoded)
ALERT($encoded)
BASE64 ENCODE($b; $encoded; *)
ALERT($encoded)
BASE64 DECODE("-_8"; $bDecoded; *)
ALERT(Bytes($bDecoded))
BASE64 DECODE("+/8="; $bDecoded)
ALERT(Bytes($bDecoded))
// Padding may be left out, and line breaks are ignored.
BASE64 DECODE("SGVsbG8"; $decoded)
ALERT($decoded)
BASE64 DECODE("SGVs\r\nbG8="; $decoded)
ALERT($decoded)
// A BLOB encoded into a BLOB, in place and into another.
TEXT TO BLOB("abc"; $b; UTF8 text without length)
BASE64 ENCODE($b; $bEncoded)
ALERT(BLOB to text($bEncoded; UTF8 text without length))
BASE64 ENCODE($b)
ALERT(BLOB to text($b; UTF8 text without length))
BASE64 DECODE($b)
ALERT(BLOB to text($b; UTF8 text without length))
// Every byte value round-trips.
var $i : Integer
SET BLOB SIZE($b; 256)
For ($i; 0; 255)
	$b{$i}:=$i
End for 
BASE64 ENCODE($b; $encoded; *)
BASE64 DECODE($encoded; $bDecoded; *)
ALERT(String(BLOB size($bDecoded))+" "+String(Generate digest($b; MD5 digest)=Generate digest($bDecoded; MD5 digest)))
// Invalid content gives an empty result (documented).
$decoded:="unchanged"
BASE64 DECODE("not base64!"; $decoded)
ALERT("["+$decoded+"]")
BASE64 DECODE("-_8"; $decoded)
ALERT("["+$decoded+"]")
