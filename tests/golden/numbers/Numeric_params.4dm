// Count parameters inside arithmetic (helper of numeric_expressions).
#DECLARE($a : Integer; $b : Integer) : Real
return (Count parameters*10)+$a-$b
