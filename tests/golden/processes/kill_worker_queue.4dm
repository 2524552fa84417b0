// KILL WORKER ends a worker after its current message and throws away the
// messages still waiting in its box: they never run; a message posted after
// the kill starts a new process. Process info gives a
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
// Posted while the killed process still ends its message: a new process
// handles it.
var $first : Integer:=$state.number
CALL WORKER("holder"; Formula(Worker_mark($1; "after the kill")); $state)
Use ($state)
	$state.go:=True
End use
Repeat
	DELAY PROCESS(Current process; 1)
Until ($state.marks.length=2)
ALERT(JSON Stringify($state.marks))
ALERT("a new process: "+String(Process number("holder")#$first))
