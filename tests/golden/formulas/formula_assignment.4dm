// A formula may be an assignment, run for its effect (it returns nothing).
var $c : Collection:=[1; 2; 3]
ALERT(String($c.reduce(Formula($1.accumulator+=$1.value); 10)))
var $o : Object:={price: 2; quantity: 5}
$o.calc:=Formula(This.total:=This.price*This.quantity)
ALERT(String(Undefined($o.calc()))+" "+String($o.total))
$o.quantity:=7
$o.calc()
ALERT(String($o.total))
// Formula from string takes an assignment too.
var $f : Object:=Formula from string("$1.accumulator:=$1.accumulator*$1.value")
ALERT(String($c.reduce($f; 1)))
