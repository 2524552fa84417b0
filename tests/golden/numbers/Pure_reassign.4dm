#DECLARE($n : Integer) : Integer
// Changes its parameter, then calls a method not loaded yet.
$n:=$n*10
return Pure_late($n)+$n
