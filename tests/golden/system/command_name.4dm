// Command name gives a command's name from its number, and sets OK.
LOG EVENT(Into system standard outputs; Command name(1)+" "+Command name(41)+" OK="+String(OK)+"\n")
// Also for commands fourd does not run.
LOG EVENT(Into system standard outputs; Command name(1141)+"\n")
// The current name of a renamed command.
LOG EVENT(Into system standard outputs; Command name(1495)+"\n")
// A number no command has: "" and OK 0.
var $none : Text
$none:=Command name(99999)
LOG EVENT(Into system standard outputs; "["+$none+"] OK="+String(OK)+"\n")

// Application file is the running application: fourd's executable.
var $app : 4D.File
$app:=File(Application file; fk platform path)
LOG EVENT(Into system standard outputs; $app.name+" "+String($app.exists)+"\n")
