// Callback helper for the collection_* cases: records each element it sees
// in the collection $2 and returns whether the element is positive.
#DECLARE($item : Object; $seen : Collection) : Boolean
$seen.push($item.value)
return $item.value>0
