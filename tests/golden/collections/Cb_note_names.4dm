// Callback helper for callback_param_fresh: adds to $2 the names $1 has when
// called, then gives $1 a property of its own; $1.result is the value times 10.
#DECLARE($step : Object; $seen : Collection)
$seen.push(OB Keys($step).join(","))
$step.mine:=True
$step.result:=$step.value*10
