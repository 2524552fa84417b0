//%attributes = {"shared":true}
// EXECUTE METHOD from a component reaches the host's shared methods.
#DECLARE($name : Text) : Text
var $result : Text
EXECUTE METHOD($name; $result; "from geometry")
return $result
