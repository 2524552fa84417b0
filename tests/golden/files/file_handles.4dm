// 4D.FileHandle: writing and reading lines, text up to a stop, bytes, the
// offset, the size and the end of the file.
var $f : 4D.File
gTmp:="tmp_file_handles_"+Generate UUID
$f:=File("/PACKAGE/"+gTmp+".txt")
var $h : 4D.FileHandle
$h:=$f.open("write")
Say("mode "+$h.mode+", charset "+$h.charset+", offset "+String($h.offset))
$h.writeLine("first")
$h.writeText("second;")
$h.writeText("third")
Say("offset after writing: "+String($h.offset)+", size "+String($h.getSize()))
$h:=Null

$h:=$f.open()
Say("read mode: "+$h.mode+" file "+$h.file.fullName)
Say("line: "+$h.readLine())
Say("up to ';': "+$h.readText(";"))
Say("offset: "+String($h.offset)+", eof "+String($h.eof))
Say("rest: "+$h.readText())
Say("eof "+String($h.eof)+", past the end: \""+$h.readLine()+"\" \""+$h.readText()+"\"")
$h.offset:=6
var $part : 4D.Blob
$part:=$h.readBlob(3)
Say("3 bytes at 6: "+BLOB to text($part; UTF8 text without length)+", offset "+String($h.offset))
$part:=$h.readBlob(100)
Say("fewer bytes at the end: "+String($part.size))
Try
	$h.writeText("no")
Catch
	Say("writing a file opened for reading: "+String(Last errors[0].errCode))
End try

$h:=$f.open("append")
Say("append starts at "+String($h.offset))
$h.writeLine("")
$h.setSize(5)
Say("cut to "+String($h.getSize())+": "+$f.getText())
$h:=Null

$f.delete()
$h:=$f.open(New object("mode"; "write"; "breakModeWrite"; Document with CRLF))
$h.writeLine("x")
Say("CRLF line: "+String($f.getContent().size)+" bytes")
$h:=Null
$f.delete()
Try
	$h:=$f.open()
Catch
	Say("reading a file that is not there: "+String(Last errors[0].errCode))
End try
