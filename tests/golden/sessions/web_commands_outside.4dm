// Outside a web process, the web commands that answer do nothing and those
// that read the request find it empty; the web options are the run's.
WEB SEND TEXT("nobody hears this")
WEB SEND HTTP REDIRECT("/elsewhere")
ARRAY TEXT($names; 0)
ARRAY TEXT($values; 0)
WEB GET VARIABLES($names; $values)
ALERT("variables: "+String(Size of array($names)))
var $header : Text:="unchanged"
WEB GET HTTP HEADER($header)
ALERT("header: ["+$header+"]")
ALERT("session id: ["+WEB Get current session ID+"]")
ALERT("secured: "+String(WEB Is secured connection))
ALERT("parts: "+String(WEB Get body part count))
var $port : Integer
WEB GET OPTION(Web port ID; $port)
ALERT("port: "+String($port))
WEB SET OPTION(Web port ID; 8081)
WEB GET OPTION(Web port ID; $port)
ALERT("port now: "+String($port))
Try
	WEB SET OPTION(Web port ID; 70000)
Catch
	ALERT("refused: "+Last errors[0].message)
End try
Try
	WEB SET OPTION(12345; 1)
Catch
	ALERT("refused: "+Last errors[0].message)
End try
