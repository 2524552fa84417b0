// Every member of 4D.Session in the standalone session (every process of
// fourd run) and in the stored-procedures session (processes started by
// Execute on server): each its own id and storage.
Session_report("standalone")
Use (Storage)
	Storage.sync:=New shared object
End use 
var $p : Integer:=Execute on server("Session_report"; 0; "procedure"; "stored procedure")
While (Storage.sync.done=Null)
	DELAY PROCESS(Current process; 1)
End while
ALERT("two sessions: "+String(Storage.sync.id#Session.id)+", the other's storage: "+String(Session storage(Storage.sync.id)#Session.storage))
ALERT(OB Class(Session).name+" "+String(OB Instance of(Session; 4D.Session))+" "+String(OB Is shared(Session)))
// Session info(id): the .info of that session; Null for an unknown id.
ALERT(Session info(Session.id).type+" "+String(Session info(Storage.sync.id).type)+" "+String(Session info("0123456789ABCDEF0123456789ABCDEF")=Null))
