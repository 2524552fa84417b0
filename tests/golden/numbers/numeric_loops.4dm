// `For` loops over numeric locals (fourd runs them on its numeric walker):
// counters, Integer and Real locals, nested loops and the methods they call
// end as the generic walker leaves them, errors included.
var $i; $j; $k; $total; $zero : Integer
var $r : Real
var $t : Text
$t:="untouched"
For ($i; 1; 1000)
	$k:=$i%7
	$total:=$total+(($k*$k)%5)
End for 
LOG EVENT(Into system standard outputs; "total "+String($total)+" i "+String($i)+" k "+String($k)+"\n")
// Real steps, a counter that goes down, a body that moves the counter.
For ($r; 0; 1; 0.25)
	$total:=$total+1
End for 
LOG EVENT(Into system standard outputs; "r "+String($r)+" total "+String($total)+"\n")
For ($i; 10; 1; -3)
	$j:=$j+$i
End for 
LOG EVENT(Into system standard outputs; "down i "+String($i)+" j "+String($j)+"\n")
For ($i; 1; 10)
	$i:=$i+1
	$k:=$i
End for 
LOG EVENT(Into system standard outputs; "moved i "+String($i)+" k "+String($k)+"\n")
// Nested loops, While inside, an Integer local given Reals.
$total:=0
For ($i; 1; 20)
	For ($j; 1; $i)
		$k:=$j/2
		$total:=$total+$k
	End for 
	While ($k>0)
		$k:=$k-4
	End while 
End for 
LOG EVENT(Into system standard outputs; "nested "+String($total)+" k "+String($k)+"\n")
// A numeric method called from the loop (loaded on the way).
$r:=0
For ($i; 1; 5)
	$r:=$r+Pure_square($i/2)
End for 
LOG EVENT(Into system standard outputs; "squares "+String($r)+"\n")
// `%` by zero part way: the error comes at the right turn, the locals
// assigned before it keep their values.
$total:=0
Try
	For ($i; 3; -3; -1)
		$total:=$total+1
		$k:=10%$i
	End for 
Catch
	LOG EVENT(Into system standard outputs; "caught "+String(Last errors[0].errCode)+"\n")
End try
LOG EVENT(Into system standard outputs; "after i "+String($i)+" total "+String($total)+" t "+$t+"\n")
