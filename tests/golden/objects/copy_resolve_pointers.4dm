// OB Copy and .copy() with ck resolve pointers (or True) put the value a
// pointer points to in its place; without, the pointer is copied.
var $name : Text
var $list : Collection
var $o; $copy : Object
$name:="Ada"
$list:=New collection(1; 2)
$o:=New object("who"; ->$name; "items"; ->$list)
$copy:=OB Copy($o; ck resolve pointers)
$name:="Grace"
$list.push(3)
ALERT(JSON Stringify($copy))
ALERT(String(Value type($copy.who))+" "+String(Value type(OB Copy($o).who)))
ALERT(JSON Stringify(OB Copy($o; True)))
ALERT(JSON Stringify(New collection(->$name).copy(ck resolve pointers)))
