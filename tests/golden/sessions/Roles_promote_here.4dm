// Helper for privileges_promote: promotes a privilege in its own call and
// tells what the process has while it runs.
#DECLARE($privilege : Text) : Text
var $id : Integer:=Session.promote($privilege)
return "id "+String($id)+", inside: "+String(Session.hasPrivilege($privilege))
