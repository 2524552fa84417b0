//%attributes = {"publishedWeb":true}
// Plain HTTP; the session of the request is the one WEB Get current session ID names.
var $text : Text:="secured: "+String(WEB Is secured connection)+Char(10)
$text+="same session: "+String(WEB Get current session ID=Session.id)+Char(10)
$text+="id length: "+String(Length(WEB Get current session ID))+Char(10)
WEB SEND TEXT($text; "text/plain")
