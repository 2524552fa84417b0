// Moving from an element to its relatives, with names and values on the way.
var $root; $child; $name; $value; $text : Text
$root:=DOM Parse XML variable("<list><item>one</item><item>two</item><other>three</other></list>")
$child:=DOM Get first child XML element($root; $name; $value)
$text:=$name+"="+$value
While (OK=1)
	$child:=DOM Get next sibling XML element($child; $name; $value)
	If (OK=1)
		$text:=$text+", "+$name+"="+$value
	End if 
End while 
ALERT("forward: "+$text+"; after the last: OK="+String(OK)+" "+$child)
$child:=DOM Get last child XML element($root; $name)
ALERT("last: "+$name)
$child:=DOM Get previous sibling XML element($child; $name; $value)
ALERT("previous: "+$name+"="+$value)
var $parent : Text
$parent:=DOM Get parent XML element($child; $name)
ALERT("parent: "+$name+", the root: "+String($parent=$root))
ALERT("root of a child: "+String(DOM Get root XML element($child)=$root))
// Above the root, the document node.
var $doc : Text
$doc:=DOM Get XML document ref($root)
ALERT("document node differs from the root: "+String($doc#$root))
$child:=DOM Get first child XML element($doc; $name)
ALERT("its first child: "+$name)
// By name and index.
ALERT("items: "+String(DOM Count XML elements($root; "item")))
$child:=DOM Get XML element($root; "item"; 2; $value)
ALERT("item 2: "+$value+" OK="+String(OK))
DOM GET XML ELEMENT NAME($child; $name)
ALERT("its name: "+$name)
// A value read into a number variable is converted.
var $number : Real
$child:=DOM Create XML element($root; "price")
DOM SET XML ELEMENT VALUE($child; 12.5)
DOM GET XML ELEMENT VALUE($child; $number)
ALERT("number: "+String($number*2))
// Child nodes: types and, for elements, references.
var $mixed : Text
$mixed:=DOM Parse XML variable("<p>Hello<br/>New<!--c--><br/>York</p>")
ARRAY LONGINT($types; 0)
ARRAY TEXT($nodes; 0)
DOM GET XML CHILD NODES($mixed; $types; $nodes)
var $i : Integer
$text:=""
For ($i; 1; Size of array($types))
	If ($types{$i}=XML ELEMENT)
		DOM GET XML ELEMENT NAME($nodes{$i}; $name)
		$text:=$text+String($types{$i})+":<"+$name+"> "
	Else 
		$text:=$text+String($types{$i})+":"+$nodes{$i}+" "
	End if 
End for 
ALERT($text)
DOM CLOSE XML($root)
DOM CLOSE XML($mixed)
