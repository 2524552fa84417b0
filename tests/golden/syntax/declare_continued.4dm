#DECLARE ($a : Text; \
	$b : Integer; \
	$c : cs.Person)->$r : Text
$r:=$a
