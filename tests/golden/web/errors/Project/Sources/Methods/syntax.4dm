//%attributes = {"publishedWeb":true}
If (True
	WEB SEND TEXT("no")
End if
