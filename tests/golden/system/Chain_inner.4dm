// Gives the call chain as seen from here (helper of call_chain).
#DECLARE($n : Integer) : Collection
return Call chain
