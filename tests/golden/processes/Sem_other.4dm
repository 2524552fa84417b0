// Helper of semaphores: meets the main process's semaphore "lock", sets its
// own "theirs", reports, and ends when told to.
#DECLARE($flag : Object)
var $report : Text
var $start : Real
$report:="held by another: "+String(Semaphore("lock"))
$start:=Milliseconds
$report:=$report+", after waiting 6 ticks: "+String(Semaphore("lock"; 6))
// 6 ticks are 100 ms
$report:=$report+", waited: "+String(Milliseconds-$start>=95)
// only its holder clears a semaphore
CLEAR SEMAPHORE("lock")
$report:=$report+", still set: "+String(Test semaphore("lock"))
$report:=$report+", theirs: "+String(Semaphore("theirs"))
Use ($flag)
	$flag.report:=$report
	$flag.done:=True
End use
Repeat
	DELAY PROCESS(Current process; 1)
Until ($flag.finish=True)
