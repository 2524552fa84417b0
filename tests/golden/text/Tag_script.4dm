// Tag_script(param): what a 4DSCRIPT tag inserts; a text starting with
// Char(1) is HTML.
#DECLARE($param : Text) : Text
If ($param="/html")
	return Char(1)+"<i>html</i>"
End if 
return "<got "+$param+">"
