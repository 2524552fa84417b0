// The 4D class store holds the built-in classes fourd has; OB Class gives an
// object's class object, OB Instance of follows the superclass chain, and a
// second argument that is not a class object is error -10745.
var $f : 4D.Function
$f:=Formula(1)
ALERT(String(OB Instance of($f; 4D.Function)))
ALERT(String(OB Instance of($f; 4D.Object)))
ALERT(String(OB Instance of({}; 4D.Function)))
ALERT(String(OB Instance of({}; 4D.Object)))
ALERT(String(OB Instance of("x"; 4D.Object)))
ALERT(String(OB Instance of(4D.Function; 4D.Class)))
ALERT(JSON Stringify(OB Keys(4D)))
ALERT(OB Class($f).name+" "+OB Class($f).superclass.name)
ALERT(String(OB Class({})=4D.Object))
ALERT(String(4D.Object.superclass))
ALERT(String(OB Class(4D.Class).name))
ALERT(String(OB Class(42)))
var $o:=4D.Object.new()
ALERT(JSON Stringify($o))
ALERT(String(4D.Function.isShared))
ALERT(String(OB Instance of({}; {})))
