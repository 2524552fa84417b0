#DECLARE($x : Integer; $y : Real) : Integer
// An Integer parameter keeps the whole part of a Real argument, an Integer
// local the whole part of what it is given, and the Integer result too.
var $half : Integer
var $third : Real
$half:=$x/2
$third:=$y/3
return ($half*10)+$third+0.75
