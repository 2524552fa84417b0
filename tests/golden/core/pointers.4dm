// Pointers: to locals, parameters, process variables and array elements.
var $count : Integer
var $p : Pointer
$count:=5
$p:=->$count
$p->:=$p->+10
ALERT("through the pointer: "+String($count))
Triple(->$count)
ALERT("after Triple: "+String($count))
ALERT("same target: "+String($p=->$count)+", other target: "+String($p=->$p))
var $nil : Pointer
ALERT("nil: "+String(Is nil pointer($nil))+" "+String(Is nil pointer($p))+" "+String($nil=Null))
total:=1
var $g:=Get pointer("total")
$g->:=$g->+1
ALERT("process variable: "+String(total)+" "+String($g=->total)+" "+String(Is a variable($g)))
ARRAY TEXT($words; 2)
var $e:=->$words{2}
$e->:="two"
ALERT("element: "+$words{2}+" "+String(Is a variable($e)))
var $pp:=->$p
ALERT("pointer to pointer: "+String(($pp->)->))
var $o:={name: "box"}
var $po:=->$o
ALERT("property through a pointer: "+$po->name)
$po->name:="crate"
ALERT("set through a pointer: "+$o.name)
