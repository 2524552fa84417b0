// OB SET, OB Get, OB SET NULL, OB REMOVE, OB Get type, OB Keys, OB Values, OB Entries.
var $pet : Object:=New object
OB SET($pet; "kind"; "cat"; "legs"; 4; "indoor"; True)
OB SET($pet; "Kind"; "lynx")
ALERT(JSON Stringify($pet))
ALERT(OB Get($pet; "kind")+" "+OB Get($pet; "Kind")+" "+String(OB Get($pet; "legs")+1))
ALERT(String(Undefined(OB Get($pet; "KIND")))+" "+String(Value type(OB Get($pet; "legs"))))
// A time is stored as its number of seconds; a date stays a date.
OB SET($pet; "nap"; ?00:20:30?; "born"; !2019-04-12!)
ALERT(String(OB Get type($pet; "nap"))+" "+String(OB Get($pet; "nap"))+" "+String(OB Get type($pet; "born")))
// Objects and collections are stored by reference.
var $toys : Collection:=["ball"]
OB SET($pet; "toys"; $toys)
$toys.push("mouse")
ALERT(JSON Stringify(OB Get($pet; "toys")))
OB SET NULL($pet; "indoor")
OB SET NULL($pet; "owner")
ALERT(String(OB Get type($pet; "indoor"))+" "+String(OB Get type($pet; "owner"))+" "+String(OB Get type($pet; "vet")))
ALERT(String(OB Get type($pet; "kind"))+" "+String(OB Get type($pet; "legs"))+" "+String(OB Get type($pet; "toys"))+" "+String(OB Get type({a: {}}; "a")))
OB REMOVE($pet; "Kind")
OB REMOVE($pet; "nothing")
OB REMOVE($pet; "nap")
ALERT(JSON Stringify(OB Keys($pet)))
ALERT(JSON Stringify(OB Values($pet)))
ALERT(JSON Stringify(OB Entries({x: 1; y: [2]})))
// Values and entries share the property values.
var $shelf : Object:={box: {n: 1}}
OB Values($shelf)[0].n:=2
OB Entries($shelf)[0].value.m:=3
ALERT(JSON Stringify($shelf))
ALERT(JSON Stringify(OB Values({}))+" "+JSON Stringify(OB Entries(Null))+" "+JSON Stringify(OB Values(Null)))
// Re-adding a removed property puts it at the end.
var $order : Object:={a: 1; b: 2; c: 3}
OB REMOVE($order; "a")
OB SET($order; "a"; 4)
ALERT(JSON Stringify($order))
