// Callback helper for the collection_* cases: multiplies $1.accumulator by
// $1.value and stops once the accumulator passes $2 (if given).
#DECLARE($step : Object; $limit : Real)
$step.accumulator:=$step.accumulator*$step.value
If (Count parameters>1)
	If ($step.accumulator>$limit)
		$step.stop:=True
	End if 
End if 
