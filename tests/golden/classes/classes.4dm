// User classes: cs.Name.new() makes an instance; declared properties with
// an initial value are set before the constructor runs; functions run
// with This bound to the instance; class objects tell their name,
// superclass and kind.
var $s : cs.Shape:=cs.Shape.new("blob")
ALERT($s.describe())
ALERT(JSON Stringify($s))
ALERT($s.created)
ALERT(String($s.isPolygon))
ALERT($s.whoAmI())
ALERT(OB Class($s).name+" < "+OB Class($s).superclass.name+" < "+String(OB Class($s).superclass.superclass))
ALERT(String(OB Instance of($s; cs.Shape))+" "+String(OB Instance of($s; 4D.Object))+" "+String(OB Instance of($s; cs.Square)))
ALERT(String(cs.Shape.isShared)+" "+String(cs.Shape.isSingleton)+" "+String(cs.Shape.isSessionSingleton)+" "+String(cs.Shape.me=Null))
ALERT(String(OB Class($s)=cs.Shape))
// A class with an empty file makes empty objects.
var $e : Object:=cs.Empty.new()
ALERT(JSON Stringify($e)+" "+OB Class($e).name)
// A function read without () is a 4D.Function: .call() gives This.
var $f : 4D.Function:=$s.describe
ALERT(String(OB Instance of($f; 4D.Function))+" "+$f.call({name: "other"; sides: 1}))
// Own properties come first; the class's functions are not enumerated.
ALERT(OB Keys($s).join(", "))
// cs lists the classes.
ALERT(OB Keys(cs).join(", "))
// A class object is a shared object whose properties are read-only.
ALERT(String(OB Is shared(cs.Shape))+" "+String(OB Is shared(4D.Object)))
Try
	cs.Shape.name:="Other"
Catch
	ALERT("error "+String(Last errors[0].errCode)+", still "+cs.Shape.name)
End try
