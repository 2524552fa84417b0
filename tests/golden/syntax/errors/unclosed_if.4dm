var $n : Integer
If ($n>0)
	$n:=$n-1
	If ($n=3)
		ALERT("three")
	End if 
