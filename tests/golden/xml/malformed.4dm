// Sources that are not well-formed XML: OK 0 and error -10531 with the line and column.
var $root : Text
Try
	$root:=DOM Parse XML variable("<a>\n  <b></a>")
Catch
	ALERT(String(Last errors[0].errCode)+": "+Last errors[0].message+" OK="+String(OK))
End try
Try
	$root:=DOM Parse XML variable("<a x=\"1\" x=\"2\"/>")
Catch
	ALERT("duplicate attribute: "+String(Last errors[0].errCode)+" OK="+String(OK))
End try
Try
	$root:=DOM Parse XML variable("<a>&nope;</a>")
Catch
	ALERT(Last errors[0].message)
End try
Try
	$root:=DOM Parse XML variable("<a/><b/>")
Catch
	ALERT(Last errors[0].message)
End try
Try
	$root:=DOM Parse XML variable("<a><b>")
Catch
	ALERT(Last errors[0].message)
End try
Try
	$root:=DOM Parse XML variable("")
Catch
	ALERT(Last errors[0].message)
End try
// OK is 1 again after a good one.
$root:=DOM Parse XML variable("<ok/>")
ALERT("then OK="+String(OK))
DOM CLOSE XML($root)
