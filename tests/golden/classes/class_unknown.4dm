// A class that the project does not have (class names are case-sensitive),
// and Super outside a class, are errors found before anything runs.
ALERT("not shown")
var $o : Object:=cs.Nope.new()
var $s : Object:=cs.shape.new("lower case")
Super()
