// Legacy parameters: the result is $0.
var $i : Integer
$0:=0
For ($i; 1; Count parameters)
	$0:=$0+${$i}
End for 
