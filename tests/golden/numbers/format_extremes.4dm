// Extreme arguments give an answer, never a crash. A date and a time whose
// sum is past the dates 4D holds (years 100 to 32767) give the null date and
// no time.
ALERT(String(1e308; "###,##0.00")+" "+String(Length(String(-1e308; 2)))+" "+String(1e-300; "0.00")+" "+String(5; "&99999999999999999999")+" "+String(5; "&0"))
ALERT(String(!2024-01-01!; ISO Date; Time(1e15))+" "+String((!2024-12-31!+11228649); ISO Date; ?23:59:59?)+" "+String((!2024-12-31!+11228649); ISO Date; ?23:59:59?+1)+" "+String(!2024-01-01!; -5)+" "+String(?01:00:00?; 1e20)+" "+String(?01:00:00?; -1))
ALERT(String(Time("99999999999999999:00"))+" "+String(Time(1e300))+" "+Time string(-1e300)+" "+String(Num("1e99999"))+" "+String(Num("-"; 16)))
ALERT(Delete string("abc"; -1e20; 1e20)+"|"+Change string("abc"; "x"; 1e300)+"|"+Insert string("abc"; "x"; -1e300)+"|"+String(Match regex("a"; "b"; -5)))
ALERT(String(0; 0)+" "+String(Log(-1); "&x")+" "+String(-0.0001; "#####")+" ["+String(-0.0001; "###.##")+"]")
