// New signal and 4D.Signal: a shared object that processes wait for
var $signal : 4D.Signal
var $done : Object
var $p : Integer
$signal:=New signal("work done")
ALERT(String($signal.signaled)+" "+$signal.description+" "+String(OB Is shared($signal)))
ALERT(String(OB Instance of($signal; 4D.Signal))+" "+OB Class($signal).name+" "+String(OB Instance of($signal; 4D.Object)))
// without a description
ALERT("["+New signal.description+"]")
// a wait that times out returns False
ALERT("short wait: "+String($signal.wait(0.05))+" "+String($signal.wait(0)))
// another process fills in a result inside Use, then triggers the signal
$p:=New process("Signal_worker"; 0; "signal worker"; $signal; 21)
// a minute is only a safety net: the worker triggers the signal
ALERT("wait: "+String($signal.wait(60)))
ALERT("result: "+String($signal.result)+" "+String($signal.signaled))
// once signaled, wait returns at once, and trigger does nothing more
ALERT("again: "+String($signal.wait()))
$signal.trigger()
ALERT(String($signal.signaled))
// the description is changed inside Use; signaled cannot be set
Use ($signal)
	$signal.description:="renamed"
End use
ALERT($signal.description)
Try
	$signal.description:="outside"
Catch
	ALERT("outside Use: error "+String(Last errors[0].errCode))
End try
Try
	Use ($signal)
		$signal.signaled:=False
	End use
Catch
	ALERT("signaled: error "+String(Last errors[0].errCode))
End try
ALERT(String($signal.signaled))
// several processes wait for one signal; a worker triggers it
$done:=New shared object("count"; 0; "woken"; 0)
var $start : 4D.Signal
$start:=New signal
$p:=New process("Signal_waiter"; 0; "waiter 1"; $start; $done)
$p:=New process("Signal_waiter"; 0; "waiter 2"; $start; $done)
CALL WORKER("signal trigger"; "Signal_trigger"; $start)
Repeat
	DELAY PROCESS(Current process; 1)
Until ($done.count=2)
ALERT("woken by the signal: "+String($done.woken))
// wrong arguments
Try
	ALERT(String($signal.wait("soon")))
Catch
	ALERT("error "+String(Last errors[0].errCode))
End try
Try
	$signal:=New signal(3)
Catch
	ALERT("error "+String(Last errors[0].errCode))
End try
