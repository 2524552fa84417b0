// A formula's arithmetic on `$1.value` reads the number where it lies; any
// other value gives what 4D gives: text is joined, an object is read
// through, extra arguments follow in $2.
var $c : Collection
$c:=New collection(1; 2.5; -3)
LOG EVENT(Into system standard outputs; JSON Stringify($c.map(Formula(($1.value*2)+1)))+"\n")
LOG EVENT(Into system standard outputs; JSON Stringify($c.map(Formula($1.value*$2); 10))+"\n")
LOG EVENT(Into system standard outputs; JSON Stringify($c.filter(Formula($1.value>0)))+"\n")
$c:=New collection(1; "ab"; 2.5)
LOG EVENT(Into system standard outputs; JSON Stringify($c.map(Formula($1.value+$1.value)))+"\n")
$c:=New collection(New object("n"; 4); New object("n"; 5))
LOG EVENT(Into system standard outputs; JSON Stringify($c.map(Formula($1.value.n*2)))+"\n")
$c:=New collection(3; 1; 2)
LOG EVENT(Into system standard outputs; String($c.reduce(Formula($1.accumulator+$1.value); 100))+"\n")
LOG EVENT(Into system standard outputs; JSON Stringify($c.sort(Formula($1.value>$1.value2)))+"\n")
// A collection holding a Boolean: no arithmetic on it.
$c:=New collection(1; True)
Try
	$c:=$c.map(Formula($1.value*2))
Catch
	LOG EVENT(Into system standard outputs; "boolean refused: "+String(Last errors[0].errCode)+"\n")
End try
