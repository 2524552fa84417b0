#DECLARE($n : Real) : Real
return $n*2
