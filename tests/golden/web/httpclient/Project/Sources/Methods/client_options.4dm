//%attributes = {"publishedWeb":true}
// HTTP SET OPTION and HTTP GET OPTION: defaults, redirections, timeout,
// values refused.
var $port : Integer
WEB GET OPTION(Web port ID; $port)
var $base : Text:="http://127.0.0.1:"+String($port)+"/4DACTION/"
var $text; $answer : Text
var $status; $value : Integer
var $option : Integer
For each ($option; [HTTP timeout; HTTP follow redirect; HTTP max redirect; HTTP display auth dial; HTTP reset auth settings; HTTP compression; HTTP client log])
	HTTP GET OPTION($option; $value)
	$text+="option "+String($option)+": "+String($value)+Char(10)
End for each 
$status:=HTTP Get($base+"hop?n=2"; $answer)
$text+="two redirections: "+String($status)+" "+$answer+Char(10)
$status:=HTTP Get($base+"hop?n=3"; $answer)
$text+="three redirections: "+String($status)+Char(10)
HTTP SET OPTION(HTTP max redirect; 5)
$status:=HTTP Get($base+"hop?n=3"; $answer)
$text+="three with max 5: "+String($status)+" "+$answer+Char(10)
HTTP SET OPTION(HTTP follow redirect; 0)
$status:=HTTP Get($base+"hop?n=1"; $answer)
$text+="not followed: "+String($status)+Char(10)
HTTP SET OPTION(HTTP follow redirect; 1)
HTTP SET OPTION(HTTP compression; 1)
$status:=HTTP Get("http://127.0.0.1:"+String($port)+"/page.html"; $answer)
$text+="compression asked: "+String($status)+" "+$answer+Char(10)
HTTP SET OPTION(HTTP timeout; 1)
HTTP GET OPTION(HTTP timeout; $value)
$text+="timeout "+String($value)
Try
	$status:=HTTP Get($base+"slow"; $answer)
	$text+=": answered"+Char(10)
Catch
	$text+=": error "+String(Last errors[0].errCode)+Char(10)
End try
HTTP SET OPTION(HTTP timeout; 120)
var $bad : Collection:=[[99; 1]; [HTTP follow redirect; 7]; [HTTP max redirect; -1]; [HTTP timeout; 0]; [HTTP display auth dial; 1]; [HTTP client log; 1]]
var $pair : Collection
For each ($pair; $bad)
	Try
		HTTP SET OPTION($pair[0]; $pair[1])
		$text+="set "+String($pair[0])+" to "+String($pair[1])+": accepted"+Char(10)
	Catch
		$text+="set "+String($pair[0])+" to "+String($pair[1])+": error "+String(Last errors[0].errCode)+Char(10)
	End try
End for each 
Try
	HTTP GET OPTION(0; $value)
Catch
	$text+="get 0: error "+String(Last errors[0].errCode)+Char(10)
End try
HTTP SET OPTION(HTTP display auth dial; 0)
HTTP SET OPTION(HTTP client log; 0)
$text+="display auth dial 0, client log 0: accepted"+Char(10)
WEB SEND TEXT($text; "text/plain")
