// An unknown name is an error, with the nearest known name.
var $n : Integer
$n:=Lenght("abc")
ALERT(String(Helpr))
