//%attributes = {}
// hello: the smallest 4D method.
ALERT("Hello from fourd")
