//%attributes = {"publishedWeb":true}
// hop?n=N redirects N times before it arrives.
ARRAY TEXT($names; 0)
ARRAY TEXT($values; 0)
WEB GET VARIABLES($names; $values)
var $n : Integer:=Num($values{Find in array($names; "n")})
If ($n>0)
	WEB SEND HTTP REDIRECT("/4DACTION/hop?n="+String($n-1))
Else 
	WEB SEND TEXT("arrived"; "text/plain")
End if 
