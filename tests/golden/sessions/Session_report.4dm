// Helper for session_members: reports what Session gives in the running
// process's session.
#DECLARE($label : Text)
var $s : 4D.Session:=Session
ALERT($label+": type "+$s.info.type+", user "+$s.userName+", id of "+String(Length($s.id))+" hex digits: "+String(Match regex("^[0-9A-F]{32}$"; $s.id; 1)))
ALERT($label+": info "+JSON Stringify(OB Keys($s.info))+", info.ID is the id: "+String($s.info.ID=$s.id))
ALERT($label+": storage shared "+String(OB Is shared($s.storage))+", empty "+String(OB Keys($s.storage).length=0)+", same each time "+String(Session.storage=$s.storage)+", same object "+String(Session=$s))
ALERT($label+": isGuest "+String($s.isGuest())+", idleTimeout "+String($s.idleTimeout=Null)+", expirationDate "+String($s.expirationDate=Null))
ALERT($label+": setPrivileges "+String($s.setPrivileges("viewer, editor"))+" "+JSON Stringify($s.getPrivileges())+" "+String($s.hasPrivilege("editor"))+" "+String($s.hasPrivilege("admin")))
ALERT($label+": setPrivileges(object) "+String($s.setPrivileges({privileges: ["a"]; roles: "b"}))+" "+JSON Stringify($s.getPrivileges()))
ALERT($label+": clearPrivileges "+String($s.clearPrivileges())+" "+JSON Stringify($s.getPrivileges())+" isGuest "+String($s.isGuest()))
ALERT($label+": createOTP of "+String(Length($s.createOTP()))+" digits, restore "+String($s.restore($s.createOTP(60)))+", promote "+String($s.promote("editor")))
$s.demote(1)
Try
	$s.userName:="someone"
Catch
	ALERT($label+": userName is read-only: error "+String(Last errors[0].errCode))
End try
If ($label="stored procedure")
	Use (Storage.sync)
		Storage.sync.id:=$s.id
		Storage.sync.done:=True
	End use 
End if 
