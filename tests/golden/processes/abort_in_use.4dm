// A process aborted while it waits in Use stops there: once it gets the
// lock, it runs nothing of the Use body.
var $s:=New shared object
var $flag:=New shared object
var $p : Integer
Use ($s)
	$p:=New process("Use_waiter"; 0; "waiter"; $s; $flag)
	Repeat
		DELAY PROCESS(Current process; 1)
	Until ($flag.waiting=True)
	// The waiter is before or in its Use of $s; either way it stops there.
	ABORT PROCESS BY ID($p)
End use
Repeat
	DELAY PROCESS(Current process; 1)
Until (Process state($p)<0)
ALERT("aborted: "+String(Process state($p))+", body ran: "+String(Bool($s.ran)))
