// Semaphore sets a semaphore for the running process: False when it is now
// the process's, True when another process holds it.
var $flag:=New shared object
var $p : Integer
ALERT("first: "+String(Semaphore("lock")))
ALERT("again by its holder: "+String(Semaphore("lock")))
ALERT("test: "+String(Test semaphore("lock")))
// names are case-sensitive
ALERT("other case: "+String(Test semaphore("LOCK")))
// Test semaphore sets nothing
ALERT("never set: "+String(Test semaphore("other"))+" "+String(Test semaphore("other")))
$p:=New process("Sem_other"; 0; "other"; $flag)
Repeat
	DELAY PROCESS(Current process; 1)
Until ($flag.done=True)
ALERT($flag.report)
// the other process still holds "theirs" until it ends
ALERT("theirs while it runs: "+String(Test semaphore("theirs")))
Use ($flag)
	$flag.finish:=True
End use
Repeat
	DELAY PROCESS(Current process; 1)
Until (Process state($p)<0)
// a process's semaphores are cleared when it ends
ALERT("theirs after it ended: "+String(Test semaphore("theirs")))
ALERT("lock after the other cleared it: "+String(Test semaphore("lock")))
CLEAR SEMAPHORE("lock")
ALERT("lock after its holder cleared it: "+String(Test semaphore("lock")))
// clearing a semaphore nobody set does nothing
CLEAR SEMAPHORE("lock")
// local semaphores ($) work the same way within the run
ALERT("local: "+String(Semaphore("$local"))+" "+String(Test semaphore("$local"))+" "+String(Test semaphore("local")))
CLEAR SEMAPHORE("$local")
ALERT("local cleared: "+String(Test semaphore("$local")))
// names are cut at 255 characters
var $long : Text
$long:="s"*300
ALERT("long: "+String(Semaphore($long))+" "+String(Test semaphore(Substring($long; 1; 255))))
CLEAR SEMAPHORE(Substring($long; 1; 255)+"x")
ALERT("long cleared: "+String(Test semaphore($long)))
// the name is a text
Try
	ALERT(String(Semaphore(12)))
Catch
	ALERT("error "+String(Last errors[0].errCode))
End try
Try
	ALERT(String(Test semaphore(True)))
Catch
	ALERT("error "+String(Last errors[0].errCode))
End try
