// Position(find; text; start; lengthFound {; *}): where, and how long what was found is.
var $length : Integer
ALERT(String(Position("b"; "abcabc"; 3; $length))+" "+String($length))
// Without `*`, the match is linguistic (case and accents aside), so what is
// found may be longer or shorter than what was looked for.
ALERT(String(Position("E"; "café"; 1; $length))+" "+String($length))
ALERT(String(Position("E"; "café"; 1; $length; *))+" "+String($length))
// Nothing found: 0 and 0.
ALERT(String(Position("z"; "abc"; 1; $length))+" "+String($length))
// Positions and lengths count UTF-16 units: 😀 is two.
ALERT(String(Position("x"; "😀😀x"; 1; $length))+" "+String($length))
// "ss" is found as "ß": one character long.
ALERT(String(Position("ss"; "straße"; 1; $length))+" "+String($length))
