//%attributes = {"publishedWeb":true}
// Counts the requests of the session in its storage, under Use.
If (Session.storage.counter=Null)
	Use (Session.storage)
		Session.storage.counter:=New shared object("value"; 0)
	End use
End if
Use (Session.storage.counter)
	Session.storage.counter.value+=1
End use
WEB SEND TEXT(Session.id+" "+String(Session.storage.counter.value); "text/plain")
