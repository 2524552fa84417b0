// Into system standard outputs writes the message as it is, with no newline.
LOG EVENT(Into system standard outputs; "first "; Information message)
LOG EVENT(Into system standard outputs; "second\n"; Warning message)
LOG EVENT(Into 4D debug message; "not printed")
LOG EVENT("nowhere either")
ALERT("done")
Try
	LOG EVENT(9; "no such destination")
Catch
	ALERT("output type 9: "+String(Last errors[0].errCode))
End try
