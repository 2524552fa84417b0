//%attributes = {"publishedWeb":true}
var $blob : Blob
TEXT TO BLOB("{\"fromBlob\":true}"; $blob; UTF8 text without length)
WEB SEND BLOB($blob; ".json")
