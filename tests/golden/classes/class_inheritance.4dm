// Class extends over three levels: Super() runs the parent's constructor,
// Super.f() the parent's function with the same This; computed
// properties (Function get / set) of a class and of its parents.
var $sq : cs.Square:=cs.Square.new(3)
ALERT($sq.describe())
ALERT(JSON Stringify($sq))
ALERT(String($sq.isPolygon)+" "+String($sq.area)+" "+String($sq.perimeter))
$sq.area:=16
ALERT(String($sq.side)+" "+String($sq.area))
ALERT(OB Class($sq).name+" < "+OB Class($sq).superclass.name+" < "+OB Class($sq).superclass.superclass.name)
ALERT(String(OB Instance of($sq; cs.Shape))+" "+String(OB Instance of($sq; cs.Polygon))+" "+String(OB Instance of(cs.Polygon.new("p"; 5); cs.Square)))
var $p : cs.Polygon:=cs.Polygon.new("triangle"; 3)
ALERT($p.describe()+" "+String($p.isPolygon))
// A property with a getter only cannot be assigned.
Try
	$sq.perimeter:=1
Catch
	ALERT("error "+String(Last errors[0].errCode)+": "+Last errors[0].message)
End try
// A function that no class of the chain has.
Try
	$sq.fly()
Catch
	ALERT("error "+String(Last errors[0].errCode)+": "+Last errors[0].message)
End try
