// Texts past 2 GB and collections past 100,000,000 elements are refused
// with 4D's "not enough memory" error (-108), which code can catch; the
// value is left as it was.
var $t : Text
var $c : Collection
$c:=New collection(1)
Try
	$t:="x"*1e+12
Catch
	ALERT(String(Last errors[0].errCode)+" ["+$t+"]")
End try
Try
	$c.resize(2147483647)
Catch
	ALERT(String(Last errors[0].errCode)+" "+String($c.length))
End try
Try
	$c[1000000000]:=1
Catch
	ALERT(String(Last errors[0].errCode)+" "+String($c.length))
End try
$t:="ab"*3
ALERT($t)
