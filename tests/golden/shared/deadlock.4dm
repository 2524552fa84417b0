// Two processes take two shared groups in opposite order: where 4D would
// hang, the Use that would close the cycle fails (-10519) in one of them,
// which lets go of its lock, and the other finishes; the run ends.
var $a:=New shared object
var $b:=New shared object
var $flags:=New shared object("ended"; 0)
New process("Deadlock_take"; 0; "p1"; $a; $b; $flags; "a")
New process("Deadlock_take"; 0; "p2"; $b; $a; $flags; "b")
Repeat
	DELAY PROCESS(Current process; 1)
Until ($flags.ended=2)
ALERT("one failed: "+String($flags.failed#Null)+", one finished: "+String($flags.finished#Null)+", not the same: "+String($flags.failed#$flags.finished))
