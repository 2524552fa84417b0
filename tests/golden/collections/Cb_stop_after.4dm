// Callback helper for the collection_* cases: the result is the element
// itself, and the walk stops once the element equals $2.
var $1 : Object
var $2 : Variant
$1.result:=$1.value
If ($1.value=$2)
	$1.stop:=True
End if 
