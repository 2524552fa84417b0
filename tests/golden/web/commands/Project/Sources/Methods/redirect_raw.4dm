//%attributes = {"publishedWeb":true}
// With *, the URL is sent as it is.
WEB SEND HTTP REDIRECT("/already%20encoded?a=1"; *)
