// An object that contains itself cannot be written as JSON.
var $o : Object:={name: "loop"}
$o.self:=$o
ALERT(String($o.self.self.name))
ALERT(JSON Stringify($o))
