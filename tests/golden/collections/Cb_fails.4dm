// Callback helper for collection_callback_error: raises a runtime error on
// the element 3.
#DECLARE($item : Object) : Boolean
If ($item.value=3)
	return $item.value/"three"
End if 
return True
