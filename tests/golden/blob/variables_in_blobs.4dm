// VARIABLE TO BLOB and BLOB TO VARIABLE: every kind of variable round-trips,
// one after the other with * and an offset variable; OK tells success.
var $store : Blob
var $offset : Integer
var $t; $t2 : Text
var $r; $r2 : Real
var $i; $i2 : Integer
var $bool; $bool2 : Boolean
var $d; $d2 : Date
var $h; $h2 : Time
var $o; $o2 : Object
var $c; $c2 : Collection
var $bin; $bin2 : Blob
var $v : Variant
$t:="Café ☕"
$r:=-1.25e-7
$i:=-123456
$bool:=True
$d:=!2024-02-29!
$h:=?25:01:02?
SET BLOB SIZE($bin; 3; 0xAB)
$o:=New object("name"; "fourd"; "list"; New collection(1; "two"; Null; New object("deep"; True)); "when"; !2001-01-01!; "data"; $bin)
$c:=New collection(1.5; "x"; New collection(); New object())
ARRAY TEXT($at; 3)
$at{0}:="zero"
$at{1}:="one"
$at{3}:="three"
ARRAY LONGINT($al; 2)
$al{2}:=7
ARRAY OBJECT($ao; 1)
$ao{1}:=New object("k"; 1)
VARIABLE TO BLOB($t; $store)
ALERT(String(OK))
VARIABLE TO BLOB($r; $store; *)
VARIABLE TO BLOB($i; $store; *)
VARIABLE TO BLOB($bool; $store; *)
VARIABLE TO BLOB($d; $store; *)
VARIABLE TO BLOB($h; $store; *)
VARIABLE TO BLOB($o; $store; *)
VARIABLE TO BLOB($c; $store; *)
VARIABLE TO BLOB($bin; $store; *)
VARIABLE TO BLOB($at; $store; *)
VARIABLE TO BLOB($al; $store; *)
VARIABLE TO BLOB($ao; $store; *)
VARIABLE TO BLOB($v; $store; *)
$offset:=0
BLOB TO VARIABLE($store; $t2; $offset)
ALERT($t2+" "+String(OK))
BLOB TO VARIABLE($store; $r2; $offset)
ALERT(String($r2=$r))
BLOB TO VARIABLE($store; $i2; $offset)
ALERT(String($i2))
BLOB TO VARIABLE($store; $bool2; $offset)
ALERT(String($bool2))
BLOB TO VARIABLE($store; $d2; $offset)
ALERT(String($d2))
BLOB TO VARIABLE($store; $h2; $offset)
ALERT(String($h2))
BLOB TO VARIABLE($store; $o2; $offset)
ALERT(JSON Stringify($o2))
ALERT(String(OB Instance of($o2.data; 4D.Blob))+" "+String($o2.data[2]))
ALERT(String($o2=$o))
BLOB TO VARIABLE($store; $c2; $offset)
ALERT(JSON Stringify($c2))
BLOB TO VARIABLE($store; $bin2; $offset)
ALERT(String(BLOB size($bin2))+" "+String($bin2{0}))
ARRAY TEXT($at2; 0)
BLOB TO VARIABLE($store; $at2; $offset)
ALERT(String(Size of array($at2))+" "+$at2{0}+" "+$at2{1}+" ["+$at2{2}+"] "+$at2{3})
BLOB TO VARIABLE($store; $al2; $offset)
ALERT(String(Size of array($al2))+" "+String($al2{2})+" "+String(Type($al2)=LongInt array))
BLOB TO VARIABLE($store; $ao2; $offset)
ALERT(JSON Stringify($ao2{1}))
$v:=1
BLOB TO VARIABLE($store; $v; $offset)
ALERT(String(Undefined($v))+" "+String($offset=BLOB size($store)))
// At an offset: the variable is written there and the offset moves past it.
SET BLOB SIZE($store; 4; 0xEE)
$offset:=2
VARIABLE TO BLOB($i; $store; $offset)
ALERT(String(BLOB size($store))+" "+String($offset))
$offset:=2
BLOB TO VARIABLE($store; $i2; $offset)
ALERT(String($i2)+" "+String($offset))
// A value stored alone replaces what the BLOB held.
VARIABLE TO BLOB($bool; $store)
BLOB TO VARIABLE($store; $v)
ALERT(String($v)+" "+String(BLOB size($store)))
// Pointers inside an object are stored as the values they point to (documented).
$o:=New object("p"; ->$i)
VARIABLE TO BLOB($o; $store)
BLOB TO VARIABLE($store; $o2)
ALERT(JSON Stringify($o2))
// Bytes that hold no stored variable: OK is 0, the variable is left as it was.
TEXT TO BLOB("garbage"; $store; UTF8 text without length)
$t2:="kept"
BLOB TO VARIABLE($store; $t2)
ALERT($t2+" "+String(OK))
SET BLOB SIZE($store; 0)
BLOB TO VARIABLE($store; $t2)
ALERT($t2+" "+String(OK))
// A pointer cannot be stored (documented).
var $p : Pointer
$p:=->$t
Try
	VARIABLE TO BLOB($p; $store)
Catch
	ALERT("pointer: "+String(Last errors[0].errCode)+" "+String(OK))
End try
// An object that contains itself, or a pointer to itself, is refused instead of recursing forever.
$o:=New object
$o.self:=$o
Try
	VARIABLE TO BLOB($o; $store)
Catch
	ALERT("object in itself: "+String(Last errors[0].errCode)+" "+String(OK))
End try
$p:=->$p
$o:=New object("p"; $p)
Try
	VARIABLE TO BLOB($o; $store)
Catch
	ALERT("pointer to itself: "+String(Last errors[0].errCode)+" "+String(OK))
End try
