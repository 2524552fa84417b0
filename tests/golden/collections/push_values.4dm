// `.push(value)` stores the value as a collection holds it and gives the
// collection back; objects and collections are pushed as references.
var $c; $d; $inner : Collection
var $o : Object
var $i : Integer
var $undefined : Variant
$c:=New collection
$i:=4
$d:=$c.push($i)
$d.push("two")
LOG EVENT(Into system standard outputs; "same "+String($c=$d)+" length "+String($c.length)+"\n")
LOG EVENT(Into system standard outputs; "integer stored as "+String(Value type($c[0]))+"\n")
$c.push($undefined)
LOG EVENT(Into system standard outputs; "undefined stored as "+String(Value type($c[2]))+"\n")
$c.push(!2024-02-29!)
LOG EVENT(Into system standard outputs; "date stored as "+String(Value type($c[3]))+"\n")
$c.push(?01:00:00?)
LOG EVENT(Into system standard outputs; "time stored as "+String(Value type($c[4]))+" "+String($c[4])+"\n")
$o:=New object("n"; 1)
$inner:=New collection(1)
$c.push($o).push($inner)
$o.n:=2
$inner.push(2)
LOG EVENT(Into system standard outputs; "references "+String($c[5].n)+" "+String($c[6].length)+"\n")
$c.push()
$c.push(8; 9)
LOG EVENT(Into system standard outputs; JSON Stringify($c)+"\n")
// A collection pushed into itself is one more reference to it.
$c:=New collection
$c.push($c)
LOG EVENT(Into system standard outputs; "self "+String($c[0]=$c)+"\n")
