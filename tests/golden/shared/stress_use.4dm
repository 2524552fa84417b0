// Stress: 8 processes add 1 to one shared counter 100,000 times each, each
// time inside Use: the count is exactly 800,000.
var $s : Object:=New shared object("n"; 0; "done"; 0)
var $i : Integer
For ($i; 1; 8)
	New process("Shared_add"; 0; "adder "+String($i); $s; 100000)
End for
Repeat
	DELAY PROCESS(Current process; 1)
Until ($s.done=8)
ALERT(String($s.n))
