// Runs before each dynamic request: counts them.
If (Storage.dynamic=Null)
	Use (Storage)
		Storage.dynamic:=New shared object("count"; 0)
	End use
End if
Use (Storage.dynamic)
	Storage.dynamic.count+=1
End use
