shared singleton Class constructor()
	This.count:=0

shared Function increment()
	This.count+=1

exposed Function getCount() : Integer
	return This.count

local Function helper($x : Integer) -> $y : Integer
	$y:=$x*2

exposed shared Function both()

Function query name($event : Object) : Object
	return {query: "name = :1"; parameters: [$event.value]}

Function orderBy name($event : Object) : Text
	return "name "+$event.operator
