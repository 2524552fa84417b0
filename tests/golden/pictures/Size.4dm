#DECLARE($p : Picture) : Text
// "width×height" of a picture, as PICTURE PROPERTIES gives it.
var $w; $h : Real
PICTURE PROPERTIES($p; $w; $h)
return String($w)+"×"+String($h)
