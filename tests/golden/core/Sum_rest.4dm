// Sums its parameters from the second on, declared with var ${2}.
#DECLARE($label : Text) : Text
var ${2} : Integer
var $i; $total : Integer
For ($i; 2; Count parameters)
	$total:=$total+${$i}
End for
return $label+String($total)
