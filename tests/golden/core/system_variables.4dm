// The event and import/export system variables exist in every process,
// with the values 4D gives them when no event happens.
LOG EVENT(Into system standard outputs; String(MouseDown)+" "+String(KeyCode)+" "+String(Modifiers)+" "+String(MouseX)+" "+String(MouseY)+"\n")
// Fields end with a tab and records with a carriage return.
LOG EVENT(Into system standard outputs; String(FldDelimit)+" "+String(RecDelimit)+"\n")
// They are variables: code may set them.
FldDelimit:=59
LOG EVENT(Into system standard outputs; String(FldDelimit)+"\n")
// A pointer reaches them too.
var $p : Pointer
$p:=->RecDelimit
LOG EVENT(Into system standard outputs; String($p->)+"\n")
