// Helper for kill_worker_queue: says it has started, then waits until it is
// let go, and records that it ran.
#DECLARE($state : Object)
Use ($state)
	$state.number:=Current process
End use
Repeat
	DELAY PROCESS(Current process; 1)
Until ($state.go=True)
Use ($state)
	$state.marks.push("held")
End use
