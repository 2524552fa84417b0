// A process whose code raises an error (helper of on_err_call_global); with
// $local, it installs its own handler first, which then comes before the
// global one. It triggers $done at its end.
#DECLARE($local : Boolean; $done : 4D.Signal)
If ($local)
	ON ERR CALL("Global_Local")
End if
throw(9300; "in "+Current process name)
LOG EVENT(Into system standard outputs; Current process name+" went on\n")
$done.trigger()
