// `var ${2} : Integer` declares the parameters from the second on, as
// C_LONGINT(${2}) does.
LOG EVENT(Into system standard outputs; Sum_rest("total "; 1; 2; 3; 4)+"\n")
