// Super() in a derived constructor: This before it is -10743, a second
// call -10746, none at all -10748 (when a parent has a constructor to
// run); Super() outside a constructor is -10746. A class whose parents
// have no constructor needs no Super().
var $name : Text
For each ($name; ["Early"; "Lazy"; "Twice"])
	Try
		var $o : Object:=cs[$name].new()
		ALERT($name+": made")
	Catch
		ALERT($name+": error "+String(Last errors[0].errCode))
	End try
End for each 
var $leaf : cs.Leaf:=cs.Leaf.new()
ALERT(JSON Stringify($leaf)+" "+OB Class($leaf).superclass.name)
Try
	$leaf.again()
Catch
	ALERT("error "+String(Last errors[0].errCode))
End try
// A singleton class's new() gives its singleton, made with the arguments
// of the first new() or with none by .me.
ALERT(String(cs.Settings.new()=cs.Settings.me)+" "+String(cs.Settings.me.made))
// Undefined assigned to a computed property: the setter gets the empty
// value of the getter's type.
var $sq : cs.Square:=cs.Square.new(3)
$sq.area:=25
var $u : Variant
$sq.area:=$u
ALERT(String($sq.side))
