// READ PICTURE FILE, WRITE PICTURE FILE and Is picture file, in a folder the
// case makes and removes.
var $dir; $name : Text
var $p; $q; $r : Picture
gTmp:="tmp_files_"+Generate UUID
$dir:=gTmp+Folder separator
CREATE FOLDER($dir)
$p:=Red_blue
// Written in the codec of the extension; OK and Document set.
WRITE PICTURE FILE($dir+"rb.png"; $p)
Say("WRITE .png: OK="+String(OK)+", Document ends with "+Path to object(Document).name+Path to object(Document).extension)
READ PICTURE FILE($dir+"rb.png"; $q)
Say("READ: OK="+String(OK)+", "+Size($q)+", equal: "+String(Equal pictures($p; $q; $r))+", Document: "+Path to object(Document).name)
// The same codec and no transformation: the bytes are written as they are.
ALERT("written as is: "+String(Get document size($dir+"rb.png")=Picture size($p)))
// The codec argument wins over the extension.
WRITE PICTURE FILE($dir+"rb.data"; $p; ".bmp")
READ PICTURE FILE($dir+"rb.data"; $q)
ALERT("codec argument: OK="+String(OK)+", "+Size($q)+", equal: "+String(Equal pictures($p; $q; $r)))
// A transformed picture is drawn, then encoded: JPEG, GIF, TIFF.
WRITE PICTURE FILE($dir+"big.jpg"; $p*10)
READ PICTURE FILE($dir+"big.jpg"; $q)
ALERT("jpeg of rb*10: OK="+String(OK)+", "+Size($q))
WRITE PICTURE FILE($dir+"rb.gif"; $p)
READ PICTURE FILE($dir+"rb.gif"; $q)
ALERT("gif: "+Size($q)+", equal: "+String(Equal pictures($p; $q; $r)))
WRITE PICTURE FILE($dir+"rb.tif"; $p; "image/tiff")
READ PICTURE FILE($dir+"rb.tif"; $q)
ALERT("tiff: "+Size($q)+", equal: "+String(Equal pictures($p; $q; $r)))
// An extension of no codec: nothing written, OK 0 (documented).
WRITE PICTURE FILE($dir+"rb.xyz"; $p)
ALERT("unknown extension: OK="+String(OK)+", written: "+String(Test path name($dir+"rb.xyz")=Is a document))
WRITE PICTURE FILE($dir+"rb2.png"; $p; ".webp")
ALERT("unknown codec: OK="+String(OK)+", written: "+String(Test path name($dir+"rb2.png")=Is a document))
// An empty name would show a dialog, which fourd has not: OK 0.
WRITE PICTURE FILE(""; $p)
ALERT("empty name, WRITE: OK="+String(OK))
$q:=Green
READ PICTURE FILE(""; $q)
ALERT("empty name, READ: OK="+String(OK)+", picture unchanged: "+Size($q))
// A file that holds no picture: OK 0 and an empty picture; with *, its bytes are kept.
TEXT TO DOCUMENT($dir+"note.txt"; "no picture here")
READ PICTURE FILE($dir+"note.txt"; $q)
ALERT("text file: OK="+String(OK)+", size "+String(Picture size($q)))
READ PICTURE FILE($dir+"note.txt"; $q; *)
ALERT("text file with *: OK="+String(OK)+", size "+String(Picture size($q))+", "+Size($q))
var $b : Blob
PICTURE TO BLOB($q; $b; ".txt")
ALERT("its bytes back under .txt: OK="+String(OK)+", "+BLOB to text($b; UTF8 text without length))
// Is picture file: by the extension, or with * by the content.
ALERT("Is picture file: rb.png "+String(Is picture file($dir+"rb.png"))+", rb.data "+String(Is picture file($dir+"rb.data"))+", rb.data * "+String(Is picture file($dir+"rb.data"; *)))
ALERT("note.txt * "+String(Is picture file($dir+"note.txt"; *))+", missing.png "+String(Is picture file($dir+"missing.png"))+", empty "+String(Is picture file("")))
// A file that is not there: the file manager's error -43, OK 0.
Try
	READ PICTURE FILE($dir+"missing.png"; $q)
Catch
	ALERT("missing file: "+String(Last errors[0].errCode)+", OK="+String(OK))
End try
DELETE FOLDER($dir; Delete with contents)
