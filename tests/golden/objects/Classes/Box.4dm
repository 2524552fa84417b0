// A box whose area is computed (case numeric_members).
Class constructor($w : Real; $h : Real)
	This.w:=$w
	This.h:=$h

Function get area() : Real
	return This.w*This.h
