//%attributes = {"publishedWeb":true}
// A permanent redirection: X-STATUS 301 with the redirect.
ARRAY TEXT($names; 1)
ARRAY TEXT($values; 1)
$names{1}:="X-STATUS"
$values{1}:="301"
WEB SET HTTP HEADER($names; $values)
WEB SEND HTTP REDIRECT("/new/place")
