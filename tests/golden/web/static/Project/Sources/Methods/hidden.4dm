//%attributes = {"publishedWeb":true}
WEB SEND TEXT("a source must never be served, only run")
