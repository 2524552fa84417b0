// SET ASSERT ENABLED(assertions {; *}): with `*` for the calling process only,
// without it for every process, existing or to come.
SET ASSERT ENABLED(False; *)
ALERT("main, after False with *: "+String(Get assert enabled))
var $p:=New process("Assert_report"; 0; "first"; "first")
Wait_for($p)
SET ASSERT ENABLED(False)
ALERT("main, after False: "+String(Get assert enabled))
$p:=New process("Assert_report"; 0; "second"; "second")
Wait_for($p)
SET ASSERT ENABLED(True; *)
ALERT("main, after True with *: "+String(Get assert enabled))
$p:=New process("Assert_report"; 0; "third"; "third")
Wait_for($p)
// A failed assertion in a process that turned them off for itself only.
SET ASSERT ENABLED(False; *)
ASSERT(False)
ALERT("no error here")
