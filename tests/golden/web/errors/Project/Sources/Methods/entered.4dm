//%attributes = {"publishedWeb":true}
WEB SEND TEXT(String(Storage.slow#Null); "text/plain")
