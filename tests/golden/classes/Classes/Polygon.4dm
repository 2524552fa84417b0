// A polygon: a shape with a number of sides given at construction.
Class extends Shape

Class constructor($name : Text; $sides : Integer)
	Super($name)
	This.sides:=$sides
	
Function describe() : Text
	return "polygon "+Super.describe()
