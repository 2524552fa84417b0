// GET LAST ERROR STACK fills three arrays with the errors of the last error
// event: codes, internal components, texts (element 0 untouched).
ARRAY LONGINT($codes; 0)
ARRAY TEXT($components; 0)
ARRAY TEXT($texts; 0)
Try
	throw(123; "first failure")
Catch
	GET LAST ERROR STACK($codes; $components; $texts)
End try
ALERT(String(Size of array($codes))+" "+String(Size of array($texts)))
ALERT(String($codes{1})+" "+$texts{1})
// Without an error event since the last Try, the arrays come back empty.
Try
	$x:=1
End try
GET LAST ERROR STACK($codes; $components; $texts)
ALERT(String(Size of array($codes)))
