For ($i; 1; 10)
	If ($i=2)
		continue
	End if 
	If ($i=8)
		break
	End if 
End for 
While (True:C214)
	break
End while 
If ($done)
	return 
End if 
return $total*2
BREAK LEVEL:C302(1)
