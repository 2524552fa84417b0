//%attributes = {"publishedWeb":true}
// 4D.HTTPRequest against this server: wait(), the properties, the response,
// the options (method, headers, body, dataType, redirections, timeout,
// authentication), the callbacks and the errors.
var $port : Integer
WEB GET OPTION(Web port ID; $port)
var $base : Text:="http://127.0.0.1:"+String($port)
var $text : Text
var $request : 4D.HTTPRequest
$request:=4D.HTTPRequest.new($base+"/page.html")
$text+="class: "+OB Class($request).name+", terminated before wait: "+String($request.terminated)+Char(10)
$text+="wait gives the request: "+String($request.wait()=$request)+Char(10)
$text+="url: "+Replace string($request.url; String($port); "PORT")+", method: "+$request.method+", dataType: "+$request.dataType+", encoding: "+$request.encoding+", protocol: "+$request.protocol+Char(10)
$text+="headers: "+JSON Stringify($request.headers)+", timeout undefined: "+String(Value type($request.timeout)=Is undefined)+", returnResponseBody: "+String($request.returnResponseBody)+", terminated: "+String($request.terminated)+Char(10)
$text+="response: "+String($request.response.status)+" "+$request.response.statusText+", "+$request.response.headers["content-type"]+", body: "+$request.response.body+Char(10)
$text+="raw headers: "+$request.response.rawHeaders["content-type"]+", errors undefined: "+String(Value type($request.errors)=Is undefined)+Char(10)
// POST with headers (a collection repeats a field) and an object body, sent as JSON.
$request:=4D.HTTPRequest.new($base+"/4DACTION/echo"; {method: "post"; headers: {"X-Fourd": ["one"; "two"]}; body: {a: 1}}).wait()
$text+="echo: "+JSON Stringify($request.response.body)+Char(10)
$request:=4D.HTTPRequest.new($base+"/4DACTION/echo"; {method: "PUT"; body: "déjà"; headers: {"Content-Type": "text/x-mine"}}).wait()
$text+="echo text: "+JSON Stringify($request.response.body)+Char(10)
// The body's type: auto by the content type, or as dataType asks.
var $type : Text
For each ($type; ["auto"; "text"; "blob"; "object"])
	$request:=4D.HTTPRequest.new($base+"/4DACTION/echo"; {dataType: $type}).wait()
	$text+=$type+": "+String(Value type($request.response.body))+(OB Instance of($request.response.body; 4D.Blob) ? " blob" : "")+Char(10)
End for each 
$request:=4D.HTTPRequest.new($base+"/page.html"; {dataType: "auto"}).wait()
$text+="auto of a page: "+String(Value type($request.response.body))+Char(10)
$request:=4D.HTTPRequest.new($base+"/missing.html").wait()
$text+="missing: "+String($request.response.status)+" "+$request.response.statusText+Char(10)
// Redirections: followed by default, else the 302 comes back.
$request:=4D.HTTPRequest.new($base+"/4DACTION/hop?n=2").wait()
$text+="redirections followed: "+String($request.response.status)+" "+$request.response.body+Char(10)
$request:=4D.HTTPRequest.new($base+"/4DACTION/hop?n=1"; {automaticRedirections: False}).wait()
$text+="not followed: "+String($request.response.status)+Char(10)
// Authentication.
$request:=4D.HTTPRequest.new($base+"/4DACTION/basic_area").wait()
$text+="no credentials: "+String($request.response.status)+Char(10)
$request:=4D.HTTPRequest.new($base+"/4DACTION/basic_area"; {serverAuthentication: {name: "ann"; password: "pw1"; method: "basic"}}).wait()
$text+="basic: "+String($request.response.status)+" "+$request.response.body+Char(10)
$request:=4D.HTTPRequest.new($base+"/4DACTION/basic_area"; {serverAuthentication: {name: "ann"; password: "pw1"}}).wait()
$text+="negotiated: "+String($request.response.status)+Char(10)
// Callbacks as the functions of a class, in their documented order.
var $listener : cs.Req_listener:=cs.Req_listener.new("GET")
$request:=4D.HTTPRequest.new($base+"/page.html"; $listener).wait()
$text+="callbacks: "+$listener.kinds.join(", ")+"; bytes received: "+String($listener.received)+Char(10)
// Without returnResponseBody, the body only comes to onData.
$listener:=cs.Req_listener.new("GET")
$listener.returnResponseBody:=False
$request:=4D.HTTPRequest.new($base+"/page.html"; $listener).wait()
$text+="no body kept: "+String(Value type($request.response.body)=Is undefined)+", bytes received: "+String($listener.received)+Char(10)
// Formulas as callbacks; terminate() from onHeaders ends the request.
var $log : Collection:=[]
$request:=4D.HTTPRequest.new($base+"/page.html"; {onHeaders: Formula($1.terminate()); onResponse: Formula($log.push("response")); onTerminate: Formula($log.push("terminate"))}).wait()
$text+="terminate: "+$log.join(", ")+", terminated: "+String($request.terminated)+Char(10)
// Errors: a server that does not answer, a timeout.
$listener:=cs.Req_listener.new("GET")
$request:=4D.HTTPRequest.new("http://127.0.0.1:1/"; $listener).wait()
$text+="unreachable: "+$listener.kinds.join(", ")+", response undefined: "+String(Value type($request.response)=Is undefined)+Char(10)
$request:=4D.HTTPRequest.new($base+"/4DACTION/slow"; {timeout: 0.5}).wait()
$text+="timeout: "+String($request.errors[0].errCode)+", terminated: "+String($request.terminated)+Char(10)
// A short wait returns before the answer; the request goes on.
$request:=4D.HTTPRequest.new($base+"/4DACTION/slow")
$text+="short wait: "+String($request.wait(0.1).terminated)+", then: "+String($request.wait().terminated)+Char(10)
// Options refused.
var $attempts : Collection:=[{method: 1}; {dataType: "json"}; {returnResponseBody: False}; {serverAuthentication: {method: "kerberos"}}; {protocol: "HTTP3"}]
var $attempt : Object
For each ($attempt; $attempts)
	Try
		$request:=4D.HTTPRequest.new($base+"/page.html"; $attempt)
		$text+=JSON Stringify($attempt)+": accepted"+Char(10)
	Catch
		$text+=JSON Stringify($attempt)+": error "+String(Last errors[0].errCode)+Char(10)
	End try
End for each 
Try
	$request.url:="x"
Catch
	$text+="url is read-only: error "+String(Last errors[0].errCode)+Char(10)
End try
WEB SEND TEXT($text; "text/plain")
