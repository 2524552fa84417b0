// Helper of abort_in_use: says it is about to wait, then waits in Use for
// the object the main process holds; aborted meanwhile, it must not run the
// body once it gets the lock.
#DECLARE($s : Object; $flag : Object)
Use ($flag)
	$flag.waiting:=True
End use
Use ($s)
	$s.ran:=True
End use
