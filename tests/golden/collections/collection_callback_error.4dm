// Errors about callbacks: a bad callback argument, an unknown method, an
// error inside the callback, and collections of the wrong length for
// multiSort are runtime errors; Try catches them, and the last one, uncaught,
// stops the method.
var $c : Collection:=[1; 2; 3; 4]
ALERT("number as callback caught: "+String(Undefined(Try($c.map(42)))))
ALERT("object as callback caught: "+String(Undefined(Try($c.filter({value: 1})))))
ALERT("startFrom without callback caught: "+String(Undefined(Try($c.find(1)))))
ALERT("unknown method caught: "+String(Undefined(Try($c.every("cb_no_such_method")))))
ALERT("multiSort lengths caught: "+String(Undefined(Try($c.multiSort([[1; 2]])))))
ALERT("multiSort bad level caught: "+String(Undefined(Try($c.multiSort([{order: ck descending}])))))
ALERT("an unknown method is not an error on an empty collection: "+JSON Stringify([].map("cb_no_such_method")))
ALERT("error in a method callback caught: "+String(Undefined(Try($c.map("cb_fails")))))
ALERT("no error before the element 3: "+String($c.some(Formula(cb_fails($1) && ($1.value=2)))))
ALERT(JSON Stringify($c.map(Formula(($1.value<3) ? $1.value : $1.value/"three"))))
ALERT("not reached")
