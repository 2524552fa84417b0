// EXECUTE FORMULA runs one line of code as a line of the running method:
// its locals, process variables, commands and methods.
var $add : Integer:=5
var $text : Text
C_LONGINT(vTotal)
vTotal:=10
EXECUTE FORMULA("vTotal:=vTotal+$add")
ALERT(String(vTotal))
EXECUTE FORMULA("$text:=\"set by the line\"")
ALERT($text)
// An empty text does nothing.
EXECUTE FORMULA("")
// Commands in the tokenized form 4D saves, and a project method with arguments.
EXECUTE FORMULA("ALERT:C41(\"tokenized \"+String:C10(Length:C16(\"abc\")))")
EXECUTE FORMULA("Twice(21)")
EXECUTE FORMULA("vTotal:=Twice(vTotal)")
ALERT(String(vTotal))
// A local the method does not have, a syntax error, two lines: errors.
Try
	EXECUTE FORMULA("$unknown:=1")
Catch
	ALERT(String(Last errors[0].errCode)+" "+Last errors[0].message)
End try
Try
	EXECUTE FORMULA("vTotal:=(1")
Catch
	ALERT(String(Last errors[0].errCode))
End try
Try
	EXECUTE FORMULA("vTotal:=1\rvTotal:=2")
Catch
	ALERT(String(Last errors[0].errCode)+" "+String(vTotal))
End try
// An error raised by the line itself is the command's error.
Try
	EXECUTE FORMULA("vTotal:=Twice(\"a\")")
Catch
	ALERT("caught: "+String(Last errors.length>0))
End try
