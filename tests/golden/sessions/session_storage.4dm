// Session storage(id): the storage of a session, shared by its processes;
// the same object as Session.storage; Null for an unknown id; writing it
// outside Use is an error. Process activity lists the session and every
// running process with its session id.
var $sync : Object:=New shared object("done"; 0)
var $i : Integer
For ($i; 1; 3)
	New process("Session_worker"; 0; "writer "+String($i); Session.id; "text "+String($i); $sync)
	While ($sync.done<$i)
		DELAY PROCESS(Current process; 1)
	End while
End for 
ALERT(Session storage(Session.id).settings.text)
ALERT(String(Session storage(Session.id)=Session.storage)+" "+String(OB Is shared(Session.storage)))
ALERT(String(Session storage("0123456789ABCDEF0123456789ABCDEF")=Null)+" "+String(Session storage("not an id")=Null))
Try
	Session.storage.direct:=1
Catch
	ALERT("outside Use: error "+String(Last errors[0].errCode))
End try
var $activity : Object:=Process activity
ALERT(String($activity.sessions.length)+" session, "+$activity.sessions[0].type+", same id: "+String($activity.sessions[0].ID=Session.id))
ALERT($activity.processes.extract("name").join(", "))
ALERT("all in the session: "+String($activity.processes.every(Formula($1.value.sessionID=Session.id))))
ALERT(String($activity.processes[1].session.ID=Session.id)+" "+String(Process info(Current process).sessionID=Session.id))
ALERT(JSON Stringify(OB Keys(Process activity(Processes only))))
ALERT(JSON Stringify(OB Keys(Process activity(Sessions only)))+" "+String(Process activity("0123456789ABCDEF0123456789ABCDEF")=Null))
Use ($sync)
	$sync.go:=True
End use 
