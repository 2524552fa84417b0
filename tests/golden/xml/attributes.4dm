// Attributes: several set at once, read by name and by index, counted, removed.
var $root; $name; $value : Text
$root:=DOM Create XML Ref("shape")
DOM SET XML ATTRIBUTE($root; "x"; 10; "y"; 2.5; "visible"; True; "label"; "a \"b\" & <c>")
ALERT("count: "+String(DOM Count XML attributes($root)))
DOM GET XML ATTRIBUTE BY NAME($root; "label"; $value)
ALERT("label: "+$value)
var $y : Real
DOM GET XML ATTRIBUTE BY NAME($root; "y"; $y)
ALERT("y as a number: "+String($y+1))
var $i : Integer
For ($i; 1; DOM Count XML attributes($root))
	DOM GET XML ATTRIBUTE BY INDEX($root; $i; $name; $value)
	ALERT(String($i)+": "+$name+"="+$value)
End for 
DOM SET XML ATTRIBUTE($root; "x"; "11")
DOM REMOVE XML ATTRIBUTE($root; "visible")
var $text : Text
DOM EXPORT TO VAR($root; $text)
ALERT($text)
Try
	DOM GET XML ATTRIBUTE BY NAME($root; "missing"; $value)
Catch
	ALERT("missing attribute: "+String(Last errors[0].errCode)+", OK="+String(OK))
End try
Try
	DOM SET XML ATTRIBUTE($root; "1bad"; "v")
Catch
	ALERT("bad name: "+String(Last errors[0].errCode)+", OK="+String(OK))
End try
DOM CLOSE XML($root)
