// ASSERT and Asserted: error -10518 with the assertion's text or a message.
ASSERT(1=1)
ALERT("true assertion: nothing happens")
var $ok:=Asserted(2>1)
ALERT("Asserted returns "+String($ok))
Try
	ASSERT(1=2; "numbers differ")
Catch
	ALERT(String(Last errors[0].errCode)+" "+Last errors[0].message)
End try
SET ASSERT ENABLED(False)
ASSERT(False)
ALERT("disabled: "+String(Get assert enabled)+" "+String(Asserted(False)))
SET ASSERT ENABLED(True)
var $n:=3
ASSERT($n<2)
