// Helper of process_variables_no_answer: says it is about to wait, then
// waits to use the shared object the main process holds (a wait in which a
// process does not answer about its variables).
#DECLARE($o : Object)
vtWaiter:="the waiter's"
Use (Storage.pvw)
	Storage.pvw.waiting:=True
End use
Use ($o)
	$o.done:=True
End use
