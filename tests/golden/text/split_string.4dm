ALERT(JSON Stringify(Split string("a,b,,c"; ",")))
ALERT(JSON Stringify(Split string("a, b,,c"; ","; sk ignore empty strings+sk trim spaces)))
ALERT(JSON Stringify(Split string("abc"; "")))
ALERT(JSON Stringify(Split string("no separator"; ";")))
