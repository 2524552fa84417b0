#DECLARE($url : Text; $content : Text; $clientIP : Text; $serverIP : Text; $user : Text; $password : Text) -> $accept : Boolean
// Refuses what asks for /private, and a request with no X-Key; shows its parameters to /4DACTION/show.
Case of
	: ($url="/private@")
		$accept:=False
	: (Position("X-Key: open"; $content)=0)
		$accept:=False
	Else
		$accept:=True
		If ($url="/4DACTION/show@")
			Use (Storage)
				Storage.seen:=New shared object("url"; $url; "firstLine"; Substring($content; 1; Position(Char(13); $content)-1); "client"; $clientIP; "server"; $serverIP; "user"; $user; "password"; $password)
			End use
		End if
End case
