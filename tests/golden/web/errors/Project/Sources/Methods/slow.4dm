//%attributes = {"publishedWeb":true}
// A request still running when the server is told to stop: it finishes.
Use (Storage)
	Storage.slow:=New shared object("entered"; True)
End use
DELAY PROCESS(Current process; 30)
WEB SEND TEXT("slow done"; "text/plain")
