var $i; $n : Integer
var $out : Text
For ($i; 1; 10; 3)
	$out:=$out+String($i)+" "
End for 
ALERT($out)
$out:=""
For ($i; 5; 1; -2)
	$out:=$out+String($i)+" "
End for 
ALERT($out+"after: "+String($i))
$out:=""
For ($i; 1; 10)
	If ($i%2=0)
		continue
	End if 
	If ($i>7)
		break
	End if 
	$out:=$out+String($i)
End for 
ALERT($out)
$n:=0
While ($n<3)
	$n+=1
End while 
ALERT(String($n))
Repeat 
	$n-=1
Until ($n<=0)
ALERT(String($n))
Case of 
	: ($n=1)
		ALERT("one")
	: ($n=0)
		ALERT("zero")
	Else 
		ALERT("other")
End case 
var $total : Real
For each ($v; [5; 10; 20; 40]) While ($total<30)
	$total+=$v
End for each 
ALERT(String($total))
$out:=""
For each ($k; {a: 1; b: 2})
	$out:=$out+$k
End for each 
ALERT($out)
$out:=""
For each ($v; [1; 2; 3; 4; 5]; 1; -1)
	$out:=$out+String($v)
End for each 
ALERT($out)
