//%attributes = {"publishedWeb":true}
// 4D.HTTPAgent against this server: its options and properties, the global
// agent, connections kept and reused, the limit of connections to a server,
// a shared agent, and the options refused.
var $port : Integer
WEB GET OPTION(Web port ID; $port)
var $base : Text:="http://127.0.0.1:"+String($port)
var $text : Text
var $agent : 4D.HTTPAgent:=4D.HTTPAgent.new()
$text+="class: "+OB Class($agent).name+", instance: "+String(OB Instance of($agent; 4D.HTTPAgent))+", shared: "+String(OB Is shared($agent))+Char(10)
$text+="defaults: "+JSON Stringify($agent)+Char(10)
$agent:=4D.HTTPAgent.new({keepAlive: True; maxSockets: 5; maxTotalSockets: 10; timeout: 30; protocol: "auto"; validateTLSCertificate: False; minTLSVersion: "TLSv1_3"})
$text+="options: "+JSON Stringify($agent.options)+Char(10)
// Without an agent: the global one, the same for every request.
var $request : 4D.HTTPRequest:=4D.HTTPRequest.new($base+"/page.html").wait()
var $other : 4D.HTTPRequest:=4D.HTTPRequest.new($base+"/page.html").wait()
$text+="global agent: "+OB Class($request.agent).name+", the same: "+String($request.agent=$other.agent)+", options: "+JSON Stringify($request.agent.options)+Char(10)
// Through an agent: the connection is kept, then reused.
$agent:=4D.HTTPAgent.new()
$request:=4D.HTTPRequest.new($base+"/page.html"; {agent: $agent}).wait()
$text+="agent given back: "+String($request.agent=$agent)+", status: "+String($request.response.status)+", requests: "+String($agent.requestsCount)+", free sockets: "+String($agent.freeSocketsCount)+Char(10)
$request:=4D.HTTPRequest.new($base+"/page.html"; {agent: $agent}).wait()
$text+="second request, the connection reused: free sockets: "+String($agent.freeSocketsCount)+Char(10)
// keepAlive False: no connection kept.
var $closing : 4D.HTTPAgent:=4D.HTTPAgent.new({keepAlive: False})
$request:=4D.HTTPRequest.new($base+"/page.html"; {agent: $closing}).wait()
$text+="keepAlive False: status: "+String($request.response.status)+", free sockets: "+String($closing.freeSocketsCount)+Char(10)
// Two requests at once: requestsCount counts them; maxSockets 1 makes the
// second wait for the first's connection, so that one connection is opened.
var $max : Integer
For each ($max; [1; 2])
	$agent:=4D.HTTPAgent.new({maxSockets: $max})
	$request:=4D.HTTPRequest.new($base+"/4DACTION/slow"; {agent: $agent})
	$other:=4D.HTTPRequest.new($base+"/4DACTION/slow"; {agent: $agent})
	$text+="maxSockets "+String($max)+": requests in flight: "+String($agent.requestsCount)
	$request.wait()
	$other.wait()
	$text+=", answers: "+$request.response.body+" "+$other.response.body+", then requests: "+String($agent.requestsCount)+", free sockets: "+String($agent.freeSocketsCount)+Char(10)
End for each 
// maxTotalSockets limits the agent's connections to all servers.
$agent:=4D.HTTPAgent.new({maxTotalSockets: 1})
$request:=4D.HTTPRequest.new($base+"/4DACTION/slow"; {agent: $agent})
$other:=4D.HTTPRequest.new("http://localhost:"+String($port)+"/4DACTION/slow"; {agent: $agent})
$request.wait()
$other.wait()
$text+="maxTotalSockets 1, two servers: "+$request.response.body+" "+$other.response.body+", free sockets: "+String($agent.freeSocketsCount)+Char(10)
// A request that waits for a connection counts the wait in its timeout.
$agent:=4D.HTTPAgent.new({maxSockets: 1})
$request:=4D.HTTPRequest.new($base+"/4DACTION/slow"; {agent: $agent})
$other:=4D.HTTPRequest.new($base+"/4DACTION/slow"; {agent: $agent; timeout: 0.2}).wait()
$text+="waiting past its timeout: "+String($other.errors[0].errCode)+", the first: "+$request.wait().response.body+Char(10)
// The protocol of the agent, unless the request gives one.
$agent:=4D.HTTPAgent.new({protocol: "HTTP1"})
$request:=4D.HTTPRequest.new($base+"/page.html"; {agent: $agent}).wait()
$text+="protocol: "+$request.protocol+Char(10)
// Shareable: an agent in Storage, used by another process's code alike.
Use (Storage)
	Storage.agent:=4D.HTTPAgent.new({maxSockets: 3})
End use 
$request:=4D.HTTPRequest.new($base+"/page.html"; {agent: Storage.agent}).wait()
$text+="from Storage: "+String($request.response.status)+", the same agent: "+String($request.agent=Storage.agent)+", maxSockets: "+String(Storage.agent.options.maxSockets)+Char(10)
// Read-only properties.
Try
	$agent.requestsCount:=3
Catch
	$text+="requestsCount is read-only: error "+String(Last errors[0].errCode)+Char(10)
End try
Try
	$request.agent:=$agent
Catch
	$text+="agent is read-only: error "+String(Last errors[0].errCode)+Char(10)
End try
// Options refused.
var $attempts : Collection:=[{keepAlive: 1}; {maxSockets: 0}; {maxSockets: 2.5}; {maxTotalSockets: "9"}; {timeout: -1}; {protocol: "HTTP2"}; {minTLSVersion: "SSLv3"}; {validateTLSCertificate: "yes"}; {certificatesFolder: "/tmp"}; {storeCertificateName: "my certificate"}]
var $attempt : Object
For each ($attempt; $attempts)
	Try
		$agent:=4D.HTTPAgent.new($attempt)
		$text+="agent "+JSON Stringify($attempt)+": accepted"+Char(10)
	Catch
		$text+="agent "+JSON Stringify($attempt)+": error "+String(Last errors[0].errCode)+Char(10)
	End try
End for each 
$attempts:=[{agent: {}}; {agent: "global"}; {minTLSVersion: "TLSv1_4"}; {validateTLSCertificate: 0}; {storeCertificateName: "my certificate"}]
For each ($attempt; $attempts)
	Try
		$request:=4D.HTTPRequest.new($base+"/page.html"; $attempt)
		$text+="request "+JSON Stringify($attempt)+": accepted"+Char(10)
	Catch
		$text+="request "+JSON Stringify($attempt)+": error "+String(Last errors[0].errCode)+Char(10)
	End try
End for each 
Try
	$agent:=4D.HTTPAgent.new({}; {})
Catch
	$text+="two arguments: error "+String(Last errors[0].errCode)+Char(10)
End try
WEB SEND TEXT($text; "text/plain")
