#DECLARE($n : Integer) : Integer
return $n+1
