// One cart a web session: a session singleton.
property items : Integer

session singleton Class constructor()
	This.items:=0

shared Function add()
	This.items+=1
