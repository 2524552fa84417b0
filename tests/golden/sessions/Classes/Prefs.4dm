// A session singleton: one instance per session, shared by its processes.
property made : Integer

session singleton Class constructor()
	This.made:=Current process
