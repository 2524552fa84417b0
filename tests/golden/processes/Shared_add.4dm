// Helper for shared_counter and stress_use: adds 1 to $counter.n $m times,
// each time inside Use, then counts itself done.
#DECLARE($counter : Object; $m : Integer)
var $i : Integer
For ($i; 1; $m)
	Use ($counter)
		$counter.n:=$counter.n+1
	End use
End for
Use ($counter)
	$counter.done:=$counter.done+1
End use
