$o:={name: "x"; \
	size: 3}
$r:=Method with args($a; \
	$b; \
	$c)
Repeat 
	$i+=1
Until ($i>3)\
	 | ($done)
If ($a=1) \
	& ($b=2)
	$x:=1
End if 
Case of 
	: ($a=1)\
		 | ($a=2)
		$x:=2
End case 
$n:=7\2
// commented-out call(1; \
	2)
$after:=1
// a comment ending in backslash then spaces \   
$next:=2
$s:="a"+\
"b"
$n:=$a\   
	+1
