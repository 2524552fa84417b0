//%attributes = {"publishedWeb":true}
// /4DACTION/hello/NAME: greets NAME and counts the visits of the session.
#DECLARE($name : Text)
If (Session.storage.visits=Null)
	Use (Session.storage)
		Session.storage.visits:=New shared object("count"; 0)
	End use
End if
Use (Session.storage.visits)
	Session.storage.visits.count+=1
End use
WEB SEND TEXT("Hello "+$name+", visit "+String(Session.storage.visits.count)+" of this session"; "text/plain")
