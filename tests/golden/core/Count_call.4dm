#DECLARE($counter : Object) : Integer
// Counts its calls in $counter.n and returns the count.
$counter.n+=1
return $counter.n
