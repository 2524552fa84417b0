#DECLARE($counter : Pointer) : Text
$counter->:=$counter->+1
return "call "+String($counter->)
