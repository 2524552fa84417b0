// Arithmetic on locals and numbers, evaluated left to right; the same
// expressions give the same values whatever the locals hold, and an operand
// that is not a number takes the general operators (or their errors).
var $i; $k; $total : Integer
var $r : Real
var $v : Variant
var $t : Text
var $d : Date
var $b : Boolean

$i:=17
$k:=$i%5
$total:=$total+(($k*$k)%7)+$i
LOG EVENT(Into system standard outputs; "integers: "+String($k)+" "+String($total)+"\n")
// 4D has no precedence: 2+3*4 is 20.
$r:=2+3*4
LOG EVENT(Into system standard outputs; "left to right: "+String($r)+"\n")
// An Integer local keeps the whole part of a Real result.
$k:=7/2
$r:=7/2
$v:=7/2
LOG EVENT(Into system standard outputs; "7/2: "+String($k)+" "+String($r)+" "+String($v)+" "+String(Value type($v)=Is real)+"\n")
$k:=-7/2
LOG EVENT(Into system standard outputs; "-7/2 into an Integer: "+String($k)+"\n")
// A comparison at the end gives a Boolean.
$b:=$i*2>30
LOG EVENT(Into system standard outputs; "comparison: "+String($b)+" "+String(($i-17)=0)+" "+String($i+0.0000001=$i)+"\n")
// Count parameters is a number like the others.
LOG EVENT(Into system standard outputs; "Count parameters: "+String(Numeric_params(5; 2))+" "+String(Numeric_params(5))+"\n")
// Operands of other types: the general operators.
$t:="ab"
$v:=$t+"c"
LOG EVENT(Into system standard outputs; "text: "+$v+"\n")
$d:=!2024-02-28!
$v:=$d+1
LOG EVENT(Into system standard outputs; "date: "+String($v; ISO date)+"\n")
$v:="x"
$v:=$v+$v
LOG EVENT(Into system standard outputs; "variant holding text: "+$v+"\n")
$v:=3
$v:=$v*$v+1
LOG EVENT(Into system standard outputs; "variant holding a number: "+String($v)+"\n")
// A number into a Text local is a type mismatch.
$t:=$i+1
