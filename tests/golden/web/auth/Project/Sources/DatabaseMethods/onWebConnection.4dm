#DECLARE($url : Text; $header : Text; $clientIP : Text; $serverIP : Text; $user : Text; $password : Text)
// The router of the URLs that are neither files nor 4DACTION.
Case of
	: ($url="/api/hello@")
		WEB SEND TEXT("router: "+$url; "text/plain")
	: ($url="/old")
		WEB SEND HTTP REDIRECT("/api/hello")
	Else
		ARRAY TEXT($names; 1)
		ARRAY TEXT($values; 1)
		$names{1}:="X-STATUS"
		$values{1}:="404 Not Found"
		WEB SET HTTP HEADER($names; $values)
		WEB SEND TEXT("no route for "+$url; "text/plain")
End case
