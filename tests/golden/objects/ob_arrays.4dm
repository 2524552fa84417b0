// OB SET ARRAY stores an array as a collection; OB GET ARRAY reads it back
var $o : Object
var $i : Integer
ARRAY TEXT($names; 3)
$names{0}:="not stored"
$names{1}:="Ann"
$names{2}:="Bob"
$names{3}:="Cy"
OB SET ARRAY($o; "names"; $names)
ALERT(JSON Stringify($o))
// the collection is a copy of the array at the call
APPEND TO ARRAY($names; "Dee")
ALERT(JSON Stringify($o))
OB SET ARRAY($o; "names"; $names)
ALERT(JSON Stringify($o))
// an element or a variable gives a one-element collection
OB SET ARRAY($o; "first"; $names{1})
var $n : Real
$n:=4.5
OB SET ARRAY($o; "n"; $n)
ALERT(JSON Stringify($o.first)+" "+JSON Stringify($o.n))
// numbers, Booleans and objects
ARRAY LONGINT($longs; 2)
$longs{1}:=10
$longs{2}:=20
OB SET ARRAY($o; "longs"; $longs)
ARRAY BOOLEAN($flags; 2)
$flags{2}:=True
OB SET ARRAY($o; "flags"; $flags)
ARRAY OBJECT($kids; 0)
APPEND TO ARRAY($kids; New object("name"; "Eve"))
OB SET ARRAY($o; "kids"; $kids)
ALERT(JSON Stringify($o.longs)+" "+JSON Stringify($o.flags)+" "+JSON Stringify($o.kids))
// OB GET ARRAY converts the elements to the array's type
ARRAY TEXT($back; 0)
OB GET ARRAY($o; "names"; $back)
ALERT(String(Size of array($back))+" "+$back{4})
ARRAY REAL($reals; 5)
OB GET ARRAY($o; "longs"; $reals)
ALERT(String(Size of array($reals))+" "+String($reals{1}+$reals{2}))
ARRAY OBJECT($objects; 0)
OB GET ARRAY($o; "kids"; $objects)
ALERT($objects{1}.name)
// a collection written in JSON
OB GET ARRAY(JSON Parse("{\"a\":[\"x\",\"y\"]}"); "a"; $back)
ALERT(String(Size of array($back))+" "+$back{1}+$back{2})
// a missing or null property empties the array; another value is its only element
OB GET ARRAY($o; "missing"; $back)
ALERT(String(Size of array($back)))
OB GET ARRAY(New object("one"; "solo"); "one"; $back)
ALERT(String(Size of array($back))+" "+$back{1})
// property names are case-sensitive
OB GET ARRAY($o; "NAMES"; $back)
ALERT(String(Size of array($back)))
// a variable that holds no object yet gets one
var $fresh : Object
OB SET ARRAY($fresh; "l"; $longs)
ALERT(JSON Stringify($fresh))
// a shared object is changed inside Use
var $s:=New shared object
Use ($s)
	OB SET ARRAY($s; "l"; $longs)
End use
ALERT(JSON Stringify($s)+" "+String(OB Is shared($s.l)))
Try
	OB SET ARRAY($s; "m"; $longs)
Catch
	ALERT("outside Use: error "+String(Last errors[0].errCode))
End try
// the array argument of OB GET ARRAY must be an array
var $t : Text
Try
	OB GET ARRAY($o; "names"; $t)
Catch
	ALERT("error "+String(Last errors[0].errCode))
End try
// and its object an object
Try
	OB GET ARRAY($t; "names"; $back)
Catch
	ALERT("error "+String(Last errors[0].errCode))
End try
