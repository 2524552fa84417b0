//%attributes = {"publishedWeb":true}
// The TLS options of 4D.HTTPRequest and 4D.HTTPAgent against the trial's
// HTTPS servers (self-signed certificates): port, TLS 1.2 and 1.3; port12,
// TLS 1.2 only. Each answers with the TLS version and whether the client
// gave a certificate.
ARRAY TEXT($names; 0)
ARRAY TEXT($values; 0)
WEB GET VARIABLES($names; $values)
var $url : Text:="https://127.0.0.1:"+$values{Find in array($names; "port")}+"/"
var $url12 : Text:="https://127.0.0.1:"+$values{Find in array($names; "port12")}+"/"
var $text : Text
var $request : 4D.HTTPRequest
// The certificate is validated by default (documented): a self-signed one fails.
$request:=4D.HTTPRequest.new($url).wait()
$text+="validated by default: "+String($request.errors[0].errCode)+", about the certificate: "+String(Position("certificate"; $request.errors[0].message)>0)+", response undefined: "+String(Value type($request.response)=Is undefined)+Char(10)
$request:=4D.HTTPRequest.new($url; {validateTLSCertificate: False}).wait()
$text+="not validated: "+String($request.response.status)+" "+$request.response.body+Char(10)
// The agent's option, unless the request gives its own.
var $agent : 4D.HTTPAgent:=4D.HTTPAgent.new({validateTLSCertificate: False})
$request:=4D.HTTPRequest.new($url; {agent: $agent}).wait()
$text+="agent not validating: "+String($request.response.status)+Char(10)
$request:=4D.HTTPRequest.new($url; {agent: $agent; validateTLSCertificate: True}).wait()
$text+="request validating through it: "+String($request.errors[0].errCode)+Char(10)
// minTLSVersion: TLS 1.2 by default; TLSv1_3 refuses a server of TLS 1.2 only.
$request:=4D.HTTPRequest.new($url12; {validateTLSCertificate: False}).wait()
$text+="default minimum, TLS 1.2 server: "+$request.response.body+Char(10)
var $version : Text
For each ($version; ["TLSv1_0"; "TLSv1_1"; "TLSv1_2"; "TLSv1_3"])
	$request:=4D.HTTPRequest.new($url12; {validateTLSCertificate: False; minTLSVersion: $version}).wait()
	$text+=$version+", TLS 1.2 server: "+(($request.errors=Null) ? $request.response.body : "error "+String($request.errors[0].errCode))+Char(10)
End for each 
$agent:=4D.HTTPAgent.new({validateTLSCertificate: False; minTLSVersion: "TLSv1_3"})
$request:=4D.HTTPRequest.new($url12; {agent: $agent}).wait()
$text+="agent TLSv1_3, TLS 1.2 server: error "+String($request.errors[0].errCode)+Char(10)
$request:=4D.HTTPRequest.new($url; {agent: $agent}).wait()
$text+="agent TLSv1_3, TLS 1.3 server: "+$request.response.body+Char(10)
$request:=4D.HTTPRequest.new($url12; {agent: $agent; minTLSVersion: "TLSv1_2"}).wait()
$text+="request TLSv1_2 through it: "+$request.response.body+Char(10)
// certificatesFolder: the client certificate (cert.pem) and its key (key.pem).
var $folder : 4D.Folder:=Folder(Temporary folder; fk platform path).folder("fourd-agent-"+Generate UUID)
$folder.create()
$request:=4D.HTTPRequest.new($url+"client-cert.pem"; {validateTLSCertificate: False}).wait()
$folder.file("cert.pem").setText($request.response.body; "UTF-8-no-bom")
$request:=4D.HTTPRequest.new($url+"client-key.pem"; {validateTLSCertificate: False}).wait()
$folder.file("key.pem").setText($request.response.body; "UTF-8-no-bom")
$request:=4D.HTTPRequest.new($url; {validateTLSCertificate: False; certificatesFolder: $folder}).wait()
$text+="with certificatesFolder: "+$request.response.body+Char(10)
$agent:=4D.HTTPAgent.new({validateTLSCertificate: False; certificatesFolder: $folder})
$request:=4D.HTTPRequest.new($url12; {agent: $agent}).wait()
$text+="agent's certificatesFolder: "+$request.response.body+", shown as a path: "+String($agent.options.certificatesFolder=$folder.path)+Char(10)
// A folder without them, or with something else in them, is refused.
var $empty : 4D.Folder:=$folder.folder("empty")
$empty.create()
var $bad : 4D.Folder:=$folder.folder("bad")
$bad.create()
$bad.file("cert.pem").setText("not a certificate"; "UTF-8-no-bom")
$bad.file("key.pem").setText("not a key"; "UTF-8-no-bom")
var $attempt : 4D.Folder
For each ($attempt; [$empty; $bad])
	Try
		$request:=4D.HTTPRequest.new($url; {certificatesFolder: $attempt})
		$text+=$attempt.name+": accepted"+Char(10)
	Catch
		$text+=$attempt.name+": error "+String(Last errors[0].errCode)+Char(10)
	End try
	Try
		$agent:=4D.HTTPAgent.new({certificatesFolder: $attempt})
		$text+=$attempt.name+" for an agent: accepted"+Char(10)
	Catch
		$text+=$attempt.name+" for an agent: error "+String(Last errors[0].errCode)+Char(10)
	End try
End for each 
$folder.delete(Delete with contents)
WEB SEND TEXT($text; "text/plain")
