// QUIT 4D ends the run: the calling process stops at once, and every other
// process is aborted; the run ends without an error.
var $p : Integer
$p:=New process("Quit_wait"; 0; "waiter")
LOG EVENT(Into system standard outputs; "before\n")
QUIT 4D
LOG EVENT(Into system standard outputs; "never\n")
