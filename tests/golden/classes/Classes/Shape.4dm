// A shape: a name, a number of sides (0 until set), a computed property.
property name : Text
property sides : Integer:=0
property created : Text:="at "+String(This.sides)

Class constructor($name : Text)
	This.name:=$name
	
Function describe() : Text
	return This.name+" with "+String(This.sides)+" sides"
	
Function get isPolygon() : Boolean
	return This.sides>=3
	
Function whoAmI() : Text
	return Current method name
