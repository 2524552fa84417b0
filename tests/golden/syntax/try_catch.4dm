Try
	$r:=riskyOperation($x)
Catch
	$r:=Null:C1517
	$errs:=Last errors:C1799
End try
Try
	throw:C1805({errCode: 1; message: "boom"})
End try
Try
Catch
End try
$h:=Try($file.open())
var $n:=Try(JSON Parse:C1218($text)) || {}
Try(myMethod)
