// ON ERR CALL with ek global: the handler catches the errors of every
// process of the application, unless the process has its own (ek local).
ON ERR CALL("Global_Handler"; ek global)
LOG EVENT(Into system standard outputs; "global: '"+Method called on error(ek global)+"', local: '"+Method called on error(ek local)+"'\n")
var $done : 4D.Signal
var $p : Integer
$done:=New signal
$p:=New process("Global_Fails"; 0; "first"; False; $done)
LOG EVENT(Into system standard outputs; "first done: "+String($done.wait(30))+"\n")
$done:=New signal
$p:=New process("Global_Fails"; 0; "second"; True; $done)
LOG EVENT(Into system standard outputs; "second done: "+String($done.wait(30))+"\n")
// The main process has no local handler either: the global one catches its errors.
throw(9301; "in the main process")
LOG EVENT(Into system standard outputs; "main went on\n")
// A scope that does not exist is an error.
ON ERR CALL("Global_Handler"; 7)
