// A scalar BLOB stored in an object or a collection becomes a 4D.Blob; a
// 4D.Blob assigned to a Blob variable becomes a scalar BLOB.
var $b; $back : Blob
SET BLOB SIZE($b; 3; 7)
var $o : Object
$o:=New object("data"; $b)
ALERT(String(OB Instance of($o.data; 4D.Blob)))
ALERT(String(Value type($o.data)=Is object))
ALERT(String($o.data.size))
ALERT(OB Class($o.data).name)
ALERT(JSON Stringify($o))
$back:=$o.data
ALERT(String(Value type($back)=Is BLOB)+" "+String(BLOB size($back))+" "+String($back{2}))
// The 4D.Blob does not change when the scalar BLOB does.
$b{0}:=1
ALERT(String($o.data[0])+" "+String($b{0}))
var $c : Collection
$c:=New collection($b)
ALERT(String(OB Instance of($c[0]; 4D.Blob)))
// A scalar BLOB assigned to a 4D.Blob variable or parameter becomes a 4D.Blob.
var $boxed : 4D.Blob
$boxed:=$b
ALERT(String(OB Instance of($boxed; 4D.Blob))+" "+String($boxed.size))
Blob_object_param($b)
// 4D.Blob.new(), .size, .slice() and [i].
var $empty; $copy; $part : 4D.Blob
$empty:=4D.Blob.new()
ALERT(String($empty.size))
TEXT TO BLOB("Hello, world"; $b; UTF8 text without length)
$copy:=4D.Blob.new($b)
ALERT(String($copy.size)+" "+String($copy[0]))
$part:=$copy.slice(7)
ALERT(Convert to text($part; "UTF-8"))
ALERT(Convert to text($copy.slice(0; 5); "UTF-8"))
ALERT(Convert to text($copy.slice(-5; -1); "UTF-8"))
ALERT(String($copy.slice(50).size)+" "+String($copy.slice(4; 2).size))
ALERT(String(BLOB size($copy)))
// A command that gives a BLOB into a 4D.Blob variable gives a 4D.Blob.
CONVERT FROM TEXT("Hi"; "UTF-8"; $part)
ALERT(String(OB Instance of($part; 4D.Blob))+" "+String($part.size))
ALERT(String($copy))
// A 4D.Blob cannot be changed (-10700); copies of it are 4D.Blobs.
Try
	$copy.size:=5
Catch
	ALERT("set .size: "+String(Last errors[0].errCode)+" "+String($copy.size))
End try
Try
	OB SET($copy; "a"; 1)
Catch
	ALERT("OB SET: "+String(Last errors[0].errCode)+" "+String(OB Keys($copy).length))
End try
Try
	$copy["b"]:=1
Catch
	ALERT("[\"b\"]: "+String(Last errors[0].errCode))
End try
ALERT(String(OB Instance of(OB Copy($copy); 4D.Blob))+" "+String(OB Instance of(New collection($copy).copy()[0]; 4D.Blob)))
