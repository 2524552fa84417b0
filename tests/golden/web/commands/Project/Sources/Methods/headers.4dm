//%attributes = {"publishedWeb":true}
// The request line and header fields, as one text and as arrays.
var $header : Text
WEB GET HTTP HEADER($header)
ARRAY TEXT($names; 0)
ARRAY TEXT($values; 0)
WEB GET HTTP HEADER($names; $values)
var $text : Text:="first line: "+Substring($header; 1; Position(Char(13); $header)-1)+Char(10)
var $i : Integer
For ($i; 1; 3)
	$text+=$names{$i}+"="+$values{$i}+Char(10)
End for
$text+="X-Test="+$values{Find in array($names; "X-Test")}+Char(10)
$text+="CR LF between lines: "+String(Position(Char(13)+Char(10)+"X-Test: "; $header)>0)+Char(10)
WEB SEND TEXT($text; "text/plain")
