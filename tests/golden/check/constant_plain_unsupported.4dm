// A 4D constant fourd has no value for (of 4D Write Pro or 4D View Pro, here)
// is a warning, by its plain name or by its token, as a command fourd does not
// support is; a name 4D does not know at all stays an error.
var $option : Integer
$option:=wk background clip
$option:=vk pdf format:K89:21
$option:=File name entyr
// A constant with a documented value gives it, whatever its theme (forms,
// list boxes, system documents...): no warning.
$option:=Is collection
$option:=File name entry
$option:=On Clicked
$option:=lk selection mode
