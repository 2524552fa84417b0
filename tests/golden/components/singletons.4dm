// A component's singleton classes: the host reaches them as cs.<namespace>.<Class>.me,
// the component as cs.<Class>.me, and both get the same instance.
var $a : Integer:=cs.geo.Registry.me.bump()
var $b : Integer:=Geo_Bump
var $c : Integer:=cs.geo.Registry.me.bump()
LOG EVENT(Into system standard outputs; "singleton: "+String($a)+" "+String($b)+" "+String($c)+"\n")
LOG EVENT(Into system standard outputs; "same instance: "+String(cs.geo.Registry.me=cs.geo.Registry.me)+"\n")
LOG EVENT(Into system standard outputs; "shared singleton: "+String(cs.geo.Counter.me.add())+" "+String(cs.geo.Counter.me.add())+"\n")
LOG EVENT(Into system standard outputs; String(cs.geo.Registry.isSingleton)+" "+String(cs.geo.Registry.isShared)+" "+String(cs.geo.Counter.isSingleton)+" "+String(cs.geo.Counter.isShared)+"\n")
// A process of its own gets its own instance of the (not shared) singleton.
var $done : 4D.Signal:=New signal
CALL WORKER("other"; "Host_Singleton_Worker"; $done)
If ($done.wait(30))
	LOG EVENT(Into system standard outputs; "in another process: "+$done.result+"\n")
End if
