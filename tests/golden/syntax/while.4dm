$i:=0
While ($i<3)
	$i+=1
End while 
While (False:C215)
End while 
While ($o.next#Null:C1517) & ($n<100)
	$o:=$o.next
	$n+=1
End while 
