// Callback helper for the collection_* cases: adds the elements of
// $1.value to $1.accumulator, which starts as a new collection.
#DECLARE($step : Object)
If ($step.accumulator=Null)
	$step.accumulator:=[]
End if 
$step.accumulator.combine($step.value)
