// Undefined assigned to an existing property resets it to the empty value of
// its type; to a missing property it does nothing; to a variable it clears it.
var $o : Object
$o:=New object("a"; 2; "t"; "x"; "b"; True; "o"; {}; "n"; Null; "d"; !2020-01-02!)
$o.a:=$o.missing
$o.t:=$o.missing
$o.b:=$o.missing
$o.o:=$o.missing
$o.n:=$o.missing
$o.d:=$o.missing
$o.new:=$o.missing
ALERT(JSON Stringify($o))
ALERT(String(OB Is defined($o; "new")))
var $val : Integer
$val:=10
$val:=$o.missing
ALERT(String($val))
var $txt : Text:="abc"
$txt:=$o.missing
ALERT("["+$txt+"]")
$o["t"]:="again"
$o["t"]:=$o.missing
$o["other"]:=$o.missing
ALERT(JSON Stringify($o))
$o.when:=?01:00:00?
ALERT(JSON Stringify($o.when)+" "+String(Value type($o.when)))
