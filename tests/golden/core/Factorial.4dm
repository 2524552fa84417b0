#DECLARE($n : Integer) : Real
If ($n<=1)
	return 1
End if 
return $n*factorial($n-1)
