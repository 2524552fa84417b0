#DECLARE($process : Integer)
// Waits until the process has ended.
While (Process state($process)>=0)
	DELAY PROCESS(Current process; 1)
End while
