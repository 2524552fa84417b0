// Generate password hash makes a bcrypt hash with a new salt each time;
// Verify password hash checks a password against it.
var $hash; $again : Text
$hash:=Generate password hash("s3cret"; New object("algorithm"; "bcrypt"; "cost"; 4))
$again:=Generate password hash("s3cret"; New object("cost"; 4))
LOG EVENT(Into system standard outputs; Substring($hash; 1; 7)+" "+String(Length($hash))+" salted: "+String($hash#$again)+"\n")
LOG EVENT(Into system standard outputs; String(Verify password hash("s3cret"; $hash))+" "+String(Verify password hash("S3cret"; $hash))+" "+String(Verify password hash("s3cret"; $again))+"\n")
// Only the first 72 characters count.
var $long : Text
$long:="x"*72
$hash:=Generate password hash($long+"a"; New object("cost"; 4))
LOG EVENT(Into system standard outputs; String(Verify password hash($long+"b"; $hash))+"\n")

// Errors: an algorithm other than "bcrypt" (850), a cost out of 4...31
// (852), a hash that is not bcrypt's (850), a malformed one (851).
var $code : Integer
var $ok : Boolean
Try
	$hash:=Generate password hash("a"; New object("algorithm"; "BCRYPT"))
Catch
	$code:=Last errors[0].errCode
End try
LOG EVENT(Into system standard outputs; String($code)+"\n")
Try
	$hash:=Generate password hash("a"; New object("cost"; 3))
Catch
	$code:=Last errors[0].errCode
End try
LOG EVENT(Into system standard outputs; String($code)+"\n")
Try
	$ok:=Verify password hash("a"; "5f4dcc3b5aa765d61d8327deb882cf99")
Catch
	$code:=Last errors[0].errCode
End try
LOG EVENT(Into system standard outputs; String($code)+"\n")
Try
	$ok:=Verify password hash("a"; "$2b$04$short")
Catch
	$code:=Last errors[0].errCode
End try
LOG EVENT(Into system standard outputs; String($code)+"\n")
