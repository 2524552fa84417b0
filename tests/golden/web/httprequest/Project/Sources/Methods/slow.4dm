//%attributes = {"publishedWeb":true}
// An answer that takes two seconds.
DELAY PROCESS(Current process; 120)
WEB SEND TEXT("late"; "text/plain")
