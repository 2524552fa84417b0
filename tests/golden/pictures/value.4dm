// The Picture value: declarations, the empty picture, Type and Value type,
// assignment as a value, arrays, objects and Null.
var $p; $q : Picture
C_PICTURE($c)
ALERT("new variable: size "+String(Picture size($p))+", "+Size($p)+", Type "+String(Type($p))+", Value type "+String(Value type($p)))
ALERT("C_PICTURE: Type "+String(Type($c))+" = Is picture: "+String(Type($c)=Is picture))
ALERT("empty picture = Null: "+String($p=Null)+", truthy: "+String($p ? True : False))
$p:=Red_blue
ALERT("read: "+Size($p)+", = Null: "+String($p=Null)+", truthy: "+String($p ? True : False)+", size>0: "+String(Picture size($p)>0))
// Assignment copies the value: transforming one leaves the other alone.
$q:=$p
TRANSFORM PICTURE($q; Scale; 2; 3)
ALERT("after scaling the copy: original "+Size($p)+", copy "+Size($q))
ALERT("same bytes kept: "+String(Picture size($q)=Picture size($p)))
// Null empties a picture variable.
$q:=Null
ALERT("after Null: "+Size($q)+", size "+String(Picture size($q)))
// Picture arrays.
ARRAY PICTURE($a; 2)
ALERT("array: Type "+String(Type($a))+" = Picture array: "+String(Type($a)=Picture array)+", element "+Size($a{1})+", Value type "+String(Value type($a{1})))
$a{2}:=$p
ALERT("element 2: "+Size($a{2}))
// In an object and a collection, a picture stays a picture.
var $o : Object
$o:={pict: $p}
ALERT("in an object: Value type "+String(Value type($o.pict))+", "+Size($o.pict))
ALERT("JSON: "+JSON Stringify($o)+", String: "+String($p))
var $col : Collection
$col:=[$p; Green]
ALERT("in a collection: "+Size($col[1]))
// A picture that is no variable's: a parameter and a result.
ALERT("Size of a result: "+Size(Green))
// A picture cannot be stored in a Text variable.
var $t : Text
Try
	$t:=$p
Catch
	ALERT("Text:=Picture: "+String(Last errors[0].errCode))
End try
// A shared object cannot hold a picture (documented: -10721).
var $s : Object
$s:=New shared object
Try
	Use ($s)
		$s.p:=$p
	End use
Catch
	ALERT("shared object: "+String(Last errors[0].errCode))
End try
