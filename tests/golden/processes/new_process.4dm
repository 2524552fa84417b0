// New process runs a method in a new process numbered after the main one
// (1), with copies of the objects, collections and formulas passed; the
// creator waits for its end with Process state (Aborted, -1, once ended).
var $o : Object:={a: 1}
var $c : Collection:=[1]
var $k : Integer:=10
var $p : Integer
ALERT("main is "+String(Current process)+" \""+Current process name+"\"")
$p:=New process("Proc_report"; 0; "reporter"; 42; $o; $c; Formula($1*$k))
While (Process state($p)>=0)
	DELAY PROCESS(Current process; 1)
End while
ALERT("state after the end: "+String(Process state($p)))
ALERT("the main copies did not change: "+JSON Stringify($o)+" "+JSON Stringify($c))
ALERT("Process number of an ended process: "+String(Process number("reporter")))
ALERT("Process state of no process: "+String(Process state(999)))
ALERT("Process number of no process: "+String(Process number("nobody")))
