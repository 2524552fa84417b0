// Stress: 100,000 messages through one worker arrive in order.
var $state:=New shared object("total"; 100000)
var $i : Integer
For ($i; 1; 100000)
	CALL WORKER("counter"; "Worker_count"; $i; $state)
End for
Repeat
	DELAY PROCESS(Current process; 1)
Until ($state.last#Null)
ALERT(String($state.last)+" messages in order")
