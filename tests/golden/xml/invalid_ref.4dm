// A reference that designates nothing: a closed document's, then a made-up one, uncaught.
var $root; $name : Text
$root:=DOM Create XML Ref("r")
DOM CLOSE XML($root)
Try
	DOM GET XML ELEMENT NAME($root; $name)
Catch
	ALERT("closed: "+String(Last errors[0].errCode)+" OK="+String(OK))
End try
DOM GET XML ELEMENT NAME("not a reference"; $name)
ALERT("not reached")
