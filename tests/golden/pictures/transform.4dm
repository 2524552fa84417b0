// TRANSFORM PICTURE, COMBINE PICTURES, CREATE THUMBNAIL and Equal pictures.
var $p; $q; $r; $mask : Picture
var $equal : Boolean
$p:=Red_blue  // 4 × 2: red on the left half, blue on the right
// Scale, Translate, Reset: the matrix operations, undone by Reset.
$q:=$p
TRANSFORM PICTURE($q; Scale; 1.5; 3)
ALERT("Scale 1.5, 3: "+Size($q))
TRANSFORM PICTURE($q; Translate; 10; -2)
ALERT("Translate 10, -2: "+Size($q))
TRANSFORM PICTURE($q; Reset)
ALERT("Reset: "+Size($q)+", equal to the original: "+String(Equal pictures($q; $p; $mask)))
// Reducing to 1% then enlarging 100 times gives the original back (documented).
TRANSFORM PICTURE($q; Scale; 0.01; 0.01)
TRANSFORM PICTURE($q; Scale; 100; 100)
ALERT("1% then ×100: "+Size($q)+", equal: "+String(Equal pictures($q; $p; $mask)))
// Flip horizontally: blue on the left; twice: the original.
$q:=$p
TRANSFORM PICTURE($q; Flip horizontally)
ALERT("flipped: equal "+String(Equal pictures($q; $p; $mask))+", mask "+Size($mask))
$r:=$q
TRANSFORM PICTURE($r; Crop; 0; 0; 2; 2)
$q:=$p
TRANSFORM PICTURE($q; Crop; 2; 0; 2; 2)
ALERT("its left half is the original's right half: "+String(Equal pictures($r; $q; $mask)))
$q:=$p
TRANSFORM PICTURE($q; Flip horizontally)
TRANSFORM PICTURE($q; Flip horizontally)
ALERT("flipped twice: "+String(Equal pictures($q; $p; $mask)))
// Flip vertically of a picture whose rows are alike changes nothing.
$q:=$p
TRANSFORM PICTURE($q; Flip vertically)
ALERT("flipped vertically: "+String(Equal pictures($q; $p; $mask)))
// A flip forgets the moves made before (documented).
$q:=$p+5
TRANSFORM PICTURE($q; Flip vertically)
ALERT("moved then flipped: "+Size($q))
// Crop: a rectangle of the picture, clipped to it; Reset does not undo it.
$q:=$p
TRANSFORM PICTURE($q; Crop; 1; 0; 2; 5)
ALERT("Crop 1, 0, 2, 5: "+Size($q))
TRANSFORM PICTURE($q; Reset)
ALERT("after Reset: "+Size($q))
// Fade to grey scale, Transparency.
$q:=$p
TRANSFORM PICTURE($q; Fade to grey scale)
ALERT("grey: "+Size($q)+", equal to the colours: "+String(Equal pictures($q; $p; $mask)))
$r:=$q
TRANSFORM PICTURE($r; Fade to grey scale)
ALERT("grey twice is grey: "+String(Equal pictures($q; $r; $mask)))
$q:=$p
TRANSFORM PICTURE($q; Transparency; 0x00FF0000)
ALERT("red made transparent: "+Size($q)+", equal: "+String(Equal pictures($q; $p; $mask)))
$r:=$p
TRANSFORM PICTURE($r; Transparency)
ALERT("white made transparent (there is none): "+String(Equal pictures($r; $p; $mask)))
Try
	TRANSFORM PICTURE($q; 7)
Catch
	ALERT("unknown operator: "+String(Last errors[0].errCode))
End try
// COMBINE PICTURES: side by side, one above the other, one over the other.
var $g : Picture
$g:=Green  // 2 × 3
COMBINE PICTURES($r; $p; Horizontal concatenation; $g)
ALERT("horizontal: "+Size($r)+" = p+g: "+String(Equal pictures($r; $p+$g; $mask)))
COMBINE PICTURES($r; $p; Vertical concatenation; $g)
ALERT("vertical: "+Size($r)+" = p/g: "+String(Equal pictures($r; $p/$g; $mask)))
COMBINE PICTURES($r; $p; Superimposition; $g)
ALERT("superimposition: "+Size($r)+" = p&g: "+String(Equal pictures($r; $p & $g; $mask)))
COMBINE PICTURES($r; $p; Superimposition; $g; 3; 1)
ALERT("superimposition at 3, 1: "+Size($r))
COMBINE PICTURES($r; $p; Horizontal concatenation; $g; 2; 0)
ALERT("horizontal with an offset of 2: "+Size($r))
COMBINE PICTURES($r; $r; Vertical concatenation; $p)
ALERT("into one of its sources: "+Size($r))
Try
	COMBINE PICTURES($r; $p; 9; $g)
Catch
	ALERT("unknown operator: "+String(Last errors[0].errCode))
End try
// CREATE THUMBNAIL: 48 × 48 by default; the three modes.
CREATE THUMBNAIL($p; $r)
ALERT("default thumbnail: "+Size($r))
CREATE THUMBNAIL($p; $r; 8; 8; Scaled to fit)
$q:=$p
TRANSFORM PICTURE($q; Scale; 2; 4)
ALERT("Scaled to fit 8 × 8: "+Size($r)+", = rb scaled 2, 4: "+String(Equal pictures($r; $q; $mask)))
CREATE THUMBNAIL($p; $r; 8; 8; Scaled to fit proportional)
TRANSFORM PICTURE($r; Crop; 0; 0; 8; 4)
ALERT("proportional 8 × 8, its top half is rb*2: "+String(Equal pictures($r; $p*2; $mask)))
CREATE THUMBNAIL($p; $r; 8; 8; Scaled to fit prop centered)
TRANSFORM PICTURE($r; Crop; 0; 2; 8; 4)
ALERT("prop centered 8 × 8, its middle is rb*2: "+String(Equal pictures($r; $p*2; $mask)))
CREATE THUMBNAIL($p; $r; 8; 8; Scaled to fit prop centered)
TRANSFORM PICTURE($r; Crop; 0; 0; 8; 2)
// Its free space is white: made transparent, it is the blank space of a moved picture.
$q:=$p+8
TRANSFORM PICTURE($q; Crop; 0; 0; 8; 2)
ALERT("the free space is not transparent: "+String(Not(Equal pictures($r; $q; $mask))))
TRANSFORM PICTURE($r; Transparency; 0x00FFFFFF)
ALERT("white made transparent, it is: "+String(Equal pictures($r; $q; $mask)))
Try
	CREATE THUMBNAIL($p; $r; 8; 8; 1)
Catch
	ALERT("another mode: "+String(Last errors[0].errCode))
End try
// Equal pictures: different sizes give False and an empty mask; an empty picture sets OK to 0.
$equal:=Equal pictures($p; $g; $mask)
ALERT("different sizes: "+String($equal)+", mask size "+String(Picture size($mask))+", OK="+String(OK))
var $empty : Picture
$equal:=Equal pictures($p; $empty; $mask)
ALERT("an empty picture: "+String($equal)+", OK="+String(OK))
$equal:=Equal pictures($p; $p*1; $mask)
ALERT("the same: "+String($equal)+", OK="+String(OK)+", mask "+Size($mask))
