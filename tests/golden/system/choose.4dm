// Choose: a Boolean criterion picks one of two values, a number counts from 0
var $n : Integer
ALERT(Choose(True; "yes"; "no")+"/"+Choose(False; "yes"; "no"))
ALERT(String(Choose(0; 10; 20; 30))+" "+String(Choose(2; 10; 20; 30)))
$n:=1
ALERT(Choose($n; "zero"; "one"; "two"))
// 2.7 is position 2
ALERT(Choose(2.7; "a"; "b"; "c"))
// out of range: the empty value of the first value's kind
ALERT("["+Choose(5; "a"; "b")+"]")
ALERT(String(Choose(-1; 7; 8)))
ALERT(String(Choose(9; True; False)))
ALERT(String(Choose(9; !2024-05-01!; !2024-06-01!)))
ALERT(String(Choose(9; ?01:00:00?; ?02:00:00?)))
ALERT(String(Choose(9; New object("a"; 1); New object)=Null))
ALERT("["+Choose(1; "only")+"]")
// every value is evaluated, whatever the criterion
var $count : Integer
$count:=0
ALERT(Choose(True; Count_up(->$count); Count_up(->$count)))
ALERT(String($count))
// objects and collections come back as they are, not copied
var $o : Object
$o:=New object("x"; 1)
Choose(0; $o).x:=2
ALERT(String($o.x))
// a Boolean criterion takes exactly two values
Try
	ALERT(Choose(True; "a"; "b"; "c"))
Catch
	ALERT("error "+String(Last errors[0].errCode))
End try
// the criterion is a Boolean or a number
Try
	ALERT(Choose("1"; "a"; "b"))
Catch
	ALERT("error "+String(Last errors[0].errCode))
End try
