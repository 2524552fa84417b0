// String(number; format): 4D's number display formats, en-US separators.
ALERT(String(2^15; "###,##0 Inhabitants"))
ALERT(String(1/3; "##0.00000"))
ALERT(String(Arctan(1)*4; "##0.00"))
ALERT(String(-1; "&x")+" "+String(-1; "&$")+" "+String(0 ?+ 7; "&x")+" "+String(0 ?+ 7; "&$")+" "+String(0 ?+ 14; "&x")+" "+String(0 ?+ 14; "&$"))
ALERT(String(50.3; "&xml"))
ALERT(String(Num(1=1); "True;;False")+" "+String(Num(1=2); "True;;False"))
ALERT("["+String(Log(-1))+"] "+String(1/0)+" "+String(-1/0))
// Placeholders: # shows nothing, 0 a zero, ^ a space, * an asterisk.
var $formats : Collection:=["###"; "####"; "#######"; "#####.##"; "####0.00"; "#####0"; "+#####0;-#####0;0"; "#####0DB;#####0CR;0"; "#####0;(#####0)"; "###,##0"; "##,##0.00"; "^^^^^^^"; "^^^^^^0"; "^^^,^^0"; "^^,^^0.00"; "*******"; "******0"; "***,**0"; "**,**0.00"; "$*,**0.00;-$*,**0.00"; "$^^^^0"; "$^^^0;-$^^^0"; "$^^^0 ;($^^^0)"; "&2"; "&3"; "&xml"]
var $format : Text
For each ($format; $formats)
	ALERT($format+" ["+String(1234.5; $format)+"] ["+String(-1234.5; $format)+"] ["+String(0; $format)+"]")
End for each
// Zeros to the left, decimals cut (only &N rounds), and the separators.
ALERT(String(7; "0000")+" "+String(-7; "0000")+" "+String(2.675; "0.00")+" "+String(759.62; "&3")+" "+String(1234567.891; "###,###,##0.00"))
ALERT(String(0.5; "#.##")+" "+String(0.5; "0.00")+" "+String(5; "Five")+" ["+String(5; "")+"]")
// A number as a time of day.
ALERT(String(25000; "&/5")+" "+String(3723; "&/1")+" "+String(3723; "&/3"))
// String(number; base) follows ECMAScript toString(radix).
ALERT(String(10; 2)+" "+String(-10; 2)+" "+String(254; 16)+" "+String(-16523461; 16)+" "+String(255.5; 16)+" "+String(35; 36))
ALERT(String(Log(-1); 10)+" "+String(1/0; 10)+" "+String(-1/0; 10)+" "+String(0.1+0.2; 10)+" "+String(1/3; 10))
// Texts and Booleans ignore the format; undefined gives "", Null "null".
ALERT(String("abc"; "###")+" "+String(True; "&x")+" "+String(False)+" ["+String($undefined.x)+"] "+String(Null))
