If $a#Null:C1517 && $a.ok
	$b:=1
End if 
Case of 
	: $x="car"
		$kind:=1
	: $x="bike" | $x="boat"
		$kind:=2
End case 
While $i<10
	$i+=1
End while 
Repeat 
	$i-=1
Until $i=0
Use $shared
	$shared.n:=1
End use 
If\
	($a=1)
	$b:=2
End if 
