// With *, New process returns the number of a running process of that name
// instead of starting another; an array cannot be passed; an unknown method
// is an error; RESUME PROCESS ends a delay.
var $first; $second : Integer
$first:=New process("Proc_wait"; 0; "only one"; *)
$second:=New process("Proc_wait"; 0; "only one"; *)
ALERT(String($first=$second)+" "+String(Process number("only one")=$first))
// RESUME PROCESS ends the delay of a delayed process (state 1).
While (Process state($first)#1)
	DELAY PROCESS(Current process; 1)
End while
RESUME PROCESS($first)
ARRAY TEXT($a; 2)
ALERT(String(Undefined(Try(New process("Proc_wait"; 0; "x"; $a)))))
ALERT(Last errors[0].message)
ALERT(String(Undefined(Try(New process("No_such_method"; 0; "x")))))
ALERT(Last errors[0].message)
While (Process state($first)>=0)
	DELAY PROCESS(Current process; 1)
End while
ALERT("done")
