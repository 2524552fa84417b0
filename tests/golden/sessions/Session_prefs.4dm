// Helper for session_singleton: reports which process made its session's Prefs.
#DECLARE($label : Text; $sync : Object)
var $made : Integer:=cs.Prefs.me.made
Use ($sync)
	$sync[$label]:=$made
	$sync.done+=1
End use 
