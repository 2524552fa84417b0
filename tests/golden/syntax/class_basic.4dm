// A class: a file with Function lines
property name : Text
property firstName; lastName : Text
property age : Integer:=0
property tags : Collection := []
property extra
property count:=5
property options : Object:={a: 1}
property end : Text

Class constructor($name : Text; $age : Integer)
	This.name:=$name
	This.age:=$age

Function greet($greeting : Text) -> $r : Text
	$r:=$greeting+" "+This.name

Function isAdult() : Boolean
	return This.age>=18

Function reset
	This.age:=0

Function describe -> $t : Text
	$t:=This.name

Function untyped($a; $b)
	return $a
