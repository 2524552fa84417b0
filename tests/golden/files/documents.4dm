// The classic document commands, on documents in a folder the case makes
// and removes: names without a folder are next to the structure file (the
// case's folder).
var $dir : Text
Say("Document before any command: \""+Document+"\"")
gTmp:="tmp_documents_"+Generate UUID
$dir:=gTmp+Folder separator
CREATE FOLDER($dir)
Say("CREATE FOLDER: OK="+String(OK)+", Test path name="+String(Test path name($dir)))

// Create document adds .txt to a name without a dot, and sets Document.
var $ref : Time
$ref:=Create document($dir+"note")
Say("Create document: OK="+String(OK)+", Document ends with "+Path to object(Document).name+Path to object(Document).extension)
var $other : Time
$other:=Create document($dir+"table"; ".csv;.txt")
Say("with a file type: "+Path to object(Document).name+Path to object(Document).extension)
CLOSE DOCUMENT($other)
DELETE DOCUMENT(Document)
SEND PACKET($ref; "line one\nline two\n")
SEND PACKET($ref; "end")
CLOSE DOCUMENT($ref)
Say("Test path name: "+String(Test path name($dir+"note.txt"))+" size "+String(Get document size($dir+"note.txt")))

// RECEIVE PACKET: up to a stop text, a number of bytes, then past the end.
var $text : Text
$ref:=Open document($dir+"note.txt"; Read Mode)
RECEIVE PACKET($ref; $text; "\n")
Say("to the stop: \""+$text+"\" OK="+String(OK))
RECEIVE PACKET($ref; $text; 4)
Say("4 bytes: \""+$text+"\" OK="+String(OK))
RECEIVE PACKET($ref; $text; "#")
Say("no stop, to the end: \""+Replace string($text; "\n"; "|")+"\" OK="+String(OK))
RECEIVE PACKET($ref; $text; 10)
Say("past the end: \""+$text+"\" OK="+String(OK))
Say("size by reference: "+String(Get document size($ref)))
SET DOCUMENT POSITION($ref; 5)
Say("position: "+String(Get document position($ref)))
RECEIVE PACKET($ref; $text; 3)
Say("3 bytes at 5: \""+$text+"\", then "+String(Get document position($ref)))
SET DOCUMENT POSITION($ref; -3; 2)
RECEIVE PACKET($ref; $text; 3)
Say("the last 3: \""+$text+"\"")
var $bytes : Blob
SET DOCUMENT POSITION($ref; 0)
RECEIVE PACKET($ref; $bytes; 4)
Say("into a BLOB: "+String(BLOB size($bytes))+" bytes, "+BLOB to text($bytes; UTF8 text without length))
SET DOCUMENT POSITION($ref; -100; 3)
Say("before the start is the start: "+String(Get document position($ref)))
CLOSE DOCUMENT($ref)

// Append document writes at the end; a BLOB packet is written as bytes.
$ref:=Append document($dir+"note.txt")
var $b : Blob
TEXT TO BLOB("!"; $b; UTF8 text without length)
SEND PACKET($ref; $b)
CLOSE DOCUMENT($ref)
Say("appended: "+Replace string(Document to text($dir+"note.txt"); "\n"; "|"))
$ref:=Open document($dir+"note.txt"; ""; Get Pathname)
Say("Get Pathname: "+String($ref)+" OK="+String(OK)+" "+Path to object(Document).name)

$ref:=Open document($dir+"note.txt")
SET DOCUMENT SIZE($ref; 8)
CLOSE DOCUMENT($ref)
Say("SET DOCUMENT SIZE: "+Document to text($dir+"note.txt"))

// TEXT TO DOCUMENT and Document to text: character sets and line ends.
TEXT TO DOCUMENT($dir+"crlf.txt"; "a\nb\r\nc\rd"; "UTF-8"; Document with CRLF)
Say("CRLF written: "+String(Get document size($dir+"crlf.txt"))+" bytes (3 of them the BOM)")
$text:=Document to text($dir+"crlf.txt"; "UTF-8"; Document unchanged)
Say("unchanged: "+Replace string(Replace string($text; "\r"; "<CR>"); "\n"; "<LF>"))
$text:=Document to text($dir+"crlf.txt")
Say("native: "+Replace string(Replace string($text; "\r"; "<CR>"); "\n"; "<LF>"))
TEXT TO DOCUMENT($dir+"plain.txt"; "déjà")
Say("default UTF-8 without BOM: "+String(Get document size($dir+"plain.txt"))+" bytes")
TEXT TO DOCUMENT($dir+"latin.txt"; "déjà"; "ISO-8859-1")
Say("ISO-8859-1: "+String(Get document size($dir+"latin.txt"))+" bytes, read as Latin-1: "+Document to text($dir+"latin.txt"; "ISO-8859-1"))

// DOCUMENT TO BLOB and BLOB TO DOCUMENT.
DOCUMENT TO BLOB($dir+"plain.txt"; $b)
Say("DOCUMENT TO BLOB: OK="+String(OK)+" size "+String(BLOB size($b)))
BLOB TO DOCUMENT($dir+"copy.bin"; $b)
Say("BLOB TO DOCUMENT: OK="+String(OK)+" "+Document to text($dir+"copy.bin"))

// COPY, MOVE and DELETE DOCUMENT.
COPY DOCUMENT($dir+"plain.txt"; $dir+"plain2.txt")
Try
	COPY DOCUMENT($dir+"plain.txt"; $dir+"plain2.txt")
Catch
	Say("copy onto an existing document: "+String(Last errors[0].errCode))
End try
COPY DOCUMENT($dir+"latin.txt"; $dir+"plain2.txt"; *)
Say("copy with *: "+String(Get document size($dir+"plain2.txt"))+" bytes")
CREATE FOLDER($dir+"sub"+Folder separator+"deeper"+Folder separator; *)
CREATE FOLDER($dir+"sub"+Folder separator+"deep2"+Folder separator+"ignored.txt"; *)
Say("CREATE FOLDER with *: "+String(Test path name($dir+"sub"+Folder separator+"deep2"))+" "+String(Test path name($dir+"sub"+Folder separator+"deep2"+Folder separator+"ignored.txt")))
Try
	CREATE FOLDER($dir+"none"+Folder separator+"inner")
Catch
	Say("CREATE FOLDER without * in a missing folder: "+String(Last errors[0].errCode))
End try
MOVE DOCUMENT($dir+"plain2.txt"; $dir+"sub"+Folder separator+"moved.txt")
Say("moved: "+String(Test path name($dir+"plain2.txt"))+" "+String(Test path name($dir+"sub"+Folder separator+"moved.txt")))
COPY DOCUMENT($dir+"note.txt"; $dir+"sub"+Folder separator+"deeper"+Folder separator)
COPY DOCUMENT($dir+"note.txt"; $dir+"sub"+Folder separator+"ignored.txt"; "renamed.txt")
Say("a new name replaces the destination's: "+String(Test path name($dir+"sub"+Folder separator+"renamed.txt")))
TEXT TO DOCUMENT($dir+".invisible"; "")
DELETE DOCUMENT($dir+"copy.bin")
Say("deleted: "+String(Test path name($dir+"copy.bin")))

// DOCUMENT LIST and FOLDER LIST, sorted by name.
ARRAY TEXT($names; 0)
DOCUMENT LIST($dir; $names)
Say("DOCUMENT LIST: "+Join(->$names))
DOCUMENT LIST($dir; $names; Ignore invisible)
Say("Ignore invisible: "+Join(->$names))
DOCUMENT LIST($dir; $names; Recursive parsing+Ignore invisible)
Say("Recursive parsing: "+Join(->$names))
DOCUMENT LIST($dir; $names; Recursive parsing+Posix path+Ignore invisible)
Say("Posix path: "+Join(->$names))
FOLDER LIST($dir; $names)
Say("FOLDER LIST: "+Join(->$names))

// GET DOCUMENT PROPERTIES.
var $locked; $invisible : Boolean
var $createdOn; $modifiedOn : Date
var $createdAt; $modifiedAt : Time
GET DOCUMENT PROPERTIES($dir+".invisible"; $locked; $invisible; $createdOn; $createdAt; $modifiedOn; $modifiedAt)
Say("properties: locked="+String($locked)+" invisible="+String($invisible)+" modified today="+String($modifiedOn=Current date))

// An empty name would show a file dialog: fourd shows none, and sets OK to 0.
$ref:=Create document("")
Say("dialog: OK="+String(OK)+" "+String($ref))
ARRAY TEXT($chosen; 2)
Say("Select document: \""+Select document(""; "*"; "Pick one"; 0; $chosen)+"\" OK="+String(OK)+" "+String(Size of array($chosen)))
Say("Select folder: \""+Select folder("Where?")+"\" OK="+String(OK))
Try
	$ref:=Open document($dir+"none.txt")
Catch
	Say("Open document of nothing: "+String(Last errors[0].errCode)+" OK="+String(OK))
End try
Try
	CLOSE DOCUMENT($ref)
Catch
	Say("CLOSE DOCUMENT of a closed reference: "+String(Last errors[0].errCode))
End try

Try
	DELETE FOLDER($dir)
Catch
	Say("DELETE FOLDER of a folder that is not empty: "+String(Last errors[0].errCode))
End try
DELETE FOLDER($dir+"sub"+Folder separator+"deep2")
Say("empty folder deleted: "+String(Test path name($dir+"sub"+Folder separator+"deep2")))
Try
	DELETE FOLDER($dir+"none")
Catch
	Say("DELETE FOLDER of nothing: "+String(Last errors[0].errCode))
End try
DELETE FOLDER($dir+"none"; Delete with contents)
DELETE FOLDER($dir; Delete with contents)
Say("cleaned: "+String(Test path name($dir)))
