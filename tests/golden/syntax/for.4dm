For ($i; 1; 10)
	$sum+=$i
End for 
For ($i; 2; 10; 2)
	$even+=$i
End for 
For ($i; 10; 1; -1)
	$down:=$down+String:C10($i)
End for 
For ($i; Size of array:C274(arr); 1; -2)
End for 
For (vCounter; $start+1; $end-1)
	DoIt(vCounter)
End for 
For (<>gI; 0; $c.length-1)
End for 
