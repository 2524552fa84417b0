#DECLARE($n : Real) : Real
return $n/"two"
