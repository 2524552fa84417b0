// A square: a polygon of 4 sides, with an area computed from its side.
Class extends Polygon

property side : Real

Class constructor($side : Real)
	Super("square"; 4)
	This.side:=$side
	
Function describe() : Text
	return Super.describe()+", side "+String(This.side)
	
Function get area() : Real
	return This.side*This.side
	
Function set area($area : Real)
	This.side:=Square root($area)
	
Function get perimeter() : Real
	return 4*This.side
