var $o : Object:={name: "Ada"; langs: ["4D"; "Rust"]; address: {city: "Paris"}}
ALERT(JSON Stringify($o))
ALERT($o.name+" "+$o.address.city+" "+$o.langs[1]+" "+String($o.langs.length))
$o.age:=36
$o["nick name"]:="A"
ALERT(JSON Stringify(OB Keys($o)))
// Objects are references.
var $same : Object:=$o
$same.name:="Grace"
ALERT($o.name)
ALERT(String($o=$same)+" "+String({a: 1}={a: 1}))
var $c : Collection:=New collection(1; "two"; Null)
$c[5]:="six"
ALERT(JSON Stringify($c))
ALERT(JSON Stringify(New object("x"; 1; "y"; New collection()); *))
ALERT(String(Value type($o))+" "+String(Value type($c))+" "+String(Value type(1))+" "+String(Value type("")))
