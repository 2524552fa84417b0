Class extends Shape

Class constructor($side : Real)
	Super:C1705("square")
	This.side:=$side

Function area() : Real
	return This.side*This.side

Function describe() : Text
	return "A "+Super:C1706.describe()+" of "+String:C10(Super.area())
