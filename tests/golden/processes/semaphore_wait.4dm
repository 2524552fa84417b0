// A process waiting for a semaphore gets it (False) once its holder clears it.
var $flag:=New shared object
var $p : Integer
ALERT("main sets gate: "+String(Semaphore("gate")))
$p:=New process("Sem_waiter"; 0; "waiter"; $flag)
Repeat
	DELAY PROCESS(Current process; 1)
Until ($flag.waiting=True)
CLEAR SEMAPHORE("gate")
Repeat
	DELAY PROCESS(Current process; 1)
Until ($flag.done=True)
ALERT($flag.report)
// now the waiter holds it: the main process waits for it in vain
ALERT("main again: "+String(Semaphore("gate"; 1)))
Use ($flag)
	$flag.finish:=True
End use
// once the waiter ends, the main process gets it
ALERT("main once the waiter ended: "+String(Semaphore("gate"; 60*60)))
ALERT("held: "+String(Test semaphore("gate")))
