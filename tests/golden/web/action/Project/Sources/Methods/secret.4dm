//%attributes = {"publishedWeb":false}
WEB SEND TEXT("the secret was sent")
