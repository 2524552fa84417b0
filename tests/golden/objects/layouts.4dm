// Objects built the same way share their layout of names; a place that
// reads or writes a property remembers the layout it met last. Every
// answer must be the same as a search by name: objects of other layouts,
// with the names in another order, with fewer or more names, after a
// removal, or large enough to be indexed, all pass through the same places.
var $i; $sum : Integer
var $all : Collection
var $o; $p : Object
var $out; $name : Text
$all:=New collection
For ($i; 1; 6)
	$all.push(New object("a"; $i; "b"; $i*10; "c"; "t"+String($i)))
End for 
$all.push(New object("b"; 700; "a"; 7; "c"; "t7"))
$all.push(New object("c"; "t8"; "a"; 8))
$all.push(New object("a"; 9; "b"; 90; "c"; "t9"; "d"; True))
$p:=New object("a"; 10; "b"; 100; "c"; "t10")
OB REMOVE($p; "a")
$p.a:=10
$all.push($p)
$p:=New object
For ($i; 1; 20)
	$p["k"+String($i)]:=$i
End for 
$p.a:=11
$p.b:=110
$p.c:="t11"
$all.push($p)
$all.push(New object("a"; 12; "a"; 13; "c"; "t12"))
$name:="b"
$all.push(New object("a"; 14; $name; 140; "c"; "t14"))
$sum:=0
$out:=""
For each ($o; $all)
	If (OB Is defined($o; "b"))
		$o.b:=$o.b+1
	End if 
	$sum:=$sum+$o.a
	$out:=$out+$o.c+":"+String($o.b)+" "
End for each 
LOG EVENT(Into system standard outputs; $out+"\n")
LOG EVENT(Into system standard outputs; "sum "+String($sum)+"\n")
// The names keep their order: the order they were added in.
For each ($o; $all)
	LOG EVENT(Into system standard outputs; JSON Stringify($o)+"\n")
End for each 
// A copy shares nothing with its original.
$o:=OB Copy($all[0])
$o.a:=-1
$o.z:=0
LOG EVENT(Into system standard outputs; JSON Stringify($all[0])+" "+JSON Stringify($o)+"\n")
// Undefined written through a place keeps the property's type.
$o:=$all[1]
$o.c:=$o.nothing
$o.a:=$o.nothing
LOG EVENT(Into system standard outputs; JSON Stringify($o)+"\n")
