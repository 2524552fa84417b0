// Helper of abort: an error whose handler aborts.
#DECLARE($flag : Object)
Use ($flag)
	$flag.log:="started"
End use
ON ERR CALL("Abort_handler")
Abort_deeper($flag)
Use ($flag)
	$flag.log:=$flag.log+", not reached"
End use
