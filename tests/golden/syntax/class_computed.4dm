property _width : Real

Function get width() : Real
	return This._width

Function set width($v : Real)
	This._width:=$v

Function get area -> $a : Real
	$a:=This._width*This._width

Function get($key : Text) : Variant
	return This[$key]

Function set($key : Text; $value)
	This[$key]:=$value
