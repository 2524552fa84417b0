//%attributes = {"publishedWeb":true}
#DECLARE($role : Text)
var $ok : Boolean:=Session.setPrivileges({roles: $role; userName: "ann"})
WEB SEND TEXT("set: "+String($ok)+", privileges: "+JSON Stringify(Session.getPrivileges())+", user: "+Session.userName; "text/plain")
