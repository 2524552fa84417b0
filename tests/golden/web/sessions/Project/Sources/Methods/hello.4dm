//%attributes = {"publishedWeb":true}
// The example of 4D's Session page, in fourd's words: a method published
// to the web answers with what the session may do.
#DECLARE($param : Text)
var $answer : Text:="hello "+$param
If (Session.hasPrivilege("WebAdmin"))
	$answer+=" (admin)"
Else
	$answer+=" (guest)"
End if
WEB SEND TEXT($answer; "text/plain")
