// SET DATABASE PARAMETER and Get database parameter: the selectors that mean
// something outside a 4D database. Dates inside objects is the running
// process's setting, Times inside objects the run's.
ALERT("project: "+String(Get database parameter(Is current database a project))+" "+String(Get database parameter(Is host database a project)))
ALERT("defaults: dates "+String(Get database parameter(Dates inside objects))+", times "+String(Get database parameter(Times inside objects)))

var $o : Object
var $c : Collection
// Date type (the default): dates stay dates, JSON writes the day.
$o:={d: !2013-08-23!}
ALERT("date type: "+String(Value type($o.d))+" "+JSON Stringify($o))

var $before : Object:={kept: !2013-08-23!}
// Without time zone: a date put in an object becomes its ISO text at midnight UTC.
SET DATABASE PARAMETER(Dates inside objects; String type without time zone)
ALERT("now: "+String(Get database parameter(Dates inside objects)))
$o:={d: !2013-08-23!}
$o.e:=!2000-01-01!
OB SET($o; "f"; !1999-12-31!)
$c:=New collection(!2020-02-29!)
$c.push(!0000-00-00!)
ALERT(JSON Stringify($o)+" "+String(Value type($o.d)))
ALERT(JSON Stringify($c))
// The conversion happens when the date is put in the object (documented):
// an object filled before keeps its date.
ALERT("filled before: "+JSON Stringify($before)+" "+String(Value type($before.kept)))
// JSON Parse leaves the texts of dates as texts.
$o:=JSON Parse("{\"day\": \"2013-08-23\"}")
ALERT("parsed: "+String(Value type($o.day)))
// A shared object converts too.
var $shared : Object:=New shared object
Use ($shared)
	$shared.d:=!2013-08-23!
End use
ALERT("shared: "+$shared.d)

// With time zone: local midnight in UTC (the text depends on the machine's time zone).
SET DATABASE PARAMETER(Dates inside objects; String type with time zone)
$o:={d: !2013-08-23!}
ALERT("with time zone: "+String(Length($o.d))+" characters, ends with Z: "+String($o.d="@Z"))

// Another process keeps its own date setting; the times setting is the run's.
SET DATABASE PARAMETER(Times inside objects; Times in milliseconds)
$o:={t: ?00:00:02?}
ALERT("time in milliseconds: "+String($o.t))
var $done : 4D.Signal:=New signal("done")
var $p : Integer:=New process("Dbp_other"; 0; "other"; $done)
$done.wait(60)
ALERT("other process: dates "+String($done.dates)+", times "+String($done.times)+", "+$done.json)
SET DATABASE PARAMETER(Times inside objects; Times in seconds)
SET DATABASE PARAMETER(Dates inside objects; Date type)
$o:={d: !2013-08-23!; t: ?00:00:02?}
ALERT("back: "+String(Value type($o.d))+" "+String($o.t))

// What fourd refuses.
Try
	SET DATABASE PARAMETER(Debug log recording; 1)
Catch
	ALERT("Debug log recording: "+String(Last errors[0].errCode))
End try
Try
	ALERT(String(Get database parameter(Diagnostic log recording)))
Catch
	ALERT("Diagnostic log recording: "+String(Last errors[0].errCode))
End try
Try
	SET DATABASE PARAMETER(User param value; "next time")
Catch
	ALERT("User param value: "+String(Last errors[0].errCode))
End try
Try
	SET DATABASE PARAMETER(Is current database a project; 0)
Catch
	ALERT("read only: "+String(Last errors[0].errCode))
End try
Try
	SET DATABASE PARAMETER(Dates inside objects; 3)
Catch
	ALERT("a bad value: "+String(Last errors[0].errCode))
End try
