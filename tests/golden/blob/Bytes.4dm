#DECLARE($blob : Blob) : Text
// The bytes of a BLOB in hexadecimal, separated by spaces.
var $i : Integer
var $out : Text
For ($i; 0; BLOB size($blob)-1)
	If ($i>0)
		$out+=" "
	End if 
	$out+=Substring(String($blob{$i}; "&$"); 2)
End for 
return $out
