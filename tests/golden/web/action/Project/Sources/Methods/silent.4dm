//%attributes = {"publishedWeb":true}
// Sends nothing: the client gets an empty page.
var $x : Integer:=1
