// Command name(command {; info {; theme}}): the name alone; the info and
// theme parameters are refused (fourd does not record those properties).
ALERT(Command name(15))
var $info : Integer
var $theme : Text
Try
	ALERT(Command name(15; $info; $theme))
Catch
	ALERT(Last errors[0].message)
End try
