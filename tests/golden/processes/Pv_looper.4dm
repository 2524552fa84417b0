// Helper of process_variables: turns in a loop with delays until another
// process writes its variable vbStop (the loop turns and the delays answer).
vbStop:=False
vlTurns:=0
Use (Storage.pv)
	Storage.pv.looping:=True
End use
While (Not(vbStop))
	vlTurns:=vlTurns+1
	DELAY PROCESS(Current process; 2)
End while
Use (Storage.pv)
	Storage.pv.stopped:=True
End use
