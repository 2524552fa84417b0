$a:=1
If ($a=1)
	$b:="x"
Else 
	$b:="y"
End if 
$o:={k: 1; \
	j: 2}
// comment
$c:=3
