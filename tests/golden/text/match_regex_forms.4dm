// Match regex: the documented forms take 2, 3 (+*) or 5 (+*) arguments;
// pos_found and length_found go together (4 arguments is a resolve error,
// see check/command_arity_signature).
var $pos; $len : Integer
ALERT(String(Match regex("a.c"; "abc"))+" "+String(Match regex("b"; "abc"; 1))+" "+String(Match regex("b"; "abc"; 1; *))+" "+String(Match regex("b"; "abc"; 2; $pos; $len; *))+" "+String($pos)+" "+String($len))
