#DECLARE($n : Integer) : Integer
// Run with no argument, a driver that shows its result (not a numeric path).
If (Count parameters=0)
	ALERT("driver: "+String(Pure_fib(20)))
Else 
	If ($n<2)
		return $n
	End if 
	return Pure_fib($n-1)+Pure_fib($n-2)
End if 
