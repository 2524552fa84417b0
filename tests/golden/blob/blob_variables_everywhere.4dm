// BLOBs in arrays, shared objects, interprocess variables, parameters and other processes.
var $b : Blob
SET BLOB SIZE($b; 3; 5)
// ARRAY BLOB: each element an empty BLOB at first.
ARRAY BLOB($ab; 2)
ALERT(String(BLOB size($ab{1}))+" "+String(Type($ab)=Blob array))
$ab{1}:=$b
SET BLOB SIZE($ab{2}; 4; 1)
ALERT(String(BLOB size($ab{1}))+" "+String(BLOB size($ab{2})))
var $p : Pointer
$p:=->$ab{2}
SET BLOB SIZE($p->; 1)
ALERT(String(BLOB size($ab{2})))
// A copy: changing the element does not change $b.
INTEGER TO BLOB(0x0102; $ab{1}; Macintosh byte ordering)
ALERT(String(BLOB size($ab{1}))+" "+String(BLOB size($b)))
// A shared object holds a 4D.Blob (documented as shareable).
Use (Storage)
	Storage.box:=New shared object("blob"; $b)
End use
ALERT(String(OB Instance of(Storage.box.blob; 4D.Blob))+" "+String(Storage.box.blob.size))
ALERT(JSON Stringify(Storage.box))
// Interprocess variables and another process.
C_BLOB(<>shared)
<>shared:=$b
<>shared{0}:=9
ALERT(String(<>shared{0})+" "+String($b{0}))
var $n : Integer:=New process("Blob_child"; 0; "child"; $b)
While (Process state($n)>=0)
	DELAY PROCESS(Current process; 1)
End while 
ALERT("after the child: "+String(<>shared{0}))
// Legacy parameters: the method gets its own copy.
Blob_params($b)
ALERT(String($b{1}))
