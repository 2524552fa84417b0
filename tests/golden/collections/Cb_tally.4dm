// Callback helper for collection_reduce: counts each text in the
// accumulator object; returns nothing.
#DECLARE($step : Object)
If ($step.accumulator[$step.value]=Null)
	$step.accumulator[$step.value]:=0
End if 
$step.accumulator[$step.value]:=$step.accumulator[$step.value]+1
