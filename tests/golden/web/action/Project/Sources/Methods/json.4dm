//%attributes = {"publishedWeb":true}
var $o : Object:={count: 3; names: ["a"; "b"]}
WEB SEND TEXT(JSON Stringify($o); "application/json")
