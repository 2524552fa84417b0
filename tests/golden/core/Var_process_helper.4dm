// Declares and changes the process variables of var_process.
var vCount : Integer
var vOther : Text
vCount:=vCount+10
vOther:="set by the helper"
