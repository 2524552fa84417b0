// Helper of signal_state: waits until the main process waits, then lets it go.
#DECLARE($signal : 4D.Signal; $report : Object)
var $start : Real
$start:=Milliseconds
Repeat
	DELAY PROCESS(Current process; 1)
Until ((Process state(1)=Waiting for internal flag) | ((Milliseconds-$start)>60000))
Use ($report)
	$report.seen:=Process state(1)
End use
$signal.trigger()
// holds a semaphore, and clears it once the main process waits for it
var $held : Boolean
$held:=Semaphore("gate")
Use ($report)
	$report.holding:=True
End use
$start:=Milliseconds
Repeat
	DELAY PROCESS(Current process; 1)
Until ((Process state(1)=Waiting for internal flag) | ((Milliseconds-$start)>60000))
Use ($report)
	$report.seen_semaphore:=Process state(1)
End use
CLEAR SEMAPHORE("gate")
