// Helper for new_process_error: an uncaught error in a process.
var $o : Object
ALERT("failing process starts")
$o:=$o.x.y
