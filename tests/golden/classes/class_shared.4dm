// Shared classes: instances are shared objects; a shared Function takes
// Use (This) by itself, another function writing This outside Use fails.
// Singletons: cs.X.me is made on first use; a shared singleton is one
// for the whole run, a plain singleton one per process.
var $tally : cs.Tally:=cs.Tally.new(5)
ALERT(String(OB Is shared($tally))+" "+String(OB Is shared($tally.seen))+" "+OB Class($tally).name+" "+String(cs.Tally.isShared))
$tally.increment(2)
ALERT(String($tally.peek())+" "+JSON Stringify($tally.seen))
Try
	$tally.tryWrite()
Catch
	ALERT("error "+String(Last errors[0].errCode))
End try
ALERT(String(cs.Registry.isSingleton)+" "+String(cs.Registry.isShared)+" "+String(cs.Settings.isSingleton)+" "+String(cs.Settings.isShared))
cs.Registry.me.add("main")
ALERT("main: Settings made by process "+String(cs.Settings.me.made))
cs.Settings.me.theme:="dark"
Use (Storage)
	Storage.sync:=New shared object
End use
var $p : Integer:=New process("Class_worker"; 0; "class worker"; $tally)
While (Storage.sync.done=Null)
	DELAY PROCESS(Current process; 1)
End while
ALERT(JSON Stringify(cs.Registry.me.names)+" "+String(cs.Registry.me=cs.Registry.me))
ALERT(String($tally.count)+" "+JSON Stringify($tally.seen))
ALERT("main theme still "+cs.Settings.me.theme)
