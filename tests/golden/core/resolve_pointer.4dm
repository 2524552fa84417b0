// RESOLVE POINTER: the name of what a pointer designates, and its element
var $name : Text
var $row; $column : Integer
var $p : Pointer
var $local : Text
ARRAY TEXT(cities; 3)
<>shared:=1
var_count:=3
RESOLVE POINTER(->var_count; $name; $row; $column)
ALERT($name+" "+String($row)+" "+String($column))
RESOLVE POINTER(->cities; $name; $row; $column)
ALERT($name+" "+String($row)+" "+String($column))
RESOLVE POINTER(->cities{2}; $name; $row; $column)
ALERT($name+" "+String($row)+" "+String($column))
RESOLVE POINTER(-><>shared; $name; $row; $column)
ALERT($name+" "+String($row)+" "+String($column))
// a pointer to a local gives its name
RESOLVE POINTER(->$local; $name; $row; $column)
ALERT($name+" "+String($row)+" "+String($column))
// a nil pointer
RESOLVE POINTER($p; $name; $row; $column)
ALERT("["+$name+"] "+String($row)+" "+String($column))
// a pointer held in a variable, and Get pointer
$p:=Get pointer("cities{3}")
RESOLVE POINTER($p; $name; $row; $column)
ALERT($name+" "+String($row)+" "+String($column))
// the first argument is a pointer
Try
	RESOLVE POINTER("cities"; $name; $row; $column)
Catch
	ALERT("error "+String(Last errors[0].errCode))
End try
