#DECLARE($set : Text; $c : Text) : Boolean
// Exact (case-sensitive) membership, by character codes.
var $i : Integer
For ($i; 1; Length($set))
	If (Character code($set[[$i]])=Character code($c))
		return True
	End if 
End for 
return False
