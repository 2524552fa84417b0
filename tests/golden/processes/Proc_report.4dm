// Helper for new_process: reports what the process received, changes its
// copy of the object, and says it is done through a process variable of its own.
#DECLARE($n : Integer; $o : Object; $c : Collection; $f : 4D.Function)
$o.changed:=True
$c.push("pushed")
ALERT("process "+String(Current process)+" \""+Current process name+"\" got "+String($n)+" "+JSON Stringify($o)+" "+JSON Stringify($c)+" "+String($f.call(Null; 2)))
