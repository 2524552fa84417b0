// String(date; format {; time}) and String(time; format), as on an en-US system.
var $d : Date:=!2006-12-29!
ALERT(String($d)+" | "+String($d; System date short)+" | "+String($d; System date abbreviated)+" | "+String($d; System date long))
ALERT(String($d; Internal date short special)+" | "+String(!1896-12-29!; Internal date short special)+" | "+String(!2096-12-29!; Internal date short special))
ALERT(String($d; Internal date long)+" | "+String($d; Internal date abbreviated)+" | "+String($d; Internal date short))
ALERT(String($d; ISO Date)+" | "+String($d; ISO Date; ?13:07:20?)+" | "+String($d; ISO Date; ?25:00:00?))
ALERT("["+String(!00-00-00!; Internal date long)+"] ["+String(!00-00-00!; Internal date long+Blank if null date)+"] ["+String($d; Internal date long+Blank if null date)+"]")
// ISO Date GMT and Date RFC 1123 convert the local time to GMT: only their shape is fixed.
var $gmt : Text:=String($d; ISO Date GMT; ?12:00:00?)
ALERT(String(Length($gmt))+" "+Substring($gmt; 20)+" "+String(Date($gmt)>=!2006-12-28!)+" "+String(Date($gmt)<=!2006-12-30!))
var $rfc : Text:=String($d; Date RFC 1123; ?12:00:00?)
ALERT(String(Length($rfc))+" "+Substring($rfc; 27)+" "+String(Position("Dec 2006"; $rfc)=9))
// Patterns.
ALERT(String(!2023-11-27!; "EEEE d MMMM y GGGG")+" | "+String(!2023-11-27!; "E dd/MM/yyyy 'at' hh:mm aa"; ?11:15:00?))
ALERT(String(!2000-06-15!; "QQQQ")+" | "+String(!2001-03-17!; "D")+" | "+String(!1954-03-17!; "eeee w")+" | "+String(!1996-07-02!; "yyyyyy yy MMM MMMMM d"))
ALERT("["+String($d; " dd.MM.yy ")+"] ["+String($d; "' 'dd.MM.yy' '")+"] ["+String($d; "'It''s' EEEEEE")+"] ["+String($d; "It is")+"]")
// Times.
var $t : Time:=?01:02:03?
ALERT(String($t)+" | "+String($t; HH MM SS)+" | "+String($t; HH MM)+" | "+String($t; Hour min sec)+" | "+String($t; Hour min))
ALERT(String($t; HH MM AM PM)+" | "+String($t; MM SS)+" | "+String($t; Min sec)+" | "+String($t; ISO time))
ALERT(String($t; System time short)+" | "+String($t; System time long abbreviated)+" | "+String($t; System time long))
ALERT(String(?17:30:45?; HH MM AM PM)+" | "+String(?17:30:45?; Hour min sec)+" | "+String(Time("13:00:00"); Hour min)+" | "+String(?00:00:00?; HH MM AM PM)+" | "+String(?12:00:00?; HH MM AM PM))
ALERT("["+String(?00:00:00?; HH MM+Blank if null time)+"] ["+String(?00:00:00?; HH MM)+"] "+String(?30:00:00?; HH MM)+" "+String(-?01:02:03?; HH MM SS))
ALERT(String(?17:30:45?; "'It is' K a")+" | "+String(?15:30:00?; "HH 'hours and' mm 'minutes'")+" | "+String(?13:25:34?; "B")+" | "+String(?00:05:00?; "h:mm a"))
// The period of the day, B: noon exactly, then morning from 6, afternoon
// from 12, evening from 18 and night from 21.
var $hours : Collection:=[]
var $h : Time
For each ($h; [?03:00:00?; ?06:00:00?; ?11:59:59?; ?12:00:00?; ?12:00:01?; ?17:59:59?; ?18:00:00?; ?20:59:59?; ?21:00:00?])
	$hours.push(String($h; "HH:mm:ss B"))
End for each
ALERT($hours.join(" | "))
