// A pointer designates a variable, never an object property.
var $o:={name: "box"}
var $p:=->$o.name
