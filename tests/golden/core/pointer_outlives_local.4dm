// A pointer to a local is valid only while its method runs.
var $p:=LocalPointer
ALERT("got a pointer")
ALERT($p->)
