//%attributes = {"publishedWeb":true}
WEB SEND TEXT(JSON Stringify({count: 3; name: "café"}); "application/json")
