// A project's Components folder: each <name>.4dbase holds a 4D project.
// The host calls the methods a component shares.
LOG EVENT(Into system standard outputs; Geo_Version+"\n")

// The component's classes, through the namespace its settings declare.
var $r : cs.geo.Rectangle
$r:=cs.geo.Rectangle.new(3; 4)
LOG EVENT(Into system standard outputs; $r.describe()+" area "+String($r.area())+"\n")
LOG EVENT(Into system standard outputs; String(OB Instance of($r; cs.geo.Rectangle))+"\n")
// cs.geo is an object of the host's class store.
LOG EVENT(Into system standard outputs; String(OB Is defined(cs.geo; "Square"))+" "+String(Value type(cs.geo))+"\n")
// Inside the component, cs is the component's store.
var $s : Object
$s:=Geo_Square(5)
LOG EVENT(Into system standard outputs; $s.describe()+" "+String(OB Instance of($s; cs.geo.Rectangle))+"\n")

// Process variables are not shared between the host and a component.
gCount:=100
Geo_Init
LOG EVENT(Into system standard outputs; String(Geo_Count)+" "+String(Geo_Count)+" host "+String(gCount)+"\n")

// Nor is Storage.
Use (Storage)
	Storage.owner:=New shared object("name"; "host")
End use
LOG EVENT(Into system standard outputs; Geo_Storage+"\n")
LOG EVENT(Into system standard outputs; "host Storage: "+JSON Stringify(Storage)+"\n")

// A component runs a host method only if the host shares it.
LOG EVENT(Into system standard outputs; Geo_Run("Host_Shared")+"\n")

// A formula made by the component keeps the component's names.
var $f : Object
$f:=Geo_Formula
LOG EVENT(Into system standard outputs; $f.call()+"\n")

// The components the project loaded.
ARRAY TEXT($names; 0)
COMPONENT LIST($names)
LOG EVENT(Into system standard outputs; String(Size of array($names))+" "+$names{1}+"\n")
