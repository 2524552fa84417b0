// The collections of a multiSort must have the same length.
var $a : Collection:=[2; 1]
$a.multiSort([[1; 2; 3]])
