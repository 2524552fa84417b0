// Num(text {; separator}), Num(text; base), Num(Boolean), Num(number).
ALERT(String(Num("ABCD"))+" "+String(Num("A1B2C3"))+" "+String(Num("123"))+" "+String(Num("123.4"))+" "+String(Num("-123"))+" "+String(Num("-123e2")))
ALERT(String(Num("123-456"))+" "+String(Num("-9"))+" "+String(Num("123e-2"))+" "+String(Num("12e"))+" "+String(Num("e5"))+" "+String(Num(""))+" "+String(Num("1.2.3")))
ALERT(String(Num("33,333.33"))+" "+String(Num("33,333.33"; "."))+" "+String(Num("33 333,33"; ","))+" "+String(Num("1::5"; "::"))+" "+String(Num("7.5"; "")))
ALERT(String(Num("ff"; 16))+" "+String(Num("0xFF"))+" "+String(Num("0xFF"; 16))+" "+String(Num("2"; 2))+" "+String(Num("10.3"; 16))+" "+String(Num("123.20"))+" "+String(Num("123.20"; 10)))
ALERT(String(Num("0x1A"; 0))+" "+String(Num("  -101"; 2))+" "+String(Num("z"; 36))+" "+String(Num("12"; 1))+" "+String(Num("12"; 37)))
ALERT(String(Num(True))+" "+String(Num(False))+" "+String(Num(42.5))+" "+String(Num($undefined.x))+" "+String(Num(?00:01:00?)))
ALERT(("Good"*Num(500<1000))+("Bad"*Num(500>=1000)))
