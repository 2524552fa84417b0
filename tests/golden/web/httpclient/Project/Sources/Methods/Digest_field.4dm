// Digest_field(header; name): the value of name="..." or name=... in an
// Authorization field of the Digest scheme.
#DECLARE($header : Text; $name : Text) : Text
var $at : Integer:=Position(" "+$name+"="; $header)
If ($at=0)
	return ""
End if 
var $rest : Text:=Substring($header; $at+Length($name)+2)
If (Substring($rest; 1; 1)=Char(34))
	$rest:=Substring($rest; 2)
	return Substring($rest; 1; Position(Char(34); $rest)-1)
End if 
var $end : Integer:=Position(","; $rest)
return ($end=0) ? $rest : Substring($rest; 1; $end-1)
