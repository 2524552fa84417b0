#DECLARE() : Picture
// A 4 × 2 PNG: two red columns, then two blue ones (decoded from Base64).
var $b : Blob
var $p : Picture
BASE64 DECODE("iVBORw0KGgoAAAANSUhEUgAAAAQAAAACCAYAAAB/qH1jAAAAFElEQVR4nGP4z8DwH4Sh1H8GdAEABykP8fcOk50AAAAASUVORK5CYII="; $b)
BLOB TO PICTURE($b; $p)
return $p
