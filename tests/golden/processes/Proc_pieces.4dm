// Helper for output_lines: writes 200 lines, each in three pieces.
#DECLARE($s : Object)
var $i : Integer
For ($i; 1; 200)
	LOG EVENT(Into system standard outputs; "[line ")
	LOG EVENT(Into system standard outputs; "in ")
	LOG EVENT(Into system standard outputs; "pieces]\n")
End for
Use ($s)
	$s.done:=$s.done+1
End use
