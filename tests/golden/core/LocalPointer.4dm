#DECLARE() : Pointer
var $inside:="gone"
return ->$inside
