// $t[[i]] and Length count UTF-16 code units, also in long texts that are not
// all ASCII (fourd keeps an index of the units: no walk from the start each time).
var $t; $piece; $seen : Text
var $i; $count; $len : Integer

$piece:="aé😀b"  // 5 UTF-16 units: a, é, two for the emoji, b
For ($i; 1; 40)
	$t:=$t+$piece
End for 
ALERT(String(Length($t)))
$count:=0
$len:=Length($t)
For ($i; 1; $len)
	If ($t[[$i]]="é")
		$count:=$count+1
	End if 
End for 
ALERT(String($count))
// around the first mark of the index (unit 65); 63 and 64 are the emoji's two halves
$seen:=String(Character code($t[[62]]))+" "
For ($i; 65; 67)
	$seen:=$seen+String(Character code($t[[$i]]))+" "
End for 
ALERT($seen)
ALERT(String(Character code($t[[200]])))
$t:=$t+"Z"
ALERT($t[[201]]+" "+String(Length($t)))
Try
	$seen:=$t[[202]]
Catch
	ALERT(Last errors[0].message)
End try
ALERT(String("aaé"="aaé")+" "+String("a@@"="a@@")+" "+String("x@y"="x@y")+" "+String("abc"="ABC"))
// String of a small whole number is made once; appending to it changes only the copy
var $five : Text
$five:=String(5)
$five:=$five+"x"
$five[[1]]:="6"
ALERT($five+" "+String(5)+" "+String(5.5)+" "+String(-3)+" "+String(1023)+" "+String(1024))
