// A 4D constant written by its plain name that fourd gives no value is a
// warning, as a command fourd does not support is; a name 4D does not know
// at all stays an error.
var $align : Integer
$align:=Align right
$align:=Align rihgt
// A constant fourd knows gives its value.
$align:=Is collection
