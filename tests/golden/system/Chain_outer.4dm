// Calls Chain_inner from its third line (helper of call_chain).
#DECLARE() : Collection
var $chain : Collection
$chain:=Chain_inner(1)
return $chain
