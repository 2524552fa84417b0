// A call that matches no documented form of its command: a warning that
// quotes the documented signature (the call is an error if it is reached).
var $n : Integer
$n:=Position("a")
$n:=Position("a"; "b"; 1; $n; 0; 1)
ALERT("x"; *)
// Within the bounds, but no form takes that many arguments.
var $found:=Match regex("a"; "b"; 1; $n)
var $o:=New object("a")
