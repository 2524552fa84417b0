// .setPrivileges() with the roles.json beside this case: declared names are
// kept (in any case, spelt as declared), undeclared ones left out silently;
// roles give their privileges and includes expand transitively, cycles
// included; each call replaces the privileges; .getPrivileges() lists them
// in their roles.json order.
var $s : 4D.Session:=Session
var $ok : Boolean
ALERT("guest: "+String($s.isGuest())+", none yet: "+JSON Stringify($s.getPrivileges()))
$ok:=$s.setPrivileges("EDITOR, nobody")
ALERT("text: "+String($ok)+" "+JSON Stringify($s.getPrivileges()))
ALERT("has viewer: "+String($s.hasPrivilege("viewer"))+", has VIEWER: "+String($s.hasPrivilege("VIEWER"))+", has nobody: "+String($s.hasPrivilege("nobody"))+", has a: "+String($s.hasPrivilege("a")))
$ok:=$s.setPrivileges(["medium"; "unknown"; "a"])
ALERT("collection replaces: "+String($ok)+" "+JSON Stringify($s.getPrivileges())+", still editor: "+String($s.hasPrivilege("editor")))
$ok:=$s.setPrivileges({roles: "boss"})
ALERT("role Boss: "+String($ok)+" "+JSON Stringify($s.getPrivileges()))
$ok:=$s.setPrivileges({roles: ["Reader"; "Ghost"]; privileges: "b"})
ALERT("roles and privileges: "+String($ok)+" "+JSON Stringify($s.getPrivileges()))
$ok:=$s.setPrivileges({roles: "Empty"; privileges: ["Boss"]})
ALERT("an empty role, and a role's name as a privilege: "+String($ok)+" "+JSON Stringify($s.getPrivileges()))
$ok:=$s.setPrivileges("loopB")
ALERT("a cycle of includes: "+String($ok)+" "+JSON Stringify($s.getPrivileges()))
$ok:=$s.setPrivileges("webadmin")
ALERT("WebAdmin is always declared: "+String($ok)+" "+JSON Stringify($s.getPrivileges()))
$ok:=$s.setPrivileges("nobody, ghost")
ALERT("only undeclared names: "+String($ok)+" "+JSON Stringify($s.getPrivileges()))
$ok:=$s.setPrivileges(New shared object("privileges"; New shared collection("audit")))
ALERT("a shared object: "+String($ok)+" "+JSON Stringify($s.getPrivileges()))
$ok:=$s.setPrivileges("high")
ALERT("clearPrivileges: "+String($s.clearPrivileges())+" "+JSON Stringify($s.getPrivileges())+", has high: "+String($s.hasPrivilege("high"))+", guest: "+String($s.isGuest()))
Try
	$s.setPrivileges(12)
Catch
	ALERT("a number: error "+String(Last errors[0].errCode))
End try
// Every process of the session sees its privileges.
$s.setPrivileges("editor")
var $signal : 4D.Signal:=New signal
CALL WORKER("roles checker"; Formula(Session.hasPrivilege("viewer") ? $1.trigger() : 0); $signal)
ALERT("another process has them: "+String($signal.wait(10)))
KILL WORKER("roles checker")
