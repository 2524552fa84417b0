#DECLARE($a : Integer; $b : Integer) : Integer
// `%` by zero is 4D's error, raised here with this method in the chain.
return Pure_inner($a)%$b
