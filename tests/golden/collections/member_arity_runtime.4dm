// The receiver's kind is known only when the call runs: the argument
// count is checked then, from the same row of the member table.
var $o : Object
$o:=New object("list"; New collection(1; 2; 3))
ALERT(String($o.list.at(-1)))
Try
	$o.list.at()
Catch
	ALERT(Last errors[0].message)
End try
var $f : Object
$f:=New object("formula"; Formula($1+1))
ALERT(String($f.formula.call(Null; 41)))
Try
	$f.formula.apply(Null; New collection(1); 3)
Catch
	ALERT(Last errors[0].message)
End try
var $shared : Object
$shared:=New object("list"; New shared collection(3; 1; 2))
ALERT(JSON Stringify($shared.list.sort()))
Try
	$shared.list.push()
	ALERT(JSON Stringify($shared.list))
	$shared.list.pop(1)
Catch
	ALERT(Last errors[0].message)
End try
