//%attributes = {"publishedWeb":true}
WEB SEND TEXT("dynamic requests so far: "+String(Storage.dynamic.count); "text/plain")
