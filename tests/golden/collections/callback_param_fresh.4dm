// Each call of a callback sees a `$1` of its own: properties a call added
// are gone at the next one, and a `$1` the callback keeps stays as that call
// left it.
var $c; $kept; $seen; $r : Collection
var $o : Object

$c:=New collection(1; 2; 3)
$kept:=New collection
$seen:=New collection
$r:=$c.map("Cb_note_names"; $seen)
LOG EVENT(Into system standard outputs; "names seen: "+$seen.join(" | ")+" -> "+$r.join(",")+"\n")
// The callback keeps the $1 of odd values: each kept one has its own value.
$r:=$c.map("Cb_keep_odd"; $kept)
LOG EVENT(Into system standard outputs; "kept: "+String($kept.length)+" "+JSON Stringify($kept)+"\n")
For each ($o; $kept)
	$o.value:=$o.value+100
End for each 
LOG EVENT(Into system standard outputs; "changed after: "+JSON Stringify($kept)+" "+JSON Stringify($c)+"\n")
// Reductions and sorts see only their own names.
LOG EVENT(Into system standard outputs; "reduce: "+String($c.reduce(Formula($1.accumulator+$1.value+Num(OB Keys($1).length=2)); 0))+"\n")
LOG EVENT(Into system standard outputs; "sort: "+JSON Stringify($c.copy().sort(Formula((OB Keys($1).length=2) & ($1.value>$1.value2))))+"\n")
