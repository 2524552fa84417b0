// Try, Try(), throw and Last errors.
ALERT("no error: "+JSON Stringify(Last errors))
var $r:=Try(JSON Parse("{bad"))
ALERT("Try returns undefined: "+String(Undefined($r))+", errors: "+String(Last errors.length))
Try
	throw(50042; "custom failure")
	ALERT("not reached")
Catch
	ALERT("caught: "+JSON Stringify(Last errors))
End try
Try
	throw(7)
Catch
	ALERT("default message: "+Last errors[0].message)
End try
Try
	throw({errCode: 12; message: "bad {what} at {where}"; what: "input"; where: 3})
Catch
	ALERT("from an object: "+JSON Stringify(Last errors))
End try
Try
	throw({errCode: 5})
Catch
	ALERT("object without message: "+Last errors[0].message)
End try
Try
	throw({message: "no code"; componentSignature: "abcd"})
Catch
	ALERT("no code: "+String(Last errors[0].errCode)+" "+Last errors[0].componentSignature)
End try
// Deferred errors are raised when the method that threw them returns.
Try
	ThrowLater
	ALERT("not reached either")
Catch
	ALERT("deferred: "+JSON Stringify(Last errors))
End try
// Nested Try: the innermost catches.
Try
	var $inner:=Try(Divide(1; 0))
	ALERT("inner caught, outer goes on")
Catch
	ALERT("outer should not catch")
End try
ALERT("done")
