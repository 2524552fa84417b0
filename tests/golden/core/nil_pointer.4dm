// Dereferencing a pointer that was never assigned is an error.
var $p : Pointer
ALERT("before")
$p->:=1
