ALERT:C41("Hello")
ALERT("plain")
$d:=Current date:C33
$d:=Current date:C33(*)
CANCEL:C270
MESSAGES OFF:C175
DoSomething
DoSomething()
Log message("start"; 2)
$m:=Math ()
$r:=$o.f(1)
$c2:=$c.map(Formula:C1597($1*2))
$n:=$c.filter(Formula:C1597($1>0)).map(Formula:C1597($1+1)).length
$inst:=cs.Person.new("Bob")
$f:=4D.File
$inst:=cs:C1710.Person.new()
$f:=4D:C1709.File.new("/tmp/x")
$t:=File:C1566("/RESOURCES/a.txt").getText()
OBJECT SET VISIBLE:C603(*; "button"; False:C215)
ORDER BY:C49([People:1]; [People:1]Name:2; >)
SORT ARRAY:C229(arrNames; <)
QUERY:C277([People:1]; [People:1]Age:3>18; *)
QUERY:C277([People:1]; & ; [People:1]City:4="Paris")
QUERY:C277([People:1]; | [People:1]City:4="Lyon")
$o.callback:=Formula:C1597($1.result:=10)
