// Helper of abort_worker: a worker's message that aborts when told to.
#DECLARE($flag : Object; $name : Text; $abort : Boolean)
Use ($flag)
	$flag.log:=$flag.log+$name+" starts; "
	If ($flag.numbers=Null)
		$flag.numbers:=New shared collection
	End if
	$flag.numbers.push(Current process)
End use
If ($abort)
	ABORT
End if
Use ($flag)
	$flag.log:=$flag.log+$name+" ends"
	$flag.done:=True
End use
