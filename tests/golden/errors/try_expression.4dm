var $r : Variant
$r:=Try(1+"a")
ALERT(String(Undefined($r)))
Try
	ALERT("in try")
	$x:=1+"b"
	ALERT("not reached")
Catch
	ALERT("caught")
End try
