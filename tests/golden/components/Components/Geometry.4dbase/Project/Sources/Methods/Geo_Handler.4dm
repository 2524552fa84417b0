// The component's own error handler (not shared).
LOG EVENT(Into system standard outputs; "  component handler: error "+String(Error)+" in "+Error method+"\n")
