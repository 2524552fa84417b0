#DECLARE($n : Integer) : Integer
// Calls a method with an effect: that method runs once, never twice.
return Log_value($n)+Pure_inner($n)
