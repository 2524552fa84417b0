// The functions that read one element of a shared collection (at, first,
// last) or move only some of them (shift, pop, remove, insert, unshift) work
// on it in place, and give what they give on a standard collection; shared
// objects taken out stay shared.
var $local : Collection:=New collection(1; 2; 3; 4; 5; 6)
var $s : Object:=New shared object("c"; New shared collection(1; 2; 3; 4; 5; 6))
var $results : Collection:=New collection
var $c : Variant
For each ($c; New collection($local; $s.c))
	Use ($s)
		$results.push(JSON Stringify(New collection($c.at(-1); $c.at(10); $c.first(); $c.last(); $c.shift(); $c.pop())))
		$c.remove(-2)
		$c.insert(-1; "i")
		$c.insert(99; "end")
		$c.unshift("a"; "b")
		$c.remove(1; 2)
		$results.push(JSON Stringify($c))
	End use
End for each
ALERT($results.join("\n"))
ALERT(String($results[0]=$results[2])+" "+String($results[1]=$results[3]))
// An empty shared collection gives undefined, as a standard one does.
var $e : Object:=New shared object("c"; New shared collection)
Use ($e)
	ALERT(String(Value type($e.c.shift()))+" "+String(Value type($e.c.pop()))+" "+String(Value type($e.c.first()))+" "+String(Value type($e.c.last()))+" "+String(Value type($e.c.at(0))))
	$e.c.push(New shared object("v"; 1))
	var $taken : Object:=$e.c.shift()
End use
ALERT(String(OB Is shared($taken))+" "+String($e.c.length))
