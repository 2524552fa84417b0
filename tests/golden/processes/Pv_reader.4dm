// Helper of process_variables: reads vtStatus of the main process (which
// waits for the signal meanwhile) and hands it back in the signal.
#DECLARE($read : 4D.Signal)
var $text : Text
GET PROCESS VARIABLE(1; vtStatus; $text)
Use ($read)
	$read.what:=$text
End use
$read.trigger()
