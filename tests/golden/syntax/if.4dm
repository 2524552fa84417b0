If ($n>10)
	$label:="big"
End if 
If ($n>10)
	$label:="big"
Else 
	$label:="small"
End if 
If (True:C214)
Else 
End if 
If ($a=1) & ($b=2)
	$both:=True:C214
End if 
If(Value type:C1509($v)=Is longint:K8:6)|(Value type:C1509($v)=Is real:K8:4)
	$num:=True:C214
End if 
If (Not:C34($done))
	If ($x#0)
		$y:=1/$x
	End if 
End if 
