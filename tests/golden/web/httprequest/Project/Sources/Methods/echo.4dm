//%attributes = {"publishedWeb":true}
// Sends back, as JSON, the request's method, its X-Fourd fields, its content type and its body.
ARRAY TEXT($names; 0)
ARRAY TEXT($values; 0)
WEB GET HTTP HEADER($names; $values)
var $body : Text
WEB GET HTTP BODY($body)
var $seen : Object:={method: $values{Find in array($names; "X-METHOD")}; fourd: []; body: $body}
var $i : Integer
For ($i; 1; Size of array($names))
	Case of 
		: ($names{$i}="X-Fourd")
			$seen.fourd.push($values{$i})
		: ($names{$i}="Content-Type")
			$seen.contentType:=$values{$i}
	End case 
End for 
WEB SEND TEXT(JSON Stringify($seen); "application/json")
