// OB SET and OB SET NULL create the object of a variable (or array element, or
// pointed variable) that holds none, and change the object an expression holds;
// a variable holding something else is an error.
var $o : Object
OB SET($o; "FirstName"; "John"; "LastName"; "Smith")
ALERT(JSON Stringify($o))
var $n : Object
OB SET NULL($n; "x")
ALERT(JSON Stringify($n))
var $p : Pointer
var $q : Object
$p:=->$q
OB SET($p->; "via"; "pointer")
ALERT(JSON Stringify($q))
var $outer : Object:={inner: {}}
OB SET($outer.inner; "deep"; 1)
ALERT(JSON Stringify($outer))
ARRAY OBJECT($arr; 2)
OB SET($arr{1}; "el"; True)
ALERT(JSON Stringify($arr{1}))
var $t : Text
OB SET($t; "a"; 1)
