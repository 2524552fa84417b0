// A process that waits for a Use lock does not answer about its variables:
// the process that asks it gives up after 5 seconds with an error instead
// of waiting for ever (here the asker holds the lock the other waits for).
var $o : Object:=New shared object
Use (Storage)
	Storage.pvw:=New shared object("waiting"; False)
End use
var $text : Text:="unchanged"
var $p : Integer
Use ($o)
	$p:=New process("Pv_use_waiter"; 0; "use waiter"; $o)
	While (Not(Storage.pvw.waiting))
		DELAY PROCESS(Current process; 1)
	End while
	Try
		GET PROCESS VARIABLE($p; vtWaiter; $text)
	Catch
		ALERT("no answer: "+String(Last errors[0].errCode))
	End try
End use
ALERT($text)
// Once the lock is free, the process answers again.
While (Not(Bool($o.done)))
	DELAY PROCESS(Current process; 1)
End while
If (Process state($p)#Aborted)
	GET PROCESS VARIABLE($p; vtWaiter; $text)
End if
ALERT("done")
