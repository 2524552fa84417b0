// Helper for privileges_promote: roles.json promotes every call of this
// method to "medium" (which includes "simple"); it calls Roles_audited.
#DECLARE() : Text
var $inner : Text:=Roles_audited("nested")
return "raised: medium "+String(Session.hasPrivilege("medium"))+", simple "+String(Session.hasPrivilege("SIMPLE"))+", audit after the nested call "+String(Session.hasPrivilege("audit"))+", promote(simple) "+String(Session.promote("simple"))+"; "+$inner
