#DECLARE($n : Integer) : Integer
// No `return` when $n is 0: the caller gets the empty value of the declared result type.
If ($n>0)
	return $n*3
End if 
