// Helper of process_properties: runs until told to end.
#DECLARE($flag : Object)
Use ($flag)
	$flag.started:=True
End use
Repeat
	DELAY PROCESS(Current process; 1)
Until ($flag.finish=True)
