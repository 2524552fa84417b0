// Waits, bounded: were it not aborted by QUIT 4D, it would say so after a minute.
var $i : Integer
For ($i; 1; 600)
	DELAY PROCESS(Current process; 6)
End for
LOG EVENT(Into system standard outputs; "the waiter was not aborted\n")
