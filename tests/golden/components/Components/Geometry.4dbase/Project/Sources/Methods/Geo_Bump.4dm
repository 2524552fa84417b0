//%attributes = {"shared":true}
// The component's code reaches its singleton through its own cs.
#DECLARE() : Integer
return cs.Registry.me.bump()
