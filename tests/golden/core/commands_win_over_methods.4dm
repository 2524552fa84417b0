// A project method named like a command is not called by its name: the
// command wins (here Date and Formula, both also methods of this folder). A
// command that takes a method's name as text (New process) still runs it.
ALERT(String(Formula(1+1).call()))
ALERT(String(Date("2020-01-02")=!2020-01-02!))
var $state : Object:=New shared object
var $p:=New process("Formula"; 0; "by name"; $state)
Repeat
	DELAY PROCESS(Current process; 1)
Until ($state.ran#Null)
ALERT($state.ran)
