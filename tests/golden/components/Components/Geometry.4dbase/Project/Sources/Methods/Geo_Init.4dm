//%attributes = {"shared":true}
// Sets the component's own process variable.
gCount:=0
