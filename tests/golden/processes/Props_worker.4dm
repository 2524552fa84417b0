// Helper of process_properties: a worker's message that reports its origin.
#DECLARE($flag : Object)
var $name : Text
var $state; $time; $mode; $id; $origin : Integer
PROCESS PROPERTIES(Current process; $name; $state; $time; $mode; $id; $origin)
Use ($flag)
	$flag.origin:=$origin
End use
