#DECLARE($n : Integer) : Integer
LOG EVENT(Into system standard outputs; "logged "+String($n)+"\n")
return $n
