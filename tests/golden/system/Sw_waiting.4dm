#DECLARE($done : 4D.Signal; $wait : Boolean)
// Starts a 4D.SystemWorker with callbacks in a process of New process; waits for it or not.
var $worker : 4D.SystemWorker
$worker:=4D.SystemWorker.new("printf \"waited for\""; {onResponse: Formula(ALERT("onResponse in "+Current process name+": "+$1.response))})
If ($wait)
	$worker.wait()
	ALERT("after wait in "+Current process name)
End if 
$done.trigger()
