// Match regex: pos_found and length_found go together (no form takes one alone).
var $pos : Integer
Try
	var $found:=Match regex("b"; "abc"; 1; $pos)
Catch
	ALERT(Last errors[0].message)
End try
// The documented forms: 2, 3 (+*), 5 (+*) arguments.
var $len : Integer
ALERT(String(Match regex("a.c"; "abc"))+" "+String(Match regex("b"; "abc"; 1))+" "+String(Match regex("b"; "abc"; 1; *))+" "+String(Match regex("b"; "abc"; 2; $pos; $len; *))+" "+String($pos)+" "+String($len))
