//%attributes = {"publishedWeb":true}
var $ok : Boolean:=Session.clearPrivileges()
WEB SEND TEXT("cleared: "+String($ok)+", privileges: "+JSON Stringify(Session.getPrivileges()); "text/plain")
