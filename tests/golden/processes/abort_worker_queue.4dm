// ABORT PROCESS BY ID on a worker's process ends it with its box emptied, as
// KILL WORKER does: the messages waiting in it never run (the second names no
// method, and would be reported if it ran). A message posted afterwards
// starts a new process for the worker.
var $state : Object:=New shared object("marks"; New shared collection)
CALL WORKER("holder"; "Worker_hold"; $state)
Repeat
	DELAY PROCESS(Current process; 1)
Until ($state.number#Null)
var $first : Integer:=$state.number
CALL WORKER("holder"; Formula(Worker_mark($1; "queued")); $state)
CALL WORKER("holder"; "No_such_method"; $state)
ABORT PROCESS BY ID($first)
Repeat
	DELAY PROCESS(Current process; 1)
Until (Process state($first)<0)
CALL WORKER("holder"; Formula(Worker_mark($1; "after")); $state)
Repeat
	DELAY PROCESS(Current process; 1)
Until ($state.marks.length>0)
ALERT(JSON Stringify($state.marks))
ALERT("a new process: "+String(Process number("holder")#$first))
