// A session singleton (session singleton Class constructor) has one
// instance per session: the processes of the standalone session share one,
// a process of the stored-procedures session has its own.
var $sync : Object:=New shared object("done"; 0)
ALERT("made by "+String(cs.Prefs.me.made)+", shared "+String(OB Is shared(cs.Prefs.me))+", "+String(cs.Prefs.isSessionSingleton)+" "+String(cs.Prefs.isShared))
New process("Session_prefs"; 0; "same session"; "standalone"; $sync)
While ($sync.done<1)
	DELAY PROCESS(Current process; 1)
End while
Execute on server("Session_prefs"; 0; "procedure"; "stored"; $sync)
While ($sync.done<2)
	DELAY PROCESS(Current process; 1)
End while
ALERT("another process of the session: made by "+String($sync.standalone))
ALERT("the stored-procedures session: its own, made by process "+String($sync.stored)+" (not 1: "+String($sync.stored#1)+")")
