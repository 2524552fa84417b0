// Stress: 1,000 processes started, each adding 1 under Use; all end, the
// count is 1,000 and the last process number is 1,001.
var $s : Object:=New shared object("n"; 0; "done"; 0)
var $i; $p : Integer
For ($i; 1; 1000)
	$p:=New process("Shared_add"; 0; "p"+String($i); $s; 1)
End for
Repeat
	DELAY PROCESS(Current process; 1)
Until ($s.done=1000)
ALERT(String($s.n)+" "+String($p))
