// Change string overwrites, Insert string inserts, Delete string deletes.
ALERT(Change string("Acme"; "CME"; 2)+" "+Change string("November"; "Dec"; 1)+" "+Change string("abc"; "XYZ"; 3)+" "+Change string("abc"; ""; 1))
ALERT(Change string("abc"; "X"; 0)+" "+Change string("abc"; "X"; 4)+" "+Change string("abc"; "X"; -5))
ALERT(Insert string("The tree"; " green"; 4)+"|"+Insert string("Shut"; "o"; 3)+"|"+Insert string("Indention"; "ta"; 6))
ALERT(Insert string("abc"; "X"; 0)+"|"+Insert string("abc"; "X"; 99)+"|"+Insert string("abc"; ""; 2)+"|"+Insert string(""; "X"; 1))
ALERT(Delete string("Lamborghini"; 6; 6)+" "+Delete string("Indentation"; 6; 2)+" "+Delete string("abcdef"; 3; 32000))
ALERT(Delete string("abc"; 4; 1)+" "+Delete string("abc"; 1; 0)+" "+Delete string("abc"; 2; -1)+" "+Delete string("abcdef"; 0; 2)+" ["+Delete string(""; 1; 1)+"]")
// Positions count UTF-16 code units.
ALERT(Change string("café!"; "E"; 4)+" "+Insert string("naïve"; "-"; 4)+" "+Delete string("crème brûlée"; 6; 7))
