//%attributes = {"publishedWeb":true}
#DECLARE($param : Text)
ARRAY TEXT($names; 0)
ARRAY TEXT($values; 0)
WEB GET VARIABLES($names; $values)
var $text : Text:="param=["+$param+"]"+Char(10)
var $i : Integer
For ($i; 1; Size of array($names))
	$text+=$names{$i}+"="+$values{$i}+Char(10)
End for
WEB SEND TEXT($text; ".txt")
