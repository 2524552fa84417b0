// A 4D constant written by its plain name that fourd gives no value is a
// warning, as a command fourd does not support is; a name 4D does not know
// at all stays an error.
var $option : Integer
$option:=File name entry
$option:=File name entyr
// A constant fourd knows gives its value.
$option:=Is collection
