//%attributes = {"publishedWeb":true}
// No scalable sessions: no Session, no session id, no cookie.
WEB SEND TEXT("Session is Null: "+String(Session=Null)+", id: ["+WEB Get current session ID+"]"; "text/plain")
