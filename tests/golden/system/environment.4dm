// what fourd says of the application it is
ALERT(String(Application type))
ALERT(String(Application type=tool4d)+" "+String(Application type=4D Server))
ALERT(String(4D Local mode)+" "+String(4D Volume desktop)+" "+String(4D Desktop)+" "+String(4D Remote mode))
ALERT(Application version)
ALERT(Application version(*))
var $build : Integer
$build:=-5
ALERT(Application version($build; *)+" build "+String($build))
ALERT(String(Length(Application version)))
ALERT(String(Is compiled mode)+" "+String(Is compiled mode(*)))
// fourd runs on Linux here: neither macOS nor Windows
ALERT(String(Is macOS)+" "+String(Is Windows))
// IDLE and TRACE do nothing in a run without a user interface or a debugger
IDLE
TRACE
ALERT("still running")
