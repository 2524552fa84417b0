// Helper for callback_error_chain: reads a property of Null.
#DECLARE($item : Object)
var $o : Object
$item.result:=$o.x.y
