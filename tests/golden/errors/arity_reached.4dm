// A command call that no documented form takes is a warning when the method
// is checked; the method still runs, and the call is error -10503 when reached.
var $n : Integer
LOG EVENT(Into system standard outputs; "before\n")
Try
	$n:=Position("a")
Catch
	LOG EVENT(Into system standard outputs; "caught "+String(Last errors[0].errCode)+": "+Last errors[0].message+"\n")
End try
Try
	ALERT("x"; *)
Catch
	LOG EVENT(Into system standard outputs; "caught "+String(Last errors[0].errCode)+"\n")
End try
LOG EVENT(Into system standard outputs; "after\n")
