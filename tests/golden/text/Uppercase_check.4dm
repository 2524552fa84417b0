#DECLARE($t : Text) : Text
// Keeps only 0-9 and A-F: a UUID from Generate UUID is unchanged.
var $i : Integer
var $out : Text
For ($i; 1; Length($t))
	If (Position_in("0123456789ABCDEF"; $t[[$i]]))
		$out:=$out+$t[[$i]]
	End if 
End for 
return $out
