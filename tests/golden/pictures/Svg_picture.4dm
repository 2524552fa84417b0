#DECLARE($text : Text) : Picture
// An SVG text as a picture.
var $b : Blob
var $p : Picture
TEXT TO BLOB($text; $b; UTF8 text without length)
BLOB TO PICTURE($b; $p; ".svg")
return $p
