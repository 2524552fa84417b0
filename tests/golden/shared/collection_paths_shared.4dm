// Collection functions that follow a property path read shared objects
// as they read standard ones: elements of a shared collection, of a
// standard collection, and shared collections along a path.
var $shared; $mixed : Collection
$shared:=New shared collection(New shared object("w"; 1; "n"; "a"); New shared object("w"; 2; "n"; "b"))
ALERT(JSON Stringify($shared.query("w = 1")))
ALERT(String($shared.count("w")))
ALERT(String($shared.sum("w")))
ALERT(String($shared.min("w"))+" "+String($shared.max("w"))+" "+String($shared.average("w")))
ALERT(JSON Stringify($shared.extract("n")))
ALERT(JSON Stringify($shared.indices("w = 2")))
ALERT(JSON Stringify($shared.distinct("n")))
$mixed:=New collection(New shared object("w"; 5); New object("w"; 7); New shared object("v"; 1))
ALERT(String($mixed.sum("w"))+" "+String($mixed.count("w")))
ALERT(JSON Stringify($mixed.query("w > 5")))
var $order : Object
$order:=New shared object("lines"; New shared collection)
Use ($order)
	$order.lines.push(New shared object("qty"; 2); New shared object("qty"; 3))
End use
ALERT(JSON Stringify(New collection($order).query("lines[].qty = 3").length))
