//%attributes = {}
// A golden test: its standard output must be hello.out.
ALERT("Hello from fourd")
