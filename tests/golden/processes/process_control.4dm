// PAUSE PROCESS stops another process at its next step (state Paused, 5)
// until RESUME PROCESS; Process info describes a process (Null for a number
// never given; type -1 for the main process, 4 for a process of New process);
// ABORT PROCESS BY ID stops a process, even one in an endless loop, and is not
// an error.
var $s:=New shared object
var $p:=New process("Proc_spin"; 0; "spinner"; $s)
Repeat
	DELAY PROCESS(Current process; 1)
Until ($s.started=True)
PAUSE PROCESS($p)
Repeat
	DELAY PROCESS(Current process; 1)
Until (Process state($p)=5)
ALERT("paused: "+String(Process state($p)))
var $info:=Process info($p)
ALERT($info.name+" "+String($info.number)+" "+String($info.type)+" "+String($info.state))
ALERT(String(Process info(1).type)+" "+String(Process info(999)))
RESUME PROCESS($p)
ABORT PROCESS BY ID($p)
Repeat
	DELAY PROCESS(Current process; 1)
Until (Process state($p)<0)
ALERT("aborted: "+String(Process state($p)))
// Process info of a running process also gives its thread's system id and
// the processor time it used (where the system tells them: Linux).
var $me : Object:=Process info(Current process)
ALERT(String(Value type($me.cpuTime)=Is real)+" "+String(($me.cpuUsage>=0) & ($me.cpuUsage<=1))+" "+String(Match regex("^[0-9]+$"; $me.systemID; 1)))
