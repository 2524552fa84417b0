// A singleton per process.
property theme : Text:="light"

singleton Class constructor()
	This.made:=Current process
