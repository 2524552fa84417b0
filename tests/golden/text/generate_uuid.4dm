var $a; $b : Text
$a:=Generate UUID
$b:=Generate UUID
ALERT(String(Length($a))+" "+String($a#$b)+" "+String($a=Uppercase_check($a)))
