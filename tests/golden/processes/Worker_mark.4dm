// Helper for workers: records in $state.marks which process ran it.
#DECLARE($state : Object; $label : Text)
Use ($state)
	$state.marks.push($label+" in "+Current process name)
End use
