// A document written to a file in the case's own folder, read back, then removed.
var $dir; $root; $e; $text : Text
gTmp:="tmp_xml_file_"+Generate UUID
$dir:=gTmp+Folder separator
CREATE FOLDER($dir)
$root:=DOM Create XML Ref("notes")
$e:=DOM Create XML element($root; "note"; "n"; 1)
DOM SET XML ELEMENT VALUE($e; "été")
DOM EXPORT TO FILE($root; $dir+"notes.xml")
Say("exported: OK="+String(OK)+", exists: "+String(Test path name($dir+"notes.xml")=Is a document))
Say(Document to text($dir+"notes.xml"))
var $read : Text
$read:=DOM Parse XML source($dir+"notes.xml")
$e:=DOM Find XML element($read; "/notes/note")
DOM GET XML ELEMENT VALUE($e; $text)
Say("read back: "+$text+" OK="+String(OK))
// A document in another character set is written in it and read back.
DOM SET XML DECLARATION($root; "ISO-8859-1")
DOM EXPORT TO FILE($root; $dir+"latin.xml")
Say("latin-1 bytes: "+String(Get document size($dir+"latin.xml")))
$read:=DOM Parse XML source($dir+"latin.xml")
$e:=DOM Find XML element($read; "/notes/note")
DOM GET XML ELEMENT VALUE($e; $text)
Say("latin-1 read back: "+$text)
Try
	$read:=DOM Parse XML source($dir+"missing.xml")
Catch
	Say("missing file: "+String(Last errors[0].errCode)+" OK="+String(OK))
End try
DOM CLOSE XML($root)
DELETE FOLDER($dir; Delete with contents)
