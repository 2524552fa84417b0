// Application info: fourd is a standalone headless application
var $info : Object
$info:=Application info
ALERT(String($info.headless)+" "+String($info.launchedAsService))
ALERT(String($info.pid>0)+" "+String($info.pid=Int($info.pid)))
ALERT(String($info.uptime>=0)+" "+String($info.cpuUsage>=0))
// no client/server member in a standalone application
ALERT(String(Undefined($info.portID))+" "+String(Undefined($info.TLSEnabled)))
// the former name calls it too
ALERT(String(Get application info.pid=$info.pid))
