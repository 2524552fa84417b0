// Parse a text, export it with and without indentation, and again through a BLOB.
var $source; $root; $text; $again : Text
$source:="<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<shelf kind=\"books\">\n  <book id=\"b1\"><title>Dune</title><year>1965</year></book>\n  <!-- second -->\n  <book id=\"b2\"><title>Emma &amp; co</title><note>a <b>bold</b> word</note></book>\n</shelf>"
$root:=DOM Parse XML variable($source)
ALERT("parsed: OK="+String(OK)+", reference of "+String(Length($root))+" characters")
DOM EXPORT TO VAR($root; $text)
ALERT($text)
XML SET OPTIONS($root; XML indentation; XML no indentation)
DOM EXPORT TO VAR($root; $text)
ALERT($text)
// Exported text parses back to the same export.
$again:=DOM Parse XML variable($text)
XML SET OPTIONS($again; XML indentation; XML no indentation)
var $second : Text
DOM EXPORT TO VAR($again; $second)
ALERT("same again: "+String($second=$text))
// A BLOB holds UTF-8 bytes; parsing the BLOB gives the same tree.
var $blob : Blob
DOM EXPORT TO VAR($root; $blob)
ALERT("BLOB of "+String(BLOB size($blob))+" bytes")
var $fromBlob : Text
$fromBlob:=DOM Parse XML variable($blob)
XML SET OPTIONS($fromBlob; XML indentation; XML no indentation)
DOM EXPORT TO VAR($fromBlob; $second)
ALERT("from the BLOB: "+String($second=$text))
DOM CLOSE XML($root)
DOM CLOSE XML($again)
DOM CLOSE XML($fromBlob)
ALERT("closed: OK="+String(OK))
