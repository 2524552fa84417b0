// the user and the machine depend on where the test runs: only their shape is checked
var $user; $machine : Text
$user:=Current system user
$machine:=Current machine
// (an account the system cannot name gives "", so only the type of the user is checked)
ALERT(String(Value type($user)=Is text)+" "+String($user=String(System info.accountName)))
ALERT(String(Value type($machine)=Is text)+" "+String(Length($machine)>0))
// no line end in either
ALERT(String(Position(Char(10); $user)+Position(Char(10); $machine)))
