//%attributes = {"publishedWeb":true}
// The text form: a status line, then fields, lines ended by CR.
var $header : Text:="HTTP/1.1 404 Not Here"+Char(13)+"X-Reason: gone"+Char(13)+"Content-Type: text/plain"
WEB SET HTTP HEADER($header)
WEB SEND TEXT("nothing here")
