// 4D creates the object of a variable that holds none; fourd passes values to commands, so it cannot yet.
var $o : Object
OB SET($o; "a"; 1)
