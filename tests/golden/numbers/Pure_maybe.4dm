#DECLARE($n : Integer) : Integer
// No `return` when $n is 0: the caller gets what the generic walker gives.
If ($n>0)
	return $n*3
End if 
