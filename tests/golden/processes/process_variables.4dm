// The variables of another process: GET PROCESS VARIABLE reads them,
// SET PROCESS VARIABLE writes them (or an element of an array),
// VARIABLE TO VARIABLE writes them from variables (whole arrays too). The
// other process answers at its next step or while it waits.
var $ready; $go; $reported : 4D.Signal
$ready:=New signal("ready")
$go:=New signal("go")
$reported:=New signal("reported")
var $child : Integer:=New process("Pv_child"; 0; "pv child"; $ready; $go; $reported)
$ready.wait(60)

// Reads: the child waits for a signal, and answers meanwhile.
vtStatus:="main status"
var $count : Integer
GET PROCESS VARIABLE($child; vtStatus; vtStatus; vlCount; $count)
ALERT("read: "+vtStatus+", "+String($count))
ARRAY TEXT($names; 0)
var $second : Text
GET PROCESS VARIABLE($child; atNames; $names; atNames{2}; $second)
ALERT("array of "+String(Size of array($names))+": "+$names{1}+" "+$names{3}+"; element 2: "+$second)
// A variable the child never assigned reads as undefined.
GET PROCESS VARIABLE($child; vNeverSet; vNeverHere)
ALERT("never set: type "+String(Type(vNeverHere))+" (Is undefined: "+String(Is undefined)+")")
// An interprocess variable is the same in every process.
<>shared:="one for all"
var $ip : Text
GET PROCESS VARIABLE($child; <>shared; $ip)
ALERT("interprocess: "+$ip)

// Writes.
SET PROCESS VARIABLE($child; vtStatus; "set by "+"main"; atNames{1}; Uppercase("ann"); vNew; 42)
vFromMain:="mine"
SET PROCESS VARIABLE($child; vFromMain; vFromMain)
ARRAY LONGINT($nums; 3)
$nums{1}:=10
$nums{2}:=20
$nums{3}:=30
$count:=$count*6
VARIABLE TO VARIABLE($child; alNums; $nums; vlCount; $count)
var $status : Text
ARRAY LONGINT($back; 0)
GET PROCESS VARIABLE($child; vtStatus; $status; alNums; $back)
ALERT("written: "+$status+", "+String(Size of array($back))+" numbers")
ALERT("main's own: "+vtStatus+", vFromMain "+vFromMain)

// What the commands refuse.
Try
	SET PROCESS VARIABLE($child; atNames; "x")
Catch
	ALERT("SET a whole array: "+String(Last errors[0].errCode))
End try
Try
	GET PROCESS VARIABLE($child; vpAddress; vNeverHere)
Catch
	ALERT("GET a pointer: "+String(Last errors[0].errCode))
End try
Try
	GET PROCESS VARIABLE($child; $count; vNeverHere)
Catch
	ALERT("a local source: "+String(Last errors[0].errCode))
End try
Try
	SET PROCESS VARIABLE($child; $count; 1)
Catch
	ALERT("a local destination: "+String(Last errors[0].errCode))
End try
Try
	GET PROCESS VARIABLE($child; vlCount; $count; vtStatus)
Catch
	ALERT("a variable without its pair: "+String(Last errors[0].errCode))
End try
Try
	GET PROCESS VARIABLE($child; atNames{9}; $second)
Catch
	ALERT("an element out of range: "+String(Last errors[0].errCode))
End try

// A process that does not exist: GET does nothing, SET and VARIABLE TO
// VARIABLE are errors.
$second:="unchanged"
GET PROCESS VARIABLE(9999; vtStatus; $second)
GET PROCESS VARIABLE(0; vtStatus; $second)
ALERT("no process: "+$second)
Try
	SET PROCESS VARIABLE(9999; vtStatus; "x")
Catch
	ALERT("SET in no process: "+String(Last errors[0].errCode))
End try
Try
	VARIABLE TO VARIABLE(-3; vtStatus; $second)
Catch
	ALERT("VARIABLE TO VARIABLE in no process: "+String(Last errors[0].errCode))
End try

// The current process: its own variables.
vlHere:=1
SET PROCESS VARIABLE(Current process; vlHere; 2)
GET PROCESS VARIABLE(Current process; vlHere; $count)
ALERT("current process: "+String(vlHere)+" "+String($count))

$go.trigger()
$reported.wait(60)
// Once the child has ended, it is a process that does not exist.
While (Process state($child)#Aborted)
	DELAY PROCESS(Current process; 1)
End while
$second:="unchanged"
GET PROCESS VARIABLE($child; vtStatus; $second)
ALERT("ended: "+$second)

// A worker answers while its box is empty.
var $worked : 4D.Signal:=New signal("worked")
CALL WORKER("pv worker"; "Pv_worker"; $worked)
$worked.wait(60)
var $note : Text
GET PROCESS VARIABLE(Process number("pv worker"); vtWorkerNote; $note)
ALERT("worker: "+$note)
KILL WORKER("pv worker")

// A process in a loop with delays answers at its steps; it stops when told.
Use (Storage)
	Storage.pv:=New shared object("looping"; False; "stopped"; False)
End use
var $looper : Integer:=New process("Pv_looper"; 0; "pv looper")
While (Not(Storage.pv.looping))
	DELAY PROCESS(Current process; 1)
End while
SET PROCESS VARIABLE($looper; vbStop; True)
While (Not(Storage.pv.stopped))
	DELAY PROCESS(Current process; 1)
End while
ALERT("looper stopped")

// Two processes that ask each other at the same time both get answers.
var $a; $b : 4D.Signal
$a:=New signal("a")
$b:=New signal("b")
var $pa : Integer:=New process("Pv_asker"; 0; "asker a"; 50; $a)
var $pb : Integer:=New process("Pv_asker"; 0; "asker b"; 50; $b)
SET PROCESS VARIABLE($pa; vlOther; $pb)
SET PROCESS VARIABLE($pb; vlOther; $pa)
ALERT("askers: "+String($a.wait(60) & $b.wait(60)))

// The main process answers while it waits for a signal.
vtStatus:="main, waiting"
var $read : 4D.Signal:=New signal("read")
var $reader : Integer:=New process("Pv_reader"; 0; "pv reader"; $read)
$read.wait(60)
ALERT("the reader read: "+$read.what)
