// A project without roles.json declares no privilege, WebAdmin included:
// .setPrivileges() sets none and returns False, .promote() gives 0.
var $s : 4D.Session:=Session
ALERT("setPrivileges: "+String($s.setPrivileges("viewer"))+" "+JSON Stringify($s.getPrivileges()))
ALERT("object: "+String($s.setPrivileges({privileges: "WebAdmin"; roles: "admin"}))+" "+JSON Stringify($s.getPrivileges()))
ALERT("hasPrivilege: "+String($s.hasPrivilege("viewer"))+" "+String($s.hasPrivilege("WebAdmin")))
ALERT("promote: "+String($s.promote("viewer"))+", has it: "+String($s.hasPrivilege("viewer")))
ALERT("clearPrivileges: "+String($s.clearPrivileges())+", guest: "+String($s.isGuest()))
