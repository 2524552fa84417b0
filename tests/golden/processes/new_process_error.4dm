// An uncaught error stops the process that raised it (reported with its
// name); the main process goes on, and the run ends with status 1.
var $p : Integer:=New process("Proc_fail"; 0; "failing one")
While (Process state($p)>=0)
	DELAY PROCESS(Current process; 1)
End while
ALERT("main goes on")
