// Arithmetic and comparisons on `$o.name` read the property where it lies
// when it holds a number; every other case gives what 4D gives, through the
// same places: other layouts, text, null, a computed property, a
// collection's length, a missing property, a division by zero.
var $o; $p : Object
var $v : Variant
var $all : Collection
var $total : Integer
var $r : Real
var $t : Text
$all:=New collection
$all.push(New object("x"; 1; "y"; 2))
$all.push(New object("y"; 20; "x"; 10))
$all.push(New object("x"; 100; "y"; 200; "z"; 0))
$p:=New object("x"; 5; "y"; 6)
OB REMOVE($p; "x")
$p.x:=1000
$all.push($p)
$total:=0
For each ($o; $all)
	$total:=$total+($o.x*2)+($o.y%7)
	If ($o.x>50)
		$total:=$total+1
	End if 
End for each 
LOG EVENT(Into system standard outputs; "total "+String($total)+"\n")
// Text properties: concatenation, not arithmetic.
$o:=New object("x"; "ab"; "y"; "cd")
$t:=$o.x+$o.y
LOG EVENT(Into system standard outputs; "text "+$t+"\n")
// An Integer stored into an object is a Real there.
$o:=New object("x"; 7)
$o.y:=$o.x*3
LOG EVENT(Into system standard outputs; "stored "+String($o.y)+" "+String(Value type($o.y))+"\n")
// A computed property of a class instance.
$o:=cs.Box.new(3; 4)
$r:=$o.area*2
LOG EVENT(Into system standard outputs; "area "+String($r)+"\n")
// A collection's length through a Variant.
$v:=New collection(1; 2; 3)
$r:=$v.length*10
LOG EVENT(Into system standard outputs; "length "+String($r)+"\n")
// A Boolean: no arithmetic on it.
$o:=New object("x"; True; "y"; 1)
Try
	$r:=$o.x+$o.y
	LOG EVENT(Into system standard outputs; "boolean "+String($r)+"\n")
Catch
	LOG EVENT(Into system standard outputs; "boolean refused: "+String(Last errors[0].errCode)+"\n")
End try
// A division by zero.
$o:=New object("x"; 9; "y"; 0)
Try
	$r:=$o.x%$o.y
	LOG EVENT(Into system standard outputs; "modulo "+String($r)+"\n")
Catch
	LOG EVENT(Into system standard outputs; "modulo by zero: "+String(Last errors[0].errCode)+"\n")
End try
