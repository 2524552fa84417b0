// ON ERR CALL belongs to the project that calls it: an error in a component's
// code goes to the component's handler; a component without one sends its
// errors to the host's "ek errors from components" handler, never to the
// host's local or global handlers.
ON ERR CALL("Host_Local")
ON ERR CALL("Host_Local"; ek global)
ON ERR CALL("Host_Components"; ek errors from components)
LOG EVENT(Into system standard outputs; "host handlers: '"+Method called on error+"' '"+Method called on error(ek global)+"' '"+Method called on error(ek errors from components)+"'\n")

LOG EVENT(Into system standard outputs; "a component without a handler:\n")
LOG EVENT(Into system standard outputs; Geo_Fail+"\n")

LOG EVENT(Into system standard outputs; "a component with its own handler:\n")
LOG EVENT(Into system standard outputs; Geo_Catch+"\n")
LOG EVENT(Into system standard outputs; "the host's handler is still '"+Method called on error+"'\n")

LOG EVENT(Into system standard outputs; "an error in the host's code:\n")
throw(9200; "host failure")
LOG EVENT(Into system standard outputs; "host went on\n")

// Without the host's handler for components, a component's error is not caught.
ON ERR CALL(""; ek errors from components)
ON ERR CALL("")
ON ERR CALL(""; ek global)
LOG EVENT(Into system standard outputs; "no handler:\n")
var $t : Text
$t:=Geo_Fail
