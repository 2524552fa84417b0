// Run by a worker (helper of singletons): the component's singletons seen from another process.
#DECLARE($done : 4D.Signal)
var $text : Text:=String(cs.geo.Registry.me.bump())+" / shared "+String(cs.geo.Counter.me.add())
Use ($done)
	$done.result:=$text
End use
$done.trigger()
