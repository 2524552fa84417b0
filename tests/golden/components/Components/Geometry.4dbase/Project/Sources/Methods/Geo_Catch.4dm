//%attributes = {"shared":true}
// The component installs its own handler: its errors go there, not to the host's.
#DECLARE() : Text
var $before; $after : Text
$before:=Method called on error
ON ERR CALL("Geo_Handler")
var $t : Text
$t:=Geo_Fail
$after:=Method called on error
ON ERR CALL("")
return "component handlers: before '"+$before+"', inside '"+$after+"', host's for components '"+Method called on error(ek errors from components)+"'"
