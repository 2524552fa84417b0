// Properties of objects held in locals, read and written in place: the
// same answers as for any other object expression.
var $o; $f; $b; $copy : Object
var $out : Text
$o:=New object("n"; 1; "t"; "x")
$copy:=$o
$o.n:=$o.n+1
$o.added:=3
$o.t:=$o.nothing
$o.missing:=$o.nothing
$out:=JSON Stringify($copy)+" "+String(Value type($o.nothing))+" "+String(OB Keys($o).length)
LOG EVENT(Into system standard outputs; $out+"\n")
// A formula object's source; a 4D.Blob refuses a property.
$f:=Formula(1+2)
LOG EVENT(Into system standard outputs; $f.source+" "+String($f.call())+"\n")
$b:=4D.Blob.new()
LOG EVENT(Into system standard outputs; "blob size "+String($b.size)+"\n")
Try
	$b.size:=5
Catch
	LOG EVENT(Into system standard outputs; "blob refused "+String(Last errors[0].errCode)+"\n")
End try
// A number stored in an object is a Real; a date as the settings say.
$o.d:=!2024-02-29!
$o.i:=7
LOG EVENT(Into system standard outputs; String(Value type($o.i))+" "+String(Value type($o.d))+"\n")
