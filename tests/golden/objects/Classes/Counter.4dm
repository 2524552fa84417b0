// A counter whose function changes This with OB SET (case ob_set_this).
Class constructor
	This.n:=0

Function bump()
	OB SET(This; "n"; This.n+1)
