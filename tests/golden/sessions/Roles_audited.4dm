// Helper for privileges_promote: roles.json promotes every call of this
// method to "audit" (a promote permission of type method).
#DECLARE($label : Text) : Text
return $label+": audit "+String(Session.hasPrivilege("audit"))+", promote(audit) "+String(Session.promote("audit"))+", in getPrivileges "+String(Session.getPrivileges().indexOf("audit")>=0)
