//%attributes = {"publishedWeb":true}
// Counts the visits of the session; answers with the count and the session id.
If (Session.storage.visits=Null)
	Use (Session.storage)
		Session.storage.visits:=New shared object("count"; 0)
	End use
End if
Use (Session.storage.visits)
	Session.storage.visits.count+=1
End use
WEB SEND TEXT(JSON Stringify({count: Session.storage.visits.count; session: Session.id}); "application/json")
