// Helper for privileges_promote: tells, through the signal, whether the
// running process (a worker) has "medium".
#DECLARE($signal : 4D.Signal)
Use ($signal)
	$signal.medium:=Session.hasPrivilege("medium")
End use 
$signal.trigger()
