// Errors of the BLOB commands, caught: each line shows the error code and
// what the BLOB holds after it (a failed command leaves it as it was).
var $b : Blob
var $t : Text
var $offset : Integer
TEXT TO BLOB("abc"; $b; UTF8 text without length)
// Reading past the end: -111 (documented for BLOB to integer).
Try
	$t:=String(BLOB to longint($b; PC byte ordering))
Catch
	ALERT("longint past the end: "+String(Last errors[0].errCode)+" "+Bytes($b))
End try
$offset:=2
Try
	$t:=String(BLOB to integer($b; PC byte ordering; $offset))
Catch
	ALERT("integer at 2 of 3: "+String(Last errors[0].errCode)+" offset "+String($offset))
End try
$offset:=4
Try
	$t:=BLOB to text($b; UTF8 C string; $offset)
Catch
	ALERT("offset past the end: "+String(Last errors[0].errCode))
End try
$offset:=-1
Try
	TEXT TO BLOB("x"; $b; UTF8 C string; $offset)
Catch
	ALERT("negative offset: "+String(Last errors[0].errCode)+" "+Bytes($b))
End try
Try
	DELETE FROM BLOB($b; 4; 1)
Catch
	ALERT("delete past the end: "+String(Last errors[0].errCode)+" "+Bytes($b))
End try
Try
	INSERT IN BLOB($b; 5; 1)
Catch
	ALERT("insert past the end: "+String(Last errors[0].errCode)+" "+Bytes($b))
End try
Try
	COPY BLOB($b; $b; 2; 0; 2)
Catch
	ALERT("copy past the end: "+String(Last errors[0].errCode)+" "+Bytes($b))
End try
Try
	$b{3}:=1
Catch
	ALERT("byte 3 of 3: "+String(Last errors[0].errCode)+" "+Bytes($b))
End try
Try
	$t:=String($b{-1})
Catch
	ALERT("byte -1: "+String(Last errors[0].errCode))
End try
Try
	SET BLOB SIZE($b; -1)
Catch
	ALERT("negative size: "+String(Last errors[0].errCode)+" "+Bytes($b))
End try
Try
	SET BLOB SIZE($b; 3e9)
Catch
	ALERT("size past 2 GB: "+String(Last errors[0].errCode)+" "+Bytes($b))
End try
// Wrong argument types and values.
Try
	$t:=String(BLOB size($t))
Catch
	ALERT("BLOB size of a text: "+String(Last errors[0].errCode))
End try
Try
	SET BLOB SIZE($t; 2)
Catch
	ALERT("SET BLOB SIZE of a text: "+String(Last errors[0].errCode)+" ["+$t+"]")
End try
Try
	INTEGER TO BLOB(1; $b; 7)
Catch
	ALERT("byte order 7: "+String(Last errors[0].errCode)+" "+Bytes($b))
End try
Try
	TEXT TO BLOB("x"; $b; 9)
Catch
	ALERT("text format 9: "+String(Last errors[0].errCode))
End try
Try
	$t:=String(BLOB to real($b; 4))
Catch
	ALERT("real format 4: "+String(Last errors[0].errCode))
End try
Try
	$b{0}:="x"
Catch
	ALERT("a text into a byte: "+String(Last errors[0].errCode)+" "+Bytes($b))
End try
// A 4D.Blob cannot be changed (documented).
var $boxed : 4D.Blob
$boxed:=4D.Blob.new($b)
Try
	SET BLOB SIZE($boxed; 0)
Catch
	ALERT("SET BLOB SIZE of a 4D.Blob: "+String(Last errors[0].errCode)+" "+String($boxed.size))
End try
// Operators do not apply to BLOBs (documented).
Try
	$t:=String($b=$b)
Catch
	ALERT("BLOB = BLOB: "+String(Last errors[0].errCode))
End try
Try
	$t:=String($b+$b)
Catch
	ALERT("BLOB + BLOB: "+String(Last errors[0].errCode))
End try
// Assigning another type to a Blob variable.
Try
	$b:="text"
Catch
	ALERT("a text into a Blob: "+String(Last errors[0].errCode)+" "+Bytes($b))
End try
// Digests.
Try
	$t:=Generate digest($b; 9)
Catch
	ALERT("digest 9: "+String(Last errors[0].errCode))
End try
Try
	$t:=Generate digest(12; MD5 digest)
Catch
	ALERT("digest of a number: "+String(Last errors[0].errCode))
End try
// Base64 of a value that is no variable needs a second argument.
Try
	BASE64 ENCODE("abc")
Catch
	ALERT("BASE64 ENCODE of a literal alone: "+String(Last errors[0].errCode))
End try
// A character set 4D lists that fourd cannot convert, and a charset of the wrong type.
Try
	CONVERT FROM TEXT("x"; "x-mac-greek"; $b)
Catch
	ALERT("x-mac-greek: "+String(Last errors[0].errCode)+" "+Bytes($b))
End try
Try
	$t:=Convert to text($b; True)
Catch
	ALERT("charset True: "+String(Last errors[0].errCode))
End try
