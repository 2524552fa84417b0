// System info depends on the machine: only the shape of its members is checked
var $info : Object
$info:=System info
ALERT(String(String($info.accountName)=Current system user)+" "+String(String($info.machineName)=Current machine))
ALERT(String(Value type($info.osVersion)=Is text)+" "+String(Length($info.osVersion)>0))
ALERT(String(Length($info.osLanguage)=2))
ALERT(String($info.cores>0)+" "+String($info.cpuThreads>=$info.cores))
ALERT(String($info.macRosetta))
ALERT(String($info.physicalMemory>0)+" "+String($info.uptime>=0)+" "+String($info.uptime=Int($info.uptime)))
// a new object each time
$info.cores:=-1
ALERT(String(System info.cores>0))
