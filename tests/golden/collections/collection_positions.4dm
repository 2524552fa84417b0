// indexOf and lastIndexOf from a start (negative: counted from the end;
// past the ends: the whole collection, or nothing); remove and combine at a
// negative index (counted from the end, 0 below the start) or past the end.
var $c : Collection
$c:=New collection(1; 2; 3; 2; 1)
ALERT(String($c.indexOf(2; 2))+" "+String($c.indexOf(2; -2))+" "+String($c.indexOf(1; -10))+" "+String($c.indexOf(2; 9)))
ALERT(String($c.lastIndexOf(2; -3))+" "+String($c.lastIndexOf(1; -2))+" "+String($c.lastIndexOf(2; -9))+" "+String($c.lastIndexOf(2; 10)))
$c.remove(-2)
ALERT(JSON Stringify($c))
$c.remove(-10; 1)
ALERT(JSON Stringify($c))
$c.combine(New collection(8; 9); 1)
ALERT(JSON Stringify($c))
$c.combine(New collection(7); -1)
ALERT(JSON Stringify($c))
$c.combine(New collection(6); 100)
ALERT(JSON Stringify($c))
