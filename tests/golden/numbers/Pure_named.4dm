#DECLARE($n : Integer) -> $sum : Real
// A named result, a For loop, a While and a Repeat loop, Case of.
var $i; $k : Integer
For ($i; 1; $n)
	$sum:=$sum+(1/$i)
End for 
$k:=0
While ($k<$n)
	$k:=$k+3
End while 
Repeat 
	$k:=$k-1
Until ($k<=$n)
Case of 
	: ($k=$n)
		$sum:=$sum+1000
	: ($k>$n)
		$sum:=$sum+2000
	Else 
		$sum:=$sum+3000
End case 
