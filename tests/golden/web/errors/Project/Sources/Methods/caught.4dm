//%attributes = {"publishedWeb":true}
// A caught error is the method's own business.
var $o : Object
Try
	$o.missing.deeper:=1
Catch
	WEB SEND TEXT("caught: "+String(Last errors[0].errCode); "text/plain")
End try
