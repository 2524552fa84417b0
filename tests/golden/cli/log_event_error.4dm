// `Error message` goes to standard error.
LOG EVENT(Into system standard outputs; "to stderr\n"; Error message)
ALERT(String(1/"x"))
