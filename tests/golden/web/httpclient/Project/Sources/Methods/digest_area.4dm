//%attributes = {"publishedWeb":true}
// A page behind Digest authentication (RFC 7616, MD5, qop auth): bob, pw2.
// The answer is checked here with Generate digest.
ARRAY TEXT($names; 0)
ARRAY TEXT($values; 0)
WEB GET HTTP HEADER($names; $values)
var $at : Integer:=Find in array($names; "Authorization")
var $given : Text:=($at>0) ? $values{$at} : ""
If (Position("Digest "; $given)#1)
	var $header : Text:="X-STATUS: 401 Unauthorized"+Char(13)+"WWW-Authenticate: Digest realm=\"area\", nonce=\"n0nce42\", qop=\"auth\", opaque=\"op1\""
	WEB SET HTTP HEADER($header)
	WEB SEND TEXT("digest needed"; "text/plain")
	return 
End if 
var $user : Text:=Digest_field($given; "username")
var $ha1 : Text:=Generate digest($user+":area:pw2"; MD5 digest)
var $ha2 : Text:=Generate digest("GET:"+Digest_field($given; "uri"); MD5 digest)
var $expected : Text:=Generate digest($ha1+":n0nce42:"+Digest_field($given; "nc")+":"+Digest_field($given; "cnonce")+":auth:"+$ha2; MD5 digest)
If ($user="bob") && ($expected=Digest_field($given; "response")) && (Digest_field($given; "opaque")="op1")
	WEB SEND TEXT("digest ok for "+$user+" on "+Digest_field($given; "uri"); "text/plain")
Else 
	var $refused : Text:="X-STATUS: 403 Forbidden"
	WEB SET HTTP HEADER($refused)
	WEB SEND TEXT("digest wrong"; "text/plain")
End if 
