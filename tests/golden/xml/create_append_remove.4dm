// Building a tree: a root with namespaces, elements by path, by arrays, copies, removals.
var $root; $e; $text : Text
$root:=DOM Create XML Ref("app:config"; "http://example.com/app"; "extra"; "http://example.com/x")
$e:=DOM Create XML element($root; "/app:config/app:section/app:entry[2]"; "n"; 2)
$e:=DOM Create XML element($root; "app:section/app:entry[2]"; "n"; "inserted")
ARRAY TEXT($names; 2)
ARRAY TEXT($values; 2)
$names{1}:="a"
$names{2}:="b"
$values{1}:="1"
$values{2}:="2"
$e:=DOM Create XML element arrays($root; "app:list"; $names; $values)
DOM SET XML ELEMENT NAME($e; "app:items")
DOM EXPORT TO VAR($root; $text)
ALERT($text)
// Copies from another document: appended last, inserted before a given element.
var $other; $source : Text
$other:=DOM Parse XML variable("<x><item k=\"1\"><sub>deep</sub></item></x>")
$source:=DOM Get first child XML element($other)
$e:=DOM Append XML element($root; $source)
$e:=DOM Insert XML element($root; $source; 1)
DOM SET XML ATTRIBUTE($e; "k"; "first")
// Child nodes of every kind, at the top too.
$e:=DOM Append XML child node($root; XML comment; "a comment")
$e:=DOM Append XML child node($root; XML ELEMENT; "empty")
$e:=DOM Append XML child node($root; XML ELEMENT; "<p>one</p><p>two</p>")
$e:=DOM Append XML child node(DOM Get XML document ref($root); XML processing instruction; "xml-stylesheet href=\"s.xsl\"")
$e:=DOM Append XML child node(DOM Get XML document ref($root); XML DOCTYPE; "app:config SYSTEM \"config.dtd\"")
DOM SET XML DECLARATION($root; "UTF-8"; True)
DOM EXPORT TO VAR($root; $text)
ALERT($text)
ALERT("DOCTYPE name: "+DOM Get XML information($root; DOCTYPE Name)+", system ID: "+DOM Get XML information($root; SYSTEM ID)+", version: "+DOM Get XML information($root; Version))
// Removing an element; its reference is then refused.
var $section : Text
$section:=DOM Find XML element($root; "app:section")
DOM REMOVE XML ELEMENT($section)
ALERT("removed: OK="+String(OK)+", sections left: "+String(DOM Count XML elements($root; "app:section")))
Try
	DOM GET XML ELEMENT NAME($section; $text)
Catch
	ALERT("removed reference: "+String(Last errors[0].errCode))
End try
DOM CLOSE XML($root)
DOM CLOSE XML($other)
