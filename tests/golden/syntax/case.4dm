Case of 
	: ($code=1)
		$msg:="one"
	: ($code=2) | ($code=3)
		$msg:="two or three"
	: ($code=4)
	Else 
		$msg:="other"
End case 
Case of 
	: ($s="a")
		$n:=1
End case 
Case of 
	Else 
		$n:=0
End case 
Case of 
End case 
