Class constructor
	If (True)
		This.a:=1
Function f
	return 1
