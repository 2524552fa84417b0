//%attributes = {"publishedWeb":true}
// The raw body, as a text and as a BLOB.
var $text : Text
var $blob : Blob
WEB GET HTTP BODY($text)
WEB GET HTTP BODY($blob)
WEB SEND TEXT("text: "+$text+Char(10)+"bytes: "+String(BLOB size($blob)); "text/plain")
