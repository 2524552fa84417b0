// PROCESS PROPERTIES: what 4D tells of a process through variables
var $name : Text
var $state; $time; $mode; $id; $origin : Integer
var $visible : Boolean
var $flag:=New shared object
var $p : Integer
PROCESS PROPERTIES(Current process; $name; $state; $time)
ALERT($name+" "+String($state)+" "+String($time>=0))
// the mode as a number: visible (bit 0) and preemptive (bit 1); as a Boolean: visible
PROCESS PROPERTIES(1; $name; $state; $time; $mode; $id; $origin)
ALERT(String($mode)+" "+String($mode ?? 0)+" "+String($mode ?? 1)+" "+String($id)+" "+String($origin=Main process))
PROCESS PROPERTIES(1; $name; $state; $time; $visible)
ALERT(String($visible))
// another process, running
$p:=New process("Props_waiter"; 0; "props waiter"; $flag)
Repeat
	DELAY PROCESS(Current process; 1)
Until ($flag.started=True)
PROCESS PROPERTIES($p; $name; $state; $time; $mode; $id; $origin)
ALERT($name+" "+String($id=$p)+" "+String($origin=Other user process)+" "+String($state>=0))
Use ($flag)
	$flag.finish:=True
End use
Repeat
	DELAY PROCESS(Current process; 1)
Until (Process state($p)<0)
// an ended process keeps its name, with the state Aborted
PROCESS PROPERTIES($p; $name; $state; $time)
ALERT($name+" "+String($state=Aborted)+" "+String($time))
// a worker
CALL WORKER("props worker"; "Props_worker"; $flag)
Repeat
	DELAY PROCESS(Current process; 1)
Until ($flag.origin#Null)
ALERT("worker origin: "+String($flag.origin=Worker process))
// a number never given leaves the variables as they are
$name:="unchanged"
$state:=42
PROCESS PROPERTIES(999; $name; $state; $time)
ALERT($name+" "+String($state))
Try
	PROCESS PROPERTIES("one"; $name; $state; $time)
Catch
	ALERT("error "+String(Last errors[0].errCode))
End try
