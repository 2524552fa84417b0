var $d : Date:=!2024-03-15!
ALERT(String(Day of($d))+" "+String(Month of($d))+" "+String(Year of($d))+" "+String(Day of(!00-00-00!)))
ALERT(String(Day number(!2024-03-17!))+" "+String(Day number(!2024-03-16!))+" "+String(Day number(!00-00-00!)))
ALERT(String(Add to date($d; 1; 2; 3))+" "+String(Add to date(!2020-01-31!; 0; 1; 0))+" "+String(Add to date($d; 0; 0; -15)))
ALERT(String(Date("2023-11-27"))+" "+String(Date("2023-11-27T10:20:30"))+" "+String(Date("11/27/23"))+" "+String(Date("nonsense")))
ALERT(String(Time("13:00:00"))+" "+String(Time(10000))+" "+String(Time("-01:02:03")))
// The clock: only the type and the range can be checked.
ALERT(String(Value type(Current date)=Is date)+" "+String(Year of(Current date)>2020)+" "+String(Current time>=?00:00:00?))
ALERT(String(Length(Timestamp))+" "+Substring(Timestamp; 24))
