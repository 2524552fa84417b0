// XML SET OPTIONS and XML GET OPTIONS: indentation and case sensitivity.
var $root; $e; $text : Text
var $indent; $case : Integer
$root:=DOM Parse XML variable("<Root><Item>1</Item><item>2</item></Root>")
XML GET OPTIONS($root; XML indentation; $indent; XML DOM case sensitivity; $case)
ALERT("defaults: indentation "+String($indent)+", case "+String($case))
ALERT("case sensitive count: "+String(DOM Count XML elements($root; "item")))
XML SET OPTIONS($root; XML DOM case sensitivity; XML case insensitive; XML indentation; XML no indentation)
ALERT("case insensitive count: "+String(DOM Count XML elements($root; "item")))
XML GET OPTIONS($root; XML indentation; $indent)
ALERT("indentation now "+String($indent))
DOM EXPORT TO VAR($root; $text)
ALERT($text)
// With an empty reference: the options of the documents made next.
XML SET OPTIONS(""; XML indentation; XML no indentation)
var $next : Text
$next:=DOM Create XML Ref("next")
$e:=DOM Create XML element($next; "child")
DOM EXPORT TO VAR($next; $text)
ALERT($text)
DOM CLOSE XML($root)
DOM CLOSE XML($next)
