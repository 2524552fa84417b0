//%attributes = {"shared":true}
// Shared with the components: they may run it with EXECUTE METHOD.
#DECLARE($from : Text) : Text
return "host method called "+$from
