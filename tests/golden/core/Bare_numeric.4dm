#DECLARE($n : Integer) : Integer
// A numeric method (run on fourd's numeric path): a bare `return` after a
// call gives the empty value of the result type, not the callee's result.
var $k : Real
$k:=Add($n; 100)
If ($n>5)
	return 
End if 
return $k+1
