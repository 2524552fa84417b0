// A compound assignment (`+=`, `-=`, `*=`, `/=`) evaluates its target once:
// the index, the object, the array and the pointer are found one time.
var $counter : Object:={n: 0}
var $c : Collection:=[10; 20; 30]
$c[Count_call($counter)]+=5
ALERT(JSON Stringify($c)+", "+String($counter.n)+" call")
var $objects : Collection:=[{total: 1}; {total: 2}]
$objects[Count_call($counter)-1].total*=10
ALERT(JSON Stringify($objects)+", "+String($counter.n)+" calls")
ARRAY LONGINT($a; 3)
$a{Count_call($counter)}-=4
ALERT(String($a{1})+" "+String($a{2})+" "+String($a{3})+", "+String($counter.n)+" calls")
var $x : Real:=9
var $pointers : Collection:=[->$x]
$pointers[Count_call($counter)-4]->/=3
ALERT(String($x)+", "+String($counter.n)+" calls")
