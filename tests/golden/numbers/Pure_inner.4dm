#DECLARE($a : Integer) : Integer
return $a*2
