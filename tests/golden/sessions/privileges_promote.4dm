// .promote() puts a privilege on the running process only, for the method
// that called it, with an id from 1 up; 0 for an undeclared privilege or
// one already on the process. .demote(id) ends it. Promoted privileges count
// for .hasPrivilege() but not .getPrivileges(), and .clearPrivileges()
// leaves them. A promote permission of roles.json promotes a method's calls.
var $s : 4D.Session:=Session
$s.clearPrivileges()
var $medium : Integer:=$s.promote("Medium")
ALERT("promote medium: "+String($medium)+", has medium "+String($s.hasPrivilege("medium"))+", has simple (included) "+String($s.hasPrivilege("simple"))+", getPrivileges "+JSON Stringify($s.getPrivileges()))
ALERT("again: "+String($s.promote("medium"))+", an included one: "+String($s.promote("simple"))+", undeclared: "+String($s.promote("nobody"))+", a role: "+String($s.promote("Boss")))
var $audit : Integer:=$s.promote("audit")
ALERT("promote audit: "+String($audit)+", clearPrivileges "+String($s.clearPrivileges())+", still audit "+String($s.hasPrivilege("audit")))
$s.demote(99)
$s.demote(0)
$s.demote(-1)
ALERT("unknown ids change nothing: medium "+String($s.hasPrivilege("medium"))+", audit "+String($s.hasPrivilege("audit")))
$s.demote($medium)
ALERT("demote medium: medium "+String($s.hasPrivilege("medium"))+", simple "+String($s.hasPrivilege("simple"))+", audit "+String($s.hasPrivilege("audit")))
$s.demote($medium)
$s.demote($audit)
$medium:=$s.promote("medium")
ALERT("demote audit: "+String($s.hasPrivilege("audit"))+", promote medium again: "+String($medium))
// A promotion lasts until the method that made it returns.
ALERT("in a method: "+Roles_promote_here("editor")+"; after it: "+String($s.hasPrivilege("editor")))
// Only the running process has them.
var $signal : 4D.Signal:=New signal
CALL WORKER("promotions"; "Roles_check"; $signal)
ALERT("in a worker: done "+String($signal.wait(10))+", medium "+String($signal.medium)+"; here: medium "+String($s.hasPrivilege("medium")))
KILL WORKER("promotions")
$s.demote($medium)
// A session privilege counts too, promoted or not.
$s.setPrivileges("editor")
ALERT("set editor: promote viewer "+String($s.promote("viewer"))+", getPrivileges "+JSON Stringify($s.getPrivileges()))
$s.clearPrivileges()
// roles.json promotes Roles_audited (any case) to audit, Roles_raised to medium.
ALERT(Roles_audited("direct")+"; after: "+String($s.hasPrivilege("audit")))
ALERT(roles_AUDITED("any case"))
ALERT(Formula(Roles_audited("in a formula")).call())
ALERT(Roles_raised())
ALERT("after: medium "+String($s.hasPrivilege("medium"))+", simple "+String($s.hasPrivilege("simple")))
