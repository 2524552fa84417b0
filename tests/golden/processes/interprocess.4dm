// Interprocess variables (<>name) hold one value for every process of a
// run: what a process assigns, the others read. Each read and each write
// is atomic; a process that changes an array, object or collection held
// in one (an element, a property, a command, a function) assigns the
// variable its new content.
<>name:="main"
<>count:=41
ARRAY TEXT(<>list; 0)
APPEND TO ARRAY(<>list; "from main")
<>o:={a: 1}
<>col:=New collection("main")
Use (Storage)
	Storage.sync:=New shared object
End use
var $p : Integer:=New process("Interprocess_child"; 0; "child")
While (Storage.sync.done=Null)
	DELAY PROCESS(Current process; 1)
End while
ALERT("main sees "+<>name+", "+String(<>count))
ALERT(String(Size of array(<>list))+" element(s): "+<>list{1}+" / "+<>list{2})
ALERT(JSON Stringify(<>o)+" "+JSON Stringify(<>col))
// Pointers to interprocess variables, and Get pointer.
var $ptr : Pointer:=-><>count
$ptr->:=$ptr->+1
ALERT("through a pointer: "+String(<>count)+" "+String(Get pointer("<>count")->))
var $e : Pointer:=-><>list{2}
$e->:="via pointer"
ALERT(<>list{2})
// A directive on an interprocess variable declares nothing more.
C_LONGINT(<>n)
ALERT(String(Type(<>count))+" "+String(<>count))
