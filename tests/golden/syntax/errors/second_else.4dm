If ($a)
	$b:=1
Else 
	$b:=2
Else 
	$b:=3
End if 
