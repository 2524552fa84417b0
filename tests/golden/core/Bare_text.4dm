#DECLARE($bare : Boolean) : Text
If ($bare)
	return 
End if 
