// Callback helper for the collection_* cases: sort comparison on text
// length (longest first when $2 is True), then alphabetical.
#DECLARE($pair : Object; $longestFirst : Boolean)
var $a : Text:=String($pair.value)
var $b : Text:=String($pair.value2)
Case of 
	: (Length($a)=Length($b))
		$pair.result:=$a<$b
	: ($longestFirst)
		$pair.result:=Length($a)>Length($b)
	Else 
		$pair.result:=Length($a)<Length($b)
End case 
