property width : Real
property height : Real

Class constructor($width : Real; $height : Real)
	This.width:=$width
	This.height:=$height

Function area() : Real
	return This.width*This.height

Function describe() : Text
	return OB Class(This).name+" "+String(This.width)+"x"+String(This.height)
