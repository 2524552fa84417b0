var $a; $b; $c : Text
var $n : Integer
var $r : Real
var $ok : Boolean
var $d : Date
var $h : Time
var $o : Object
var $col : Collection
var $p : Pointer
var $pic : Picture
var $bl : Blob
var $v : Variant
var $any
var $person : cs.Person
var $file : 4D.File
var $widget : cs.MyComponent.Widget
var $file2 : 4D:C1709.File
var $shape : cs:C1710.Shape
var $x : Integer:=1
var $y : Integer := 2
var $s:="a"
var $inst:=cs:C1710.Person.new()
var vProcess : Text
var <>gShared : Object
var $1; ${2} : Text
var $obj : Object:={}
var $fn : 4D.Function:=Formula:C1597(1)
