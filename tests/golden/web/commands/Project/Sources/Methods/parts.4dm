//%attributes = {"publishedWeb":true}
// Each part of a multipart body: contents, name, type and file name.
var $count : Integer:=WEB Get body part count
var $text : Text:="parts: "+String($count)+Char(10)
var $i : Integer
var $contents : Blob
var $name; $mime; $file : Text
For ($i; 1; $count)
	WEB GET BODY PART($i; $contents; $name; $mime; $file)
	$text+=String($i)+" "+$name+" ["+$mime+"] ["+$file+"] "+BLOB to text($contents; UTF8 text without length)+Char(10)
End for
WEB SEND TEXT($text; "text/plain")
