// An uncaught BLOB error: reading past the end stops the run with error -111.
var $b : Blob
SET BLOB SIZE($b; 3)
ALERT(String(BLOB to real($b; PC double real format)))
ALERT("not reached")
