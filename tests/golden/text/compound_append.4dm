// $t+="x" appends as $t:=$t+"x" does: in place, and a copy taken before
// keeps its value.
var $t; $u : Text
$t:="a"
$u:=$t
$t+="b"
$t+="c"
ALERT($t+" "+$u)
C_TEXT(vLog)
vLog+="x"
vLog+="y"
ALERT(vLog)
var $n : Integer
$n+=2
$n+=1
ALERT(String($n))
var $count : Integer
For ($count; 1; 3)
	$t+=String($count)
End for
ALERT($t)
