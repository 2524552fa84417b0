$a:=1
End if 
$b:=2
