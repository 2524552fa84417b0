// .push() on a shared collection appends in place, under the lock of its
// group that it takes itself, and gives the shared collection back.
var $c; $same : Collection
$c:=New shared collection(1)
$same:=$c.push(2; "three"; New shared object("n"; 4); Null)
ALERT(JSON Stringify($c)+" "+String($same=$c))
var $i : Integer
For ($i; 1; 1000)
	$c.push($i)
End for
ALERT(String($c.length)+" "+String($c.sum()))
Try
	$c.push(New object("n"; 5))
Catch
	ALERT(String(Last errors[0].errCode)+" "+String($c.length))
End try
