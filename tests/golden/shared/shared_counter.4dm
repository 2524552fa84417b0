// Shared objects pass to processes by reference: 8 processes add 1,000 each
// under Use; the main process reads without Use and waits for all of them.
var $s : Object:=New shared object("n"; 0; "done"; 0)
var $i : Integer
For ($i; 1; 8)
	New process("Shared_add"; 0; "adder "+String($i); $s; 1000)
End for
Repeat
	DELAY PROCESS(Current process; 1)
Until ($s.done=8)
ALERT(String($s.n))
