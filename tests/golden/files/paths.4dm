// Paths as texts: Path to object, Object to path, the conversions, and the
// folders of 4D and of the system (shown without the machine's own folders).
var $o : Object
$o:=Path to object("/first/second/fileZ"; Path is POSIX)
ALERT(JSON Stringify($o))
$o:=Path to object("/first/second.bundle/"; Path is POSIX)
ALERT(JSON Stringify($o))
$o:=Path to object("/folder/.invisible"; Path is POSIX)
ALERT(JSON Stringify($o))
$o:=Path to object("archive.tar.gz")
ALERT(JSON Stringify($o))
$o:=Path to object("/images/jan/pict1.png")
$o.name:="pict2"
ALERT("Object to path: "+Object to path($o))
ALERT("folder: "+Object to path(New object("parentFolder"; "/a/"; "name"; "b"; "extension"; ".c"; "isFolder"; True); Path is POSIX))
ALERT("system to POSIX: "+Convert path system to POSIX("/usr/local/"))
ALERT("POSIX to system: "+Convert path POSIX to system("/usr/local/bin"))

// The project's folders: a folder of loose methods is its own database folder.
var $database : Text
$database:=Get 4D folder(Database folder)
ALERT("Database folder ends with a separator: "+String($database[[Length($database)]]=Folder separator)+", is "+Path to object($database).name)
ALERT("Unix syntax: "+String(Get 4D folder(Database folder Unix syntax)=Convert path system to POSIX($database)))
ALERT("Data folder: "+Replace string(Get 4D folder(Data folder); $database; "<database>"))
ALERT("unknown folder: \""+Get 4D folder(99)+"\" OK="+String(OK))
ALERT("Structure file: "+Replace string(Structure file; $database; "<database>"))
ALERT("fk database folder: "+Folder(fk database folder).path+" = "+String(Folder(fk database folder).platformPath=$database))
ALERT("filesystems: "+Folder("/RESOURCES").path+" "+Folder(fk logs folder).path+" "+Folder(fk data folder).path+" "+Folder("/PROJECT").path+" "+Folder("/SOURCES").path)
ALERT("platform path: "+String(File($database+"x.txt"; fk platform path).name)+" "+String(File($database+"x.txt"; fk platform path).parent.platformPath=$database))

// The system's folders are folders that exist (the Windows ones are "").
ALERT("Temporary folder: "+String(Test path name(Temporary folder))+", home: "+String(Test path name(System folder(Home folder)))+", Windows only: \""+System folder(System32 Win)+"\"")
ALERT("fk home folder: "+String(Folder(fk home folder).exists)+", File constant: "+String(File(13)=Null))
Try
	File("relative/path.txt")
Catch
	ALERT("relative path: "+String(Last errors[0].errCode))
End try
ALERT("4D.File.new: "+4D.File.new("/PACKAGE/a.txt").path+", 4D.Folder.new: "+4D.Folder.new(fk resources folder).path)
var $p : Integer
$p:=New process("Show_path"; 0; "show"; File("/DATA/d.json"))
