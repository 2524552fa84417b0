// ON ERR CALL: the handler runs, then the method goes on with its next line.
ON ERR CALL("LogError")
ALERT("installed: "+Method called on error)
throw(100; "first problem")
ALERT("after the first error, Error is "+String(Error))
var $x:=JSON Parse("{nope")
ALERT("after the second error, in "+Error method+" line "+String(Error line)+": "+Error formula)
// A Try started after the handler was installed catches first.
Try
	throw(200; "inside Try")
Catch
	ALERT("Try caught "+String(Last errors[0].errCode))
End try
// A handler installed inside a Try is the one called.
ON ERR CALL("")
Try
	ON ERR CALL("LogError")
	throw(300; "handled inside Try")
	ALERT("went on inside Try")
Catch
	ALERT("not caught by Try")
End try
ON ERR CALL("")
ALERT("removed: ["+Method called on error+"]")
throw(400; "uncaught")
ALERT("not reached")
