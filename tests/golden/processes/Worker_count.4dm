// Helper for workers and stress_worker: counts its messages in a process
// variable (kept from one message to the next) and checks they come in order;
// the last one records the count, the process name and number.
#DECLARE($i : Integer; $state : Object)
count:=Num(count)+1
If ($i#count)
	ALERT("out of order: "+String($i)+" came as message "+String(count))
End if
If ($i=$state.total)
	Use ($state)
		$state.last:=count
		$state.name:=Current process name
		$state.number:=Current process
	End use
End if
