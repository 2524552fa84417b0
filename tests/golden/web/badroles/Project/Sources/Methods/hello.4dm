//%attributes = {"publishedWeb":true}
WEB SEND TEXT("never served: the roles cannot be read")
