//%attributes = {"publishedWeb":true}
// An uncaught error: the client gets a 500 page, standard error the diagnostic.
var $o : Object
WEB SEND TEXT("never sent")
$o.missing.deeper:=1
