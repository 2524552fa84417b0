// Helper of database_parameters: what another process's settings are, and
// how it puts a date and a time in an object.
#DECLARE($done : 4D.Signal)
var $o : Object:={d: !2024-02-29!; t: ?00:01:00?}
Use ($done)
	$done.dates:=Get database parameter(Dates inside objects)
	$done.times:=Get database parameter(Times inside objects)
	$done.json:=JSON Stringify($o)
End use
$done.trigger()
