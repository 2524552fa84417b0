//%attributes = {"publishedWeb":true}
// The HTTP client, against this very server: a GET into an object, a POST
// with header fields into a text, and a server that cannot be reached.
var $port : Integer
WEB GET OPTION(Web port ID; $port)
var $base : Text:="http://127.0.0.1:"+String($port)
var $text : Text:=""
var $object : Object
var $status : Integer:=HTTP Get($base+"/4DACTION/json_answer"; $object)
$text+="GET: "+String($status)+", count "+String($object.count)+", name "+$object.name+Char(10)
ARRAY TEXT($names; 1)
ARRAY TEXT($values; 1)
$names{1}:="Content-Type"
$values{1}:="text/plain"
var $answer : Text
$status:=HTTP Request("POST"; $base+"/4DACTION/body"; "sent by HTTP Request"; $answer; $names; $values)
$text+="POST: "+String($status)+Char(10)+$answer+Char(10)
$text+="answer has Content-Type: "+String(Find in array($names; "content-type")>0)+Char(10)
var $blob : Blob
$status:=HTTP Get($base+"/docs/page.html"; $blob)
$text+="BLOB: "+String($status)+", "+String(BLOB size($blob))+" bytes"+Char(10)
$status:=HTTP Get($base+"/4DACTION/nothere"; $answer)
$text+="missing: "+String($status)+Char(10)
Try
	$status:=-1
	$status:=HTTP Get("http://127.0.0.1:1/"; $answer)
Catch
	$text+="unreachable: "+String($status)+", error "+String(Last errors[0].errCode)+Char(10)
End try
WEB SEND TEXT($text; "text/plain")
