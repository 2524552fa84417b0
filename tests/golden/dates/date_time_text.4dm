// Date(text): ISO dates (with a time or not), or month, day, year as on a US system.
ALERT(String(Date("2024-03-01"))+" "+String(Date("2024-03-01T10:20:30Z"))+" "+String(Date("2013-11-20T10:20:00.9854"))+" "+String(Date("2020-11-17T00:00:00.0000")))
ALERT(String(Date("12/25/94"))+" "+String(Date("3/1/2024"))+" "+String(Date("12.25.29"))+" "+String(Date("12-25-30"))+" "+String(Date("12 25 2094")))
ALERT(String(Date("It was the 6/30, we were in 2016"))+" "+String(Date("40/40/94"))+" "+String(Date("13/35/94"))+" "+String(Date("aa/12/94"))+" "+String(Date("02/29/2023"))+" "+String(Date("")))
// Time(text): HH:MM:SS, HH:MM, AM/PM, ISO date and time, or seconds.
ALERT(String(Time("13:00:00"))+" "+String(Time("7:05"))+" "+String(Time("1:02 PM"))+" "+String(Time("12:30 am"))+" "+String(Time("12:15:00 PM"))+" "+String(Time("-01:02:03")))
ALERT(String(Time("2024-03-01T10:20:30Z"))+" "+String(Time("0000-00-00T01:02:03"))+" "+String(Time("2024-03-01T10:20:30.5+01:00"))+" "+String(Time("noon"))+" "+String(Time(10000))+" "+String(Time((60*60)+(20*60)+5200)))
