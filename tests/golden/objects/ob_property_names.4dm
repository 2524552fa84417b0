// OB GET PROPERTY NAMES: the names in creation order, and their types
var $o : Object
var $when : Date
var $i : Integer
ARRAY TEXT($names; 0)
ARRAY LONGINT($types; 0)
$when:=!2024-01-02!
$o:=New object("name"; "Ann"; "age"; 7; "ok"; True; "child"; New object; "list"; New collection(1); "none"; Null)
$o.when:=$when
OB GET PROPERTY NAMES($o; $names; $types)
For ($i; 1; Size of array($names))
	ALERT($names{$i}+" "+String($types{$i}))
End for
// the arrays are resized to the object
OB GET PROPERTY NAMES(New object("x"; 1); $names; $types)
ALERT(String(Size of array($names))+" "+String(Size of array($types))+" "+$names{1})
// an empty object, or no object, empties the arrays
OB GET PROPERTY NAMES(New object; $names)
ALERT(String(Size of array($names)))
var $nothing : Object
OB GET PROPERTY NAMES($nothing; $names; $types)
ALERT(String(Size of array($names))+" "+String(Size of array($types)))
// a variable that holds no array yet gets one
OB GET PROPERTY NAMES(New object("a"; 1; "b"; 2); fresh_names; fresh_types)
ALERT(String(Type(fresh_names)=Text array)+" "+String(Type(fresh_types)=LongInt array)+" "+fresh_names{2}+" "+String(fresh_types{2}))
// a shared object
var $s:=New shared object("k"; "v")
OB GET PROPERTY NAMES($s; $names; $types)
ALERT($names{1}+" "+String($types{1}))
// the names array must be an array
var $t : Text
Try
	OB GET PROPERTY NAMES($o; $t)
Catch
	ALERT("error "+String(Last errors[0].errCode))
End try
Try
	OB GET PROPERTY NAMES("text"; $names)
Catch
	ALERT("error "+String(Last errors[0].errCode))
End try
