// Where the callbacks of a 4D.SystemWorker run: in the process that made it.
var $done : 4D.Signal
// A process of New process runs them only while it waits in wait().
$done:=New signal
New process("Sw_waiting"; 0; "waiter"; $done; True)
ALERT("waited: "+String($done.wait(60)))
// Without wait(), they never run there: the process ends first and lets go of them.
$done:=New signal
New process("Sw_waiting"; 0; "forgetful"; $done; False)
ALERT("not waited: "+String($done.wait(60)))
// A worker runs them between its messages, without wait().
CALL WORKER("shell"; "Sw_job")
