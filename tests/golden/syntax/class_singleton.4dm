property settings : Object

singleton Class constructor
	This.settings:={}
