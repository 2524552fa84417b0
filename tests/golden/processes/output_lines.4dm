// Output of several processes never mixes within a line: four processes
// write the same line in pieces at the same time; every line comes out whole
// (the 800 lines are all the same, whatever order the processes run in).
var $s : Object:=New shared object("done"; 0)
var $i : Integer
For ($i; 1; 4)
	New process("Proc_pieces"; 0; "writer "+String($i); $s)
End for
Repeat
	DELAY PROCESS(Current process; 1)
Until ($s.done=4)
ALERT("all done")
