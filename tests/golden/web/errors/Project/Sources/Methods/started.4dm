//%attributes = {"publishedWeb":true}
WEB SEND TEXT("onStartup said: "+Storage.started.at; "text/plain")
