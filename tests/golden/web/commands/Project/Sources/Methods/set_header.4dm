//%attributes = {"publishedWeb":true}
// A status of one's own, two cookies, a field of one's own.
ARRAY TEXT($names; 4)
ARRAY TEXT($values; 4)
$names{1}:="X-STATUS"
$values{1}:="201 Created"
$names{2}:="Set-Cookie"
$values{2}:="flavour=plain; Path=/"
$names{3}:="Set-Cookie"
$values{3}:="size=large; Path=/"
$names{4}:="X-Made-By"
$values{4}:="set_header"
WEB SET HTTP HEADER($names; $values)
WEB SEND TEXT("made"; "text/plain")
