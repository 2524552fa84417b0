// Helper for session_storage: sets the text from its own process, then
// waits (staying in Process activity) until the main process lets it go.
#DECLARE($id : Text; $text : Text; $sync : Object)
Session_set_text($id; $text)
Use ($sync)
	$sync.done+=1
End use 
While ($sync.go=Null)
	DELAY PROCESS(Current process; 1)
End while
