// The picture operators (Concepts: Picture operators).
var $rb; $g; $r : Picture
var $equal : Boolean
$rb:=Red_blue  // 4 × 2
$g:=Green  // 2 × 3
// Two pictures: + side by side, / one above the other, & one over the other.
ALERT("rb+g: "+Size($rb+$g)+", g+rb: "+Size($g+$rb))
ALERT("rb/g: "+Size($rb/$g)+", g/rb: "+Size($g/$rb))
ALERT("rb&g: "+Size($rb & $g))
// The result of + holds both pictures, pixel for pixel.
var $left : Picture
$left:=$rb+$g
TRANSFORM PICTURE($left; Crop; 0; 0; 4; 2)
ALERT("left part of rb+g equals rb: "+String(Equal pictures($left; $rb; $r)))
// & draws the second picture over the first: its top-left 2 × 2 is green.
var $top : Picture
$top:=$rb & $g
TRANSFORM PICTURE($top; Crop; 0; 0; 2; 2)
var $g2 : Picture
$g2:=$g
TRANSFORM PICTURE($g2; Crop; 0; 0; 2; 2)
ALERT("top-left of rb&g is green: "+String(Equal pictures($top; $g2; $r)))
// | gives the mask of Equal pictures, or a blank picture for different sizes.
ALERT("rb|rb: "+Size($rb | $rb)+", rb|g: "+Size($rb | $g)+" size "+String(Picture size($rb | $g)))
// With a number: + and - move horizontally, / vertically, * resizes,
// *+ and *| scale the width or the height.
ALERT("rb+3: "+Size($rb+3)+", rb/5: "+Size($rb/5)+", rb-1: "+Size($rb-1))
ALERT("rb*2: "+Size($rb*2)+", rb*0.5: "+Size($rb*0.5))
ALERT("rb*+3: "+Size($rb*+3)+", rb*|2: "+Size($rb*|2)+", rb*+0.25: "+Size($rb*+0.25))
// Left to right, as every 4D operator.
ALERT("rb*2+1: "+Size($rb*2+1))
// Moving then scaling: the move is not scaled.
ALERT("(rb+2)*2: "+Size(($rb+2)*2))
// The compound operators apply to pictures too.
$r:=$rb
$r*=3
ALERT("*=3: "+Size($r))
$r+=$g
ALERT("+=g: "+Size($r))
// An empty picture adds nothing.
var $empty : Picture
ALERT("empty+rb: "+Size($empty+$rb)+", rb/empty: "+Size($rb/$empty)+", empty*2: "+Size($empty*2))
// Operators that pictures do not have.
Try
	$r:=$rb-$g
Catch
	ALERT("picture-picture: "+String(Last errors[0].errCode))
End try
Try
	$r:=$rb+"x"
Catch
	ALERT("picture+text: "+String(Last errors[0].errCode))
End try
var $n : Real
Try
	$n:=2*+3
Catch
	ALERT("number*+number: "+String(Last errors[0].errCode))
End try
Try
	$r:=$rb*-1
Catch
	ALERT("negative scale: "+String(Last errors[0].errCode))
End try
