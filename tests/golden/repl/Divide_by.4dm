#DECLARE($d : Real)
var $x : Real
$x:=1\$d
