// ABORT in a worker's message ends that message; the worker goes on with the next
var $flag:=New shared object("log"; "")
CALL WORKER("aborter"; "Abort_message"; $flag; "first"; True)
CALL WORKER("aborter"; "Abort_message"; $flag; "second"; False)
Repeat
	DELAY PROCESS(Current process; 1)
Until ($flag.done=True)
ALERT($flag.log)
ALERT("same worker: "+String($flag.numbers[0]=$flag.numbers[1]))
