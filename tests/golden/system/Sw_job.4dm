// Starts a 4D.SystemWorker whose callbacks report where they run, and does not wait for it.
var $worker : 4D.SystemWorker
$worker:=4D.SystemWorker.new("printf \"from the shell\""; {onResponse: Formula(ALERT("onResponse in "+Current process name+": "+$1.response)); onTerminate: Formula(ALERT("onTerminate in "+Current process name))})
ALERT("job started in "+Current process name)
