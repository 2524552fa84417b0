var $t : Text:="hello"
ALERT($t+" "+"world")
ALERT("ab"*3)
ALERT(String(Length($t))+" "+String(Length("héllo"))+" "+String(Length("")))
ALERT(Substring($t; 2; 3)+"|"+Substring($t; 4)+"|"+Substring($t; 9)+"|")
ALERT($t[[1]]+$t[[5]])
$t[[1]]:="j"
ALERT($t)
ALERT(Char(65)+String(Character code("a")))
ALERT(String(Num("A1B2C3"))+" "+String(Num("123-456"))+" "+String(Num("1.5e2"))+" "+String(Num("abc")))
var $i : Integer
var $s : Text
For ($i; 1; 5)
	$s:=$s+String($i)+";"
End for 
ALERT($s)
$s+="end"
ALERT($s)
// Text comparison ignores case and accents; `@` is a wildcard on the right only.
ALERT(String("abc"="ABC")+" "+String("n"="ñ")+" "+String("abd">"abc")+" "+String("élan"="ELAN"))
ALERT(String("abcdefghij"="abc@")+" "+String("abcdefghij"="@def@")+" "+String("abc@"="abcd")+" "+String("abc"="@@"))
ALERT(String("Alpha Bravo"%"Bravo")+" "+String("Alpha Bravo"%"ravo")+" "+String("Software and Computers"%"comput@"))
