// 4D's constants of several themes, by their plain names and by their tokens
// (`Name:Ktheme:index`, as 4D saves them), give the values of 4D's
// documentation: a token's numbers are not the value (On Unload:K2:2 is 24).
var $line : Text
$line:=String(Is collection)+" "+String(Is collection:K8:32)+" "+String(Is text:K8:3)
LOG EVENT(Into system standard outputs; $line+"\n")
$line:=String(On Load)+" "+String(On Unload)+" "+String(On Unload:K2:2)+" "+String(On Clicked:K2:4)+" "+String(On Mouse Up)
LOG EVENT(Into system standard outputs; $line+"\n")
$line:=String(SHA256 digest)+" "+String(Monday)+" "+String(fk resources folder)+" "+String(fk resources folder:K87:11)
LOG EVENT(Into system standard outputs; $line+"\n")
$line:=String(Object type listbox)+" "+String(Into named selection)+" "+String(Form header1)+" "+String(lk selection mode)
LOG EVENT(Into system standard outputs; $line+"\n")
$line:=String(qr HTML file)+" "+String(Debug log recording)+" "+String(XY Screen)+" "+String(Worker process)+" "+String(Other 4D process)
LOG EVENT(Into system standard outputs; $line+"\n")
$line:=String(Vertically centered)+" "+String(Plain form window)+" "+String(4D Server)+" "+String(4D Write license)
LOG EVENT(Into system standard outputs; $line+"\n")
// Text constants.
LOG EVENT(Into system standard outputs; HTTP GET method+" "+Shortcut with Escape+" "+wk page index+" "+Associated standard action+"\n")
// Standard actions are texts: their action names (ak none is empty).
LOG EVENT(Into system standard outputs; "["+ak none+"] "+ak undo+" "+ak select all+" "+ak font color dialog+" "+ak return to design mode+"\n")
// A constant is compared like any value.
If ((On Clicked:K2:4=4) & (Is text=2))
	LOG EVENT(Into system standard outputs; "equal\n")
End if 
