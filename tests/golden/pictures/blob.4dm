// BLOB TO PICTURE, PICTURE TO BLOB, CONVERT PICTURE, Picture size and
// PICTURE CODEC LIST.
var $b; $out : Blob
var $p; $q; $mask : Picture
BASE64 DECODE("iVBORw0KGgoAAAANSUhEUgAAAAQAAAACCAYAAAB/qH1jAAAAFElEQVR4nGP4z8DwH4Sh1H8GdAEABykP8fcOk50AAAAASUVORK5CYII="; $b)
BLOB TO PICTURE($b; $p)
ALERT("BLOB TO PICTURE: OK="+String(OK)+", "+Size($p)+", Picture size = BLOB size: "+String(Picture size($p)=BLOB size($b)))
// With the codec of the bytes, and with another codec fourd has: OK 0, empty picture.
BLOB TO PICTURE($b; $q; "image/png")
ALERT("with its codec: OK="+String(OK)+", "+Size($q))
BLOB TO PICTURE($b; $q; ".jpg")
ALERT("with another codec: OK="+String(OK)+", size "+String(Picture size($q)))
// Bytes that are no picture: OK 0 and an empty picture (documented).
var $text : Blob
TEXT TO BLOB("hello"; $text; UTF8 text without length)
$q:=$p
BLOB TO PICTURE($text; $q)
ALERT("no picture: OK="+String(OK)+", size "+String(Picture size($q)))
// An id no codec has: the picture wraps the BLOB, which PICTURE TO BLOB
// gives back with the same id (documented).
BLOB TO PICTURE($text; $q; "my.own")
ALERT("wrapped: OK="+String(OK)+", size "+String(Picture size($q))+", "+Size($q))
PICTURE TO BLOB($q; $out; "my.own")
ALERT("unwrapped: OK="+String(OK)+", "+BLOB to text($out; UTF8 text without length))
PICTURE TO BLOB($q; $out; ".png")
ALERT("wrapped bytes to .png: OK="+String(OK)+", BLOB size "+String(BLOB size($out)))
// PICTURE TO BLOB converts; the same codec gives the bytes as they are.
PICTURE TO BLOB($p; $out; ".png")
ALERT("to .png: OK="+String(OK)+", same bytes: "+String(BLOB size($out)=BLOB size($b)))
PICTURE TO BLOB($p; $out; ".bmp")
BLOB TO PICTURE($out; $q)
ALERT("to .bmp: OK="+String(OK)+", "+Size($q)+", equal: "+String(Equal pictures($p; $q; $mask)))
PICTURE TO BLOB($p; $out; ".gif")
BLOB TO PICTURE($out; $q; ".gif")
ALERT("to .gif: OK="+String(OK)+", equal: "+String(Equal pictures($p; $q; $mask)))
// An unknown codec, an empty picture: OK 0 and an empty BLOB (documented).
PICTURE TO BLOB($p; $out; ".webp")
ALERT("unknown codec: OK="+String(OK)+", BLOB size "+String(BLOB size($out)))
var $empty : Picture
PICTURE TO BLOB($empty; $out; ".png")
ALERT("empty picture: OK="+String(OK)+", BLOB size "+String(BLOB size($out)))
// CONVERT PICTURE: a new codec; the same codec leaves the picture as it is.
$q:=$p
CONVERT PICTURE($q; ".png")
ALERT("CONVERT to .png: same size "+String(Picture size($q)=Picture size($p)))
CONVERT PICTURE($q; ".jpg"; 0.6)
PICTURE TO BLOB($q; $out; ".jpg")
ALERT("CONVERT to .jpg: "+Size($q)+", now a JPEG (its bytes are its .jpg): "+String(BLOB size($out)=Picture size($q)))
$q:=$p*2
CONVERT PICTURE($q; ".bmp")
ALERT("CONVERT draws the transformations: "+Size($q))
TRANSFORM PICTURE($q; Reset)
ALERT("Reset changes nothing then: "+Size($q))
Try
	CONVERT PICTURE($q; ".webp")
Catch
	ALERT("CONVERT to an unknown codec: "+String(Last errors[0].errCode))
End try
// The codecs: those fourd writes; with *, those it reads too.
ARRAY TEXT($ids; 0)
ARRAY TEXT($names; 0)
PICTURE CODEC LIST($ids; $names)
ALERT("writers: "+String(Size of array($ids))+" "+$ids{1}+" "+$names{1}+" "+$ids{2}+" "+$names{2})
PICTURE CODEC LIST($ids; *)
ALERT("readers: "+String(Size of array($ids))+", last "+$ids{Size of array($ids)})
// Picture size of a picture that is no variable's.
ALERT("Picture size(Green): "+String(Picture size(Green)>0))
// VARIABLE TO BLOB keeps a picture.
VARIABLE TO BLOB($p; $out)
BLOB TO VARIABLE($out; $q)
ALERT("VARIABLE TO BLOB: "+Size($q)+", equal: "+String(Equal pictures($p; $q; $mask)))
