// Bool: a Boolean as it is, a number True unless 0, and False for
// everything else (undefined, null, texts, even non-empty ones, objects).
var $o : Object
$o:=New object
ALERT(String(Bool(True))+" "+String(Bool(False)))
ALERT(String(Bool(2))+" "+String(Bool(-0.5))+" "+String(Bool(0)))
ALERT(String(Bool($o.missing))+" "+String(Bool(Null)))
ALERT(String(Bool("true"))+" "+String(Bool(""))+" "+String(Bool(New object("a"; 1))))
