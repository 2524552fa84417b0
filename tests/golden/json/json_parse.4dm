// JSON Parse: scalars, dates in "YYYY-MM-DD" strings, the type argument, and * for __symbols.
ALERT(String(JSON Parse("17.5")+1)+" "+JSON Parse("\"caf\\u00e9\"")+" "+String(JSON Parse("true"))+" "+String(JSON Parse("null")=Null))
var $d : Object:=JSON Parse("{\"born\": \"2001-02-03\", \"stamp\": \"2001-02-03T10:00:00Z\", \"bad\": \"2001-02-30\"}")
ALERT(String(Value type($d.born))+" "+String($d.born)+" "+String(Value type($d.stamp))+" "+String(Value type($d.bad)))
ALERT(JSON Stringify(JSON Parse("[\"2020-01-01\", 1e3, -0.5, {}, []]")))
ALERT(String(JSON Parse("99.99"; Is longint))+" "+JSON Parse("\"Chapter 9\""; Is text)+" "+JSON Parse("42"; Is text))
ALERT(String(JSON Parse("{\"ok\": 1}"; Is Boolean))+" "+String(JSON Parse("0"; Is Boolean)))
ALERT(String(JSON Parse("3725"; Is time))+" "+String(JSON Parse("\"2010-05-06T22:00:00Z\""; Is date))+" "+String(JSON Parse("\"no date\""; Is date)))
ALERT(String(JSON Parse("[1]"; Is object)=Null)+" "+JSON Stringify(JSON Parse("[1]"; Is collection)))
// Property order is kept; a repeated name keeps its first place and its last value.
ALERT(JSON Stringify(JSON Parse("{\"z\": 1, \"a\": 2, \"z\": 3}")))
var $text : Text:="{\n\t\"id\": 7,\n  \"parts\": [\n    {\"name\": \"bolt\"},\n    {\"name\": \"nut\", \"size\": {\"mm\": 5}}\n  ]\n}"
ALERT(JSON Stringify(JSON Parse($text; Is object; *).__symbols))
ALERT(JSON Stringify(JSON Parse("[{\"a\": 1}]"; *)))
// Every escape of JSON strings, by its character code.
var $escaped : Text:=JSON Parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\"")
var $codes : Collection:=[]
var $k : Integer
For ($k; 1; Length($escaped))
	$codes.push(Character code($escaped[[$k]]))
End for
ALERT($codes.join(" "))
// Offsets count UTF-16 units from the start of the line: 😀 is two, é one.
ALERT(JSON Stringify(JSON Parse("{\"😀é\": {\"b\": 1, \"c\": [{\"d\": 2}]}}"; Is object; *).__symbols))
