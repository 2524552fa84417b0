//%attributes = {"publishedWeb":true}
// What On Web Authentication received for this request.
var $seen : Object:=Storage.seen
WEB SEND TEXT("url="+$seen.url+Char(10)+"first line="+$seen.firstLine+Char(10)+"client="+$seen.client+Char(10)+"server="+$seen.server+Char(10)+"user=["+$seen.user+"] password=["+$seen.password+"]"; "text/plain")
