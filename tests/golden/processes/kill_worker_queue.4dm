// KILL WORKER ends a worker after its current message and throws away the
// messages still waiting in its box: they never run. Process info gives a
// worker the type 5 (Worker process).
var $state : Object:=New shared object("marks"; New shared collection)
CALL WORKER("holder"; "Worker_hold"; $state)
Repeat
	DELAY PROCESS(Current process; 1)
Until ($state.number#Null)
ALERT("worker type: "+String(Process info($state.number).type))
CALL WORKER("holder"; Formula(Worker_mark($1; "queued 1")); $state)
CALL WORKER("holder"; Formula(Worker_mark($1; "queued 2")); $state)
KILL WORKER("holder")
Use ($state)
	$state.go:=True
End use
Repeat
	DELAY PROCESS(Current process; 1)
Until (Process state($state.number)<0)
ALERT(JSON Stringify($state.marks))
