// An error raised in a method called back by a collection function or by a
// formula's .call() shows the whole chain of calls: the method, the formula
// and the line that called it.
var $c : Collection:=[1; 2]
ALERT(String(Undefined(Try($c.map("Deep_fail")))))
ALERT(Last errors[0].message)
var $f : 4D.Function
$f:=Formula(Deep_fail($1))
$f.call(Null; New object)
