If
End if 
$a:=
ALERT("x"
$b:=(1+2))
