// ABORT in an ON ERR CALL handler stops the method that raised the error;
// nothing is reported, and the other processes go on.
var $flag:=New shared object
var $p : Integer
$p:=New process("Abort_victim"; 0; "victim"; $flag)
Repeat
	DELAY PROCESS(Current process; 1)
Until (Process state($p)<0)
ALERT("victim: "+$flag.log)
// a handler that does not abort lets the method go on
ON ERR CALL("Abort_note")
var $o : Object
$o.missing.property:=1
ALERT("went on after the error")
ON ERR CALL("")
// Try does not stop ABORT: the main method ends here
Try
	ALERT("before ABORT")
	ABORT
	ALERT("not reached")
Catch
	ALERT("not caught")
End try
ALERT("not reached either")
