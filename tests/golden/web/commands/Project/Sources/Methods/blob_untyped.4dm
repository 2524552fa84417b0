//%attributes = {"publishedWeb":true}
// An empty type: no Content-Type, the browser guesses.
var $blob : Blob
TEXT TO BLOB("raw bytes"; $blob; UTF8 text without length)
WEB SEND BLOB($blob; "")
