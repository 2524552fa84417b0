#DECLARE() : Picture
// A 2 × 3 PNG, all green (decoded from Base64).
var $b : Blob
var $p : Picture
BASE64 DECODE("iVBORw0KGgoAAAANSUhEUgAAAAIAAAADCAYAAAC56t6BAAAADklEQVR4nGNg+A+FGAwAm38L9SgUsAQAAAAASUVORK5CYII="; $b)
BLOB TO PICTURE($b; $p)
return $p
