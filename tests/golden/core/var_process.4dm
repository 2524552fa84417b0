// `var` declares process variables (`name`) and interprocess ones (`<>name`)
// too: typed, empty until assigned; a declaration does not reset a variable
// that holds a value, so each method may declare the ones it uses.
var vCount : Integer
var vName; vOther : Text
var <>lock : Object
var vTotal : Real:=2.5
ALERT(String(vCount)+" ["+vName+"] "+String(<>lock=Null)+" "+String(vTotal))
ALERT(String(Type(vCount))+" "+String(Type(vName))+" "+String(Type(vTotal)))
vCount:=vCount+1
Var_process_helper
ALERT(String(vCount)+" "+vOther)
