// Position(find; aString; start; lengthFound; options): the sk options of the
// Strings theme, passed as their values (sk strict 0, sk char codes 1,
// sk case insensitive 2, sk diacritic insensitive 4, sk whole word 32).
var $len : Integer
// sk strict: case and accents count.
ALERT(String(Position("Cafe"; "café Cafe"; 1; $len; 0))+" "+String($len))
// sk case insensitive: accents count, case does not.
ALERT(String(Position("CAFE"; "café Cafe"; 1; $len; 2))+" "+String($len))
// sk diacritic insensitive: case counts, accents do not.
ALERT(String(Position("cafe"; "Café café"; 1; $len; 4))+" "+String($len))
// Both: as without options.
ALERT(String(Position("CAFE"; "xcafé"; 1; $len; 2+4))+" "+String($len))
// sk char codes: code by code; with sk case insensitive only a-z and A-Z fold.
ALERT(String(Position("abc"; "ABC abc"; 1; $len; 1))+" "+String(Position("abc"; "ABC abc"; 1; $len; 1+2))+" "+String(Position("é"; "É é"; 1; $len; 1+2)))
// sk whole word: not inside another word.
ALERT(String(Position("where"; "somewhere, where"; 1; $len; 32))+" "+String(Position("where"; "somewhere"; 1; $len; 32+2))+" "+String($len))
// The start position still counts.
ALERT(String(Position("ab"; "ab ab"; 2; $len; 32)))
// Options and `*` together are no documented form.
Try
	$len:=Position("a"; "a"; 1; $len; 0; *)
Catch
	ALERT(Last errors[0].message)
End try
