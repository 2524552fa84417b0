// The scalar BLOB: empty by default, a value (assignment copies), bytes by {i} from 0.
var $b; $c : Blob
ALERT(String(BLOB size($b)))
ALERT(String(Value type($b)=Is BLOB))
ALERT(String(Type($b)))
SET BLOB SIZE($b; 4; 0x41)
ALERT(String(BLOB size($b))+" "+String($b{0})+" "+String($b{3}))
$c:=$b
$c{0}:=66
$c{1}:=256+67
ALERT(String($b{0})+" "+String($c{0})+" "+String($c{1}))
// A BLOB passed to a method is a copy.
Set_first_byte($b)
ALERT(String($b{0}))
// Through a pointer.
var $p : Pointer
$p:=->$b
$p->{2}:=7
ALERT(String($b{2}))
SET BLOB SIZE($p->; 6)
ALERT(String(BLOB size($b))+" "+String($b{5}))
// Process variables and C_BLOB.
C_BLOB(vBlob)
SET BLOB SIZE(vBlob; 2; 9)
vBlob{1}:=1
ALERT(String(vBlob{0})+" "+String(vBlob{1}))
// Bool is False for anything but Booleans and numbers; in || an empty BLOB is false.
ALERT(String(Bool($c)))
var $none : Blob
ALERT(String($none || "an empty BLOB is false"))
ALERT(String($c || "not shown"))
// String of a BLOB.
ALERT(String($b))
// Growing then shrinking keeps the start.
SET BLOB SIZE($b; 2)
ALERT(String(BLOB size($b))+" "+String($b{0})+" "+String($b{1}))
var $v : Variant
SET BLOB SIZE($v; 3; 255)
ALERT(String(Value type($v))+" "+String($v{2}))
