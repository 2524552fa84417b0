// An element of a Text array holds text only.
ARRAY TEXT($t; 1)
$t{1}:=12
