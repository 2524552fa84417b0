// Callback helper for callback_param_fresh: keeps in $2 the $1 of the odd values.
#DECLARE($step : Object; $kept : Collection)
If ($step.value%2=1)
	$kept.push($step)
End if 
$step.result:=$step.value
