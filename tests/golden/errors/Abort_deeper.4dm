// Helper of abort: raises an error in a called method.
#DECLARE($flag : Object)
var $o : Object
$o.missing.property:=1
Use ($flag)
	$flag.log:=$flag.log+", after the error"
End use
