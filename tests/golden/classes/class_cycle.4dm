// Classes that extend each other in a circle: 4D's interpreter does not
// detect it (documented); fourd raises an error when the class is first used.
Try
	var $o : Object:=cs.LoopA.new()
Catch
	ALERT("error "+String(Last errors[0].errCode)+": "+Last errors[0].message)
End try
