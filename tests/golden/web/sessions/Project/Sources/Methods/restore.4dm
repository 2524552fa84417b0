//%attributes = {"publishedWeb":true}
#DECLARE($token : Text)
var $ok : Boolean:=Session.restore($token)
WEB SEND TEXT("restored: "+String($ok)+" into "+Session.id; "text/plain")
