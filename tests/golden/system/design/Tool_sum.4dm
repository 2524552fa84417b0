// A helper listed by method_paths (in no folder).
#DECLARE($a : Real; $b : Real) : Real
return $a+$b
