// A document that is not there: Document to text raises 4D's file manager error -43.
var $text : Text
$text:=Document to text("tmp_missing_document"+Folder separator+"none.txt")
ALERT("not reached")
