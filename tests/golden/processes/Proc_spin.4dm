// Helper for process_control: counts forever (until aborted), saying once
// that it has started.
#DECLARE($s : Object)
var $i : Integer
Repeat
	$i:=$i+1
	If ($i=1000)
		Use ($s)
			$s.started:=True
		End use
	End if
Until (False)
