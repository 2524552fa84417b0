// The host's own error handler.
LOG EVENT(Into system standard outputs; "  host local handler: error "+String(Error)+" in "+Error method+"\n")
