// Prints the call chain, one level a line (helper of call_chain).
#DECLARE($chain : Collection)
var $level : Object
For each ($level; $chain)
	ALERT($level.type+" "+$level.name+" line "+String($level.line)+" ["+$level.database+"] "+String($level.formula))
End for each
ALERT("--")
