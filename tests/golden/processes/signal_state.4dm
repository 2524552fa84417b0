// A process waiting for a signal or a semaphore is "Waiting for internal flag"
var $signal : 4D.Signal
var $report:=New shared object
var $p : Integer
$signal:=New signal
$p:=New process("Signal_watcher"; 0; "watcher"; $signal; $report)
// the watcher triggers the signal once it has seen this process wait; a
// minute is only a safety net
ALERT("signaled: "+String($signal.wait(60)))
ALERT("seen waiting: "+String($report.seen=Waiting for internal flag))
ALERT("executing again: "+String(Process state(Current process)=Executing))
// the same while waiting for a semaphore the watcher holds
Repeat
	DELAY PROCESS(Current process; 1)
Until ($report.holding=True)
ALERT("semaphore held by the watcher: "+String(Semaphore("gate"; 60*60)))
ALERT("seen waiting: "+String($report.seen_semaphore=Waiting for internal flag))
