//%attributes = {"publishedWeb":true}
// A page behind Basic authentication: ann, pw1.
ARRAY TEXT($names; 0)
ARRAY TEXT($values; 0)
WEB GET HTTP HEADER($names; $values)
var $at : Integer:=Find in array($names; "Authorization")
var $given : Text:=($at>0) ? $values{$at} : ""
var $wanted : Text
var $pair : Text:="ann:pw1"
BASE64 ENCODE($pair; $wanted)
If ($given=("Basic "+$wanted))
	WEB SEND TEXT("basic ok"; "text/plain")
Else 
	var $header : Text:="X-STATUS: 401 Unauthorized"+Char(13)+"WWW-Authenticate: Basic realm=\"area\""
	WEB SET HTTP HEADER($header)
	WEB SEND TEXT("who are you?"; "text/plain")
End if 
