Repeat 
	$i+=1
Until ($i>=3)
Repeat 
Until (True:C214)
Repeat 
	$x:=$x*2
Until ($x>100) | ($n=0)
