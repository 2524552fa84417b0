// Names known from elsewhere in the project resolve: a sibling method, and a
// process variable only that method assigns.
Helper
ALERT(String(gCounter))
// A 4D command fourd does not have is a warning, tokenized or not.
If (Form event code=On Clicked:K2:4)
	BEEP
End if 
$t:=Get 4D folder:C485(Current resource folder:K5:16)
