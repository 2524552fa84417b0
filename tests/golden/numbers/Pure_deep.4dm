#DECLARE($n : Integer) : Integer
// Calls itself without end: 4D's "stack full" error.
return Pure_deep($n+1)+1
