// OB SET and OB SET NULL on This change the object This is, in a formula
// as in a class function.
var $o : Object
$o:=New object("n"; 1; "label"; "x")
$o.bump:=Formula(OB SET(This; "n"; This.n+1))
$o.clear:=Formula(OB SET NULL(This; "label"))
$o.bump()
$o.bump()
$o.clear()
ALERT(JSON Stringify($o))
var $counter : cs.Counter
$counter:=cs.Counter.new()
$counter.bump()
$counter.bump()
ALERT(String($counter.n))
