// `$text[[$i]]="c"`: one character of a text compared with one character,
// in conditions and in values; the same results whatever the text holds.
var $s; $u; $out : Text
var $i; $count; $n : Integer
var $r : Real
var $v : Variant
var $b : Boolean

$s:="a7B7@x"
// Equal at primary strength: case does not count, a `@` on the right matches anything.
$out:=""
For ($i; 1; Length($s))
	$out:=$out+Choose($s[[$i]]="7"; "1"; "0")+Choose($s[[$i]]="b"; "b"; "-")+Choose($s[[$i]]#"a"; "#"; "=")
End for 
LOG EVENT(Into system standard outputs; "codes: "+$out+"\n")
$count:=0
For ($i; 1; Length($s))
	If ($s[[$i]]="@")
		$count:=$count+1
	End if 
End for 
LOG EVENT(Into system standard outputs; "wildcard matches: "+String($count)+"\n")
// A literal position, a Real position (its whole part), a Variant holding a number.
$r:=2.9
$v:=4
$b:=$s[[3]]="b"
LOG EVENT(Into system standard outputs; "literal position: "+String($b)+" real position: "+String($s[[$r]]="7")+" variant position: "+String($s[[$v]]="7")+"\n")
// A text that is not ASCII: the same comparison, character by character.
$u:="été7É"
$out:=""
For ($i; 1; Length($u))
	$out:=$out+Choose($u[[$i]]="e"; "e"; "-")+Choose($u[[$i]]="7"; "7"; "-")
End for 
LOG EVENT(Into system standard outputs; "not ASCII: "+$out+"\n")
// A position outside the text is an error, as reading it is.
$n:=0
$i:=Length($s)+1
$b:=Try($s[[$i]]="7")
LOG EVENT(Into system standard outputs; "outside: "+String(Last errors.length)+" "+String(Last errors[0].errCode)+"\n")
$i:=0
$b:=Try($s[[$i]]#"7")
LOG EVENT(Into system standard outputs; "position 0: "+String(Last errors.length)+" "+String(Last errors[0].errCode)+"\n")
// A local that holds no text.
$v:=12
$b:=Try($v[[1]]="1")
LOG EVENT(Into system standard outputs; "not a text: "+String(Last errors.length)+" "+String(Last errors[0].errCode)+"\n")
