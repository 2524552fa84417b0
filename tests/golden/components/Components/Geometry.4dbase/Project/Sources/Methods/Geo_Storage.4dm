//%attributes = {"shared":true}
// The component's Storage is its own.
#DECLARE() : Text
var $before : Text
$before:=JSON Stringify(Storage)
Use (Storage)
	Storage.owner:=New shared object("name"; "geometry")
End use
return $before+" then "+JSON Stringify(Storage)
