//%attributes = {"publishedWeb":true}
// A file of the web root, by a path relative to it.
WEB SEND FILE("docs/page.html")
