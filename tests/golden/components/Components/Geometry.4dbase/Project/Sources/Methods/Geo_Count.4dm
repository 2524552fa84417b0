//%attributes = {"shared":true}
// gCount is the component's process variable, not the host's.
#DECLARE() : Integer
gCount:=gCount+1
return gCount
