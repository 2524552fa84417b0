// Tag_rows(n): the method of a 4DLOOP: True while there are rows; sets tagRow.
#DECLARE($n : Integer) : Boolean
If ($n=0)
	tagRow:=""
	return True
End if 
tagRow:="row "+String($n)
return $n<=3
