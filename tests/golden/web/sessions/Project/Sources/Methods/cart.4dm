//%attributes = {"publishedWeb":true}
// The session's own cart, whichever web process serves the request.
cs.Cart.me.add()
WEB SEND TEXT("items: "+String(cs.Cart.me.items); "text/plain")
