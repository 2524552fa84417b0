//%attributes = {"publishedWeb":true}
// A redirection wins over what else is sent, before or after it.
WEB SEND TEXT("not this")
WEB SEND HTTP REDIRECT("/target page.html?q=été")
WEB SEND FILE("docs/page.html")
