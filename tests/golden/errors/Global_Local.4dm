// A process's own handler, helper of on_err_call_global.
LOG EVENT(Into system standard outputs; "local handler in "+Current process name+": error "+String(Error)+"\n")
