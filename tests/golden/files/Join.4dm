#DECLARE($names : Pointer) : Text
// The elements of a text array, separated by commas.
var $all : Text
var $i : Integer
For ($i; 1; Size of array($names->))
	If ($i>1)
		$all:=$all+", "
	End if
	$all:=$all+$names->{$i}
End for
return $all
