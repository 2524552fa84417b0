// Assigns the process variable that `uses_helper` reads.
gCounter:=gCounter+1
