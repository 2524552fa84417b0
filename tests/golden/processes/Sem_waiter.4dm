// Helper of semaphore_wait: waits (up to a minute, a safety net) for the
// semaphore "gate" the main process holds.
#DECLARE($flag : Object)
var $got : Boolean
Use ($flag)
	$flag.waiting:=True
End use
$got:=Semaphore("gate"; 60*60)
Use ($flag)
	$flag.report:="waiter: "+String($got)+", held: "+String(Test semaphore("gate"))
	$flag.done:=True
End use
Repeat
	DELAY PROCESS(Current process; 1)
Until ($flag.finish=True)
