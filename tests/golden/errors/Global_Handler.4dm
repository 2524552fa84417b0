// The application's error handler (ek global), helper of on_err_call_global.
LOG EVENT(Into system standard outputs; "global handler in "+Current process name+": error "+String(Error)+"\n")
