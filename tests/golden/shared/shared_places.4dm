// A place that reads or writes `$s.name` on shared objects remembers where
// the name was in the last one; each answer must be the one a search by
// name gives: objects with the names in other orders, after a removal,
// without the name, and writes outside `Use`, undefined or into Storage.
var $s; $o : Object
var $all : Collection
var $i; $sum : Integer
var $out : Text
var $u : Variant
$all:=New collection
$all.push(New shared object("a"; 1; "b"; 10))
$all.push(New shared object("b"; 20; "a"; 2))
$all.push(New shared object("z"; 0; "y"; 0; "b"; 30; "a"; 3))
$all.push(New shared object("a"; 4))
$s:=New shared object("x"; 0; "a"; 5; "b"; 50)
Use ($s)
	OB REMOVE($s; "x")
End use 
$all.push($s)
$sum:=0
$out:=""
For ($i; 0; $all.length-1)
	$s:=$all[$i]
	Use ($s)
		$s.b:=Num($s.b)+1
	End use 
	$sum:=$sum+$s.a
	$out:=$out+String($s.b)+" "
End for 
LOG EVENT(Into system standard outputs; $out+"sum "+String($sum)+"\n")
For each ($s; $all)
	LOG EVENT(Into system standard outputs; JSON Stringify($s)+"\n")
End for each 
// Outside `Use`, a write is refused.
$s:=$all[0]
Try
	$s.b:=0
Catch
	LOG EVENT(Into system standard outputs; "outside Use: "+String(Last errors[0].errCode)+"\n")
End try
// Undefined empties the property.
Use ($s)
	$s.b:=$u
End use 
LOG EVENT(Into system standard outputs; JSON Stringify($s)+"\n")
// Storage holds only shared objects and collections.
$s:=Storage
Use ($s)
	Try
		$s.n:=1
	Catch
		LOG EVENT(Into system standard outputs; "storage: "+String(Last errors[0].errCode)+"\n")
	End try
	$s.child:=New shared object("k"; 1)
End use 
LOG EVENT(Into system standard outputs; "child "+String($s.child.k)+"\n")
