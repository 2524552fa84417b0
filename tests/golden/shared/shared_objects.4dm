// Shared objects and collections: reads need no Use, every write needs one;
// only scalars and shared values can be stored (-10721); a shared value
// stored in another joins its group for good, and cannot then join another
// group (a shared copy can); Storage holds only shared values; collection
// functions that change a shared collection lock it by themselves; .filter()
// gives a shared collection, .map() a standard one; OB Copy gives a standard
// copy, or a shared one with ck shared.
var $s : Object:=New shared object("n"; 1; "when"; ?00:01:00?)
ALERT(String(OB Is shared($s))+" "+String(OB Is shared({}))+" "+String(OB Is shared(Storage))+" "+String(OB Is shared(New shared collection)))
ALERT(JSON Stringify($s)+" "+String(Value type($s))+" "+String($s.n+1))
Try
	$s.n:=2
Catch
	ALERT(String(Last errors[0].errCode)+" "+Last errors[0].message)
End try
Use ($s)
	$s.n:=2
	Use ($s)
		$s.nested:="reentrant"
	End use
	Try
		$s.local:={a: 1}
	Catch
		ALERT(String(Last errors[0].errCode)+" "+Last errors[0].message)
	End try
	$s.sub:=New shared object("v"; 1)
	$s.list:=New shared collection(3; 1; 2)
	$s.sub.v:=10
End use
var $other : Object:=New shared object
Use ($other)
	Try
		$other.stolen:=$s.sub
	Catch
		ALERT(String(Last errors[0].errCode)+" "+Last errors[0].message)
	End try
	$other.copy:=OB Copy($s.sub; ck shared; $other)
	$other.copy.v:=20
End use
ALERT(JSON Stringify($s)+" "+JSON Stringify($other))
$s.list.push(4)
$s.list.sort()
ALERT(JSON Stringify($s.list)+" "+String($s.list.length)+" "+String($s.list[3]))
ALERT(String(OB Is shared($s.list.filter(Formula($1.value>2))))+" "+String(OB Is shared($s.list.map(Formula($1.value*2)))))
Try
	$s.list.push({not: "shared"})
Catch
	ALERT(String(Last errors[0].errCode)+" "+JSON Stringify($s.list))
End try
Try
	$s.list[0]:=0
Catch
	ALERT(String(Last errors[0].errCode))
End try
Use ($s.list)
	$s.list[5]:="grown"
End use
ALERT(JSON Stringify($s.list))
Use (Storage)
	Storage.settings:=New shared object("lang"; "fr")
	Try
		Storage.count:=1
	Catch
		ALERT(String(Last errors[0].errCode)+" "+Last errors[0].message)
	End try
End use
ALERT(Storage.settings.lang+" "+JSON Stringify(OB Keys(Storage)))
Use (Storage.settings)
	Storage.settings.lang:="de"
End use
ALERT(Storage.settings.lang)
var $copy : Object:=OB Copy($s)
$copy.n:=99
ALERT(String(OB Is shared($copy))+" "+String(OB Is shared($copy.sub))+" "+String($s.n))
For each ($k; $s)
	ALERT($k)
End for each
OB REMOVE($s; "nested")
ALERT(JSON Stringify(OB Keys($s)))
Try
	OB SET($s; "x"; 1)
Catch
	ALERT(String(Last errors[0].errCode))
End try
Try
	Use ({})
	End use
Catch
	ALERT(Last errors[0].message)
End try
