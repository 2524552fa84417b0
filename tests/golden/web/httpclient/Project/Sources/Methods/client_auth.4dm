//%attributes = {"publishedWeb":true}
// HTTP AUTHENTICATE against this server: Basic, Digest, the method chosen
// by the server's challenge, credentials kept or reset, a proxy's kept apart.
var $port : Integer
WEB GET OPTION(Web port ID; $port)
var $base : Text:="http://127.0.0.1:"+String($port)+"/4DACTION/"
var $text; $answer : Text
var $status : Integer
$status:=HTTP Get($base+"basic_area"; $answer)
$text+="no credentials: "+String($status)+" "+$answer+Char(10)
HTTP AUTHENTICATE("ann"; "pw1"; HTTP basic)
$status:=HTTP Get($base+"basic_area"; $answer)
$text+="basic: "+String($status)+" "+$answer+Char(10)
$status:=HTTP Get($base+"basic_area"; $answer)
$text+="kept for the next request: "+String($status)+Char(10)
HTTP AUTHENTICATE("ann"; "wrong"; HTTP basic)
$status:=HTTP Get($base+"basic_area"; $answer)
$text+="wrong password: "+String($status)+Char(10)
HTTP AUTHENTICATE("ann"; "pw1")
$status:=HTTP Get($base+"basic_area"; $answer)
$text+="negotiated basic: "+String($status)+" "+$answer+Char(10)
HTTP AUTHENTICATE("bob"; "pw2"; HTTP digest)
$status:=HTTP Get($base+"digest_area?x=1"; $answer)
$text+="digest: "+String($status)+" "+$answer+Char(10)
HTTP AUTHENTICATE("bob"; "nope"; HTTP digest)
$status:=HTTP Get($base+"digest_area"; $answer)
$text+="digest, wrong password: "+String($status)+" "+$answer+Char(10)
HTTP AUTHENTICATE("bob"; "pw2")
$status:=HTTP Request("GET"; $base+"digest_area"; ""; $answer)
$text+="negotiated digest: "+String($status)+" "+$answer+Char(10)
HTTP AUTHENTICATE("bob"; "pw2"; HTTP basic)
$status:=HTTP Get($base+"digest_area"; $answer)
$text+="basic where digest is asked: "+String($status)+Char(10)
// Proxy credentials are not the server's.
HTTP AUTHENTICATE("ann"; "pw1"; HTTP basic; *)
$status:=HTTP Get($base+"digest_area"; $answer)
$text+="proxy credentials only: "+String($status)+Char(10)
var $value : Integer
HTTP GET OPTION(HTTP reset auth settings; $value)
$text+="reset auth settings: "+String($value)
HTTP SET OPTION(HTTP reset auth settings; 1)
HTTP GET OPTION(HTTP reset auth settings; $value)
$text+=" then "+String($value)+Char(10)
HTTP AUTHENTICATE("ann"; "pw1"; HTTP basic)
$status:=HTTP Get($base+"basic_area"; $answer)
$text+="reset: first "+String($status)
$status:=HTTP Get($base+"basic_area"; $answer)
$text+=", then "+String($status)+Char(10)
Try
	HTTP AUTHENTICATE("ann"; "pw1"; 3)
Catch
	$text+="method 3: error "+String(Last errors[0].errCode)+Char(10)
End try
WEB SEND TEXT($text; "text/plain")
