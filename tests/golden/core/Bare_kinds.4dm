#DECLARE($kind : Text) : Integer
// A declared result never given a value.
Case of 
	: ($kind="bare")
		return 
	: ($kind="fall")
	Else 
		return 7
End case 
