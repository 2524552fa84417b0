// DELAY PROCESS on another process delays it at its next step: its state
// becomes Delayed (1) and it stays there; RESUME PROCESS ends the delay
// early, and the process runs again.
var $s:=New shared object
var $p:=New process("Proc_spin"; 0; "spinner"; $s)
Repeat
	DELAY PROCESS(Current process; 1)
Until ($s.started=True)
DELAY PROCESS($p; 60*60*10)
var $tries : Integer
Repeat
	DELAY PROCESS(Current process; 1)
	$tries:=$tries+1
Until ((Process state($p)=1) | ($tries=3000))
ALERT("delayed: "+String(Process state($p)))
RESUME PROCESS($p)
$tries:=0
Repeat
	DELAY PROCESS(Current process; 1)
	$tries:=$tries+1
Until ((Process state($p)=0) | ($tries=3000))
ALERT("running again: "+String(Process state($p)))
ABORT PROCESS BY ID($p)
