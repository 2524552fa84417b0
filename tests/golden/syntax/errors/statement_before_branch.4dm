Case of 
	$x:=1
	: ($y=1)
End case 
