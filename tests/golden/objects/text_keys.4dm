// A property named by a text value keeps the name it had when it was set:
// changing the text afterwards (in place, as `+` does on a variable) does
// not rename the property, and the names OB Keys gives are texts of their own.
var $o : Object
var $k : Text
var $keys : Collection
var $i : Integer
$o:=New object
$k:="session-"
For ($i; 1; 3)
	$k:=$k+String($i)
	$o[$k]:=$i
End for 
$keys:=OB Keys($o)
$keys[0]:=$keys[0]+"!"
LOG EVENT(Into system standard outputs; JSON Stringify($o)+"\n")
LOG EVENT(Into system standard outputs; JSON Stringify($keys)+" "+$k+"\n")
LOG EVENT(Into system standard outputs; String($o["session-12"])+" "+String(OB Is defined($o; "session-1!"))+"\n")
