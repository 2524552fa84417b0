// The host's handler of the errors of components that have none.
LOG EVENT(Into system standard outputs; "  host handler for components: error "+String(Error)+" in "+Error method+"\n")
