// Helper of process_variables: waits to be told the number of the other
// asker (vlOther), then asks it for its counter again and again while that
// one asks it back.
#DECLARE($times : Integer; $done : 4D.Signal)
var $i; $theirs : Integer
vlMine:=1
While (Undefined(vlOther))
	DELAY PROCESS(Current process; 1)
End while
For ($i; 1; $times)
	GET PROCESS VARIABLE(vlOther; vlMine; $theirs)
End for
$done.trigger()
