// $t:=$t+... where a part reads $t through a pointer (or a method that may
// dereference one) sees the value $t had before the assignment.
var $t : Text
var $p : Pointer
$t:="ab"
$p:=->$t
$t:=$t+$p->
ALERT($t)
$t:=$t+"x"+($p->)
ALERT($t)
var $n : Real
var $pn : Pointer
$n:=2
$pn:=->$n
$n:=$n+$pn->
ALERT(String($n))
$t:="ab"
$t:=$t+Shout($p)
ALERT($t)
