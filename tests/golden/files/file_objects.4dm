// 4D.File and 4D.Folder: properties, create, text and BLOB contents, copies,
// moves, renames, listings and deletion, in a folder the case makes and removes.
var $root : 4D.Folder
gTmp:="tmp_file_objects_"+Generate UUID
$root:=Folder("/PACKAGE/"+gTmp)
Say("root: "+$root.path+" exists="+String($root.exists)+" isFolder="+String($root.isFolder)+" name="+$root.name)
Say("created: "+String($root.create())+", again: "+String($root.create()))
Say("class: "+OB Class($root).name+" / "+OB Class(File("/PACKAGE/x.txt")).name)

var $f : 4D.File
$f:=$root.file("notes/today.txt")
Say("file: "+$f.path+" name="+$f.name+" extension="+$f.extension+" fullName="+$f.fullName)
Say("before: exists="+String($f.exists)+" size="+String($f.size)+" isFile="+String($f.isFile))
Say("create makes the folders above: "+String($f.create())+" "+String($f.parent.exists)+" "+$f.parent.path)
Say("parent of the root: "+$root.parent.fullName)
Say("modified today: "+String($f.modificationDate=Current date))

// setText writes UTF-8 with a byte order mark and native (LF) line ends by default.
$f.setText("één\r\ntwee\rdrie")
Say("size with BOM: "+String($f.size))
var $bytes : Blob
$bytes:=$f.getContent()
Say("first bytes: "+String($bytes{0})+" "+String($bytes{1})+" "+String($bytes{2}))
Say("getText: "+Replace string($f.getText(); "\n"; "|"))
Say("CRLF: "+Replace string(Replace string($f.getText("UTF-8"; Document with CRLF); "\r"; "<CR>"); "\n"; "<LF>"))
$f.setText("a\r\nb"; "UTF-8-no-bom"; Document unchanged)
Say("no BOM, unchanged: size "+String($f.size)+", kept: "+String(Position("\r\n"; $f.getText("UTF-8"; Document unchanged))>0))
$f.setText("Ça"; "ISO-8859-1")
Say("Latin-1: size "+String($f.size)+" text "+$f.getText("ISO-8859-1"))
$f.setText("UTF-16"; "UTF-16LE")
Say("UTF-16LE with its BOM: size "+String($f.size)+", read back through the BOM: "+$f.getText())

// getContent and setContent with 4D.Blob.
var $data : 4D.Blob
$data:=4D.Blob.new()
var $scalar : Blob
TEXT TO BLOB("xyz"; $scalar; UTF8 text without length)
$f.setContent($scalar)
$data:=$f.getContent()
Say("content: "+OB Class($data).name+" size "+String($data.size)+" "+BLOB to text($data; UTF8 text without length))

// copyTo, rename, moveTo.
var $copy : 4D.File
$copy:=$f.copyTo($root; "copy.txt")
Say("copy: "+$copy.path+" "+$copy.getText())
$copy:=$copy.rename("renamed.md")
Say("renamed: "+$copy.fullName+" old gone: "+String(Not(File("/PACKAGE/"+gTmp+"/copy.txt").exists)))
var $archive : 4D.Folder
$archive:=$root.folder("archive")
$archive.create()
var $moved : 4D.File
$moved:=$copy.moveTo($archive)
Say("moved: "+$moved.path+" "+String($moved.exists)+" "+String($copy.exists))
var $twice : 4D.File
$twice:=$f.copyTo($archive; "again.txt")
Try
	$f.copyTo($archive; "again.txt")
Catch
	Say("copy onto an existing file: "+String(Last errors[0].errCode))
End try
$twice:=$f.copyTo($archive; "again.txt"; fk overwrite)
Say("with fk overwrite: "+String($twice.exists))
var $folderCopy : 4D.Folder
$folderCopy:=$archive.copyTo($root; "archive2")
Say("folder copy: "+$folderCopy.path+" holds "+String($folderCopy.files().length)+" files")
Try
	$archive.copyTo($archive)
Catch
	Say("a folder copied into itself: "+String(Last errors[0].errCode))
End try

// Listings: sorted by name; invisible files and recursion on request.
$root.file(".hidden").setText("")
$root.file("B.txt").setText("")
$root.file("a.txt").setText("")
Say("files: "+$root.files().map(Formula($1.value.fullName)).join(", "))
Say("visible: "+$root.files(fk ignore invisible).map(Formula($1.value.fullName)).join(", "))
Say("recursive: "+$root.files(fk recursive+fk ignore invisible).map(Formula($1.value.path)).join(", "))
Say("folders: "+$root.folders().map(Formula($1.value.name)).join(", "))
Say("all folders: "+$root.folders(fk recursive).map(Formula($1.value.path)).join(", "))

// Deleting: a file not there is no error; a folder that holds files needs Delete with contents.
$root.file("none.txt").delete()
$root.file("a.txt").delete()
Say("deleted: "+String($root.file("a.txt").exists))
Try
	$archive.delete()
Catch
	Say("not empty: "+String(Last errors[0].errCode)+", still there: "+String($archive.exists))
End try
$root.delete(Delete with contents)
Say("all deleted: "+String($root.exists))
