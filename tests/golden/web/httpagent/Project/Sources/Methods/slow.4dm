//%attributes = {"publishedWeb":true}
// An answer that takes half a second.
DELAY PROCESS(Current process; 30)
WEB SEND TEXT("late"; "text/plain")
