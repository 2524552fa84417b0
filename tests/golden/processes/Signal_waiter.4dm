// Helper of signals: waits for the signal (a minute as a safety net), counts itself.
#DECLARE($signal : 4D.Signal; $done : Object)
var $woke : Boolean
$woke:=$signal.wait(60)
Use ($done)
	$done.count:=$done.count+1
	$done.woken:=$done.woken+Num($woke)
End use
