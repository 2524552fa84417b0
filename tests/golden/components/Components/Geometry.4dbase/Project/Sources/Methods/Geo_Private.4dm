//%attributes = {"invisible":true}
// Not shared: only the component's own code calls it.
#DECLARE() : Text
return "private"
