// EXECUTE METHOD calls a project method by name, with parameters, and puts
// its result in a variable; `*` when there is no result to keep.
var $result : Real
EXECUTE METHOD("Twice"; $result; 21)
ALERT(String($result)+" OK="+String(OK))
EXECUTE METHOD("twice"; $result; $result)
ALERT(String($result))
// A name alone: no result, no parameters.
EXECUTE METHOD("Say_hi")
// `*`: the parameters follow, nothing is returned.
var $n : Real:=4
EXECUTE METHOD("Twice"; *; $n)
ALERT(String($n))
// A method that does not exist: an error, and OK is 0.
Try
	EXECUTE METHOD("No such method"; *)
Catch
	ALERT(String(Last errors[0].errCode)+" OK="+String(OK))
End try
