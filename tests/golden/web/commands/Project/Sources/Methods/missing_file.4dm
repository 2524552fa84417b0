//%attributes = {"publishedWeb":true}
// A missing file sets OK to 0 and sends nothing.
WEB SEND FILE("docs/nope.html")
WEB SEND TEXT("OK="+String(OK); "text/plain")
