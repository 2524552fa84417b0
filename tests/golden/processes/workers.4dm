// CALL WORKER starts a worker (a process named after it) on the first
// message and hands it the next ones in order; the worker keeps its process
// variables between messages and reads parameters as copies (shared objects
// by reference). Messages are formulas or method names; "" runs the first
// method again. A worker is reached by name or by number (nothing happens for
// a process that is not a worker). An uncaught error is reported with the
// worker's name and the worker goes on. The main process is a worker too: it
// runs its messages while it waits in DELAY PROCESS. KILL WORKER ends a
// worker after its current message; the next CALL WORKER starts a new process.
var $state : Object:=New shared object("total"; 3; "marks"; New shared collection)
CALL WORKER("counter"; "Worker_count"; 1; $state)
CALL WORKER("counter"; "Worker_count"; 2; $state)
CALL WORKER("counter"; "Worker_count"; 3; $state)
Repeat
	DELAY PROCESS(Current process; 1)
Until ($state.last#Null)
ALERT(String($state.last)+" messages in \""+$state.name+"\"")
var $first : Integer:=$state.number
Use ($state)
	$state.total:=4
End use
CALL WORKER("counter"; ""; 4; $state)
Repeat
	DELAY PROCESS(Current process; 1)
Until ($state.last=4)
ALERT("the first method again: message "+String($state.last))
CALL WORKER($first; Formula(Worker_mark($1; "by number")); $state)
CALL WORKER(1; Formula(Worker_mark($1; "sent to process 1")); $state)
CALL WORKER(9999; Formula(Worker_mark($1; "never")); $state)
CALL WORKER("failing"; Formula(Null.x))
CALL WORKER("failing"; Formula(Worker_mark($1; "after an error")); $state)
Repeat
	DELAY PROCESS(Current process; 1)
Until ($state.marks.length=3)
ALERT(JSON Stringify($state.marks.orderBy()))
KILL WORKER("counter")
Repeat
	DELAY PROCESS(Current process; 1)
Until (Process state($first)<0)
Use ($state)
	$state.number:=Null
	$state.total:=1
End use
CALL WORKER("counter"; "Worker_count"; 1; $state)
Repeat
	DELAY PROCESS(Current process; 1)
Until ($state.number#Null)
ALERT("a new process: "+String($state.number#$first)+", its variables start afresh: "+String($state.last))
